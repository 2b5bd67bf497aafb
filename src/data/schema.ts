import { DOCUMENT_KINDS, DOCUMENT_PHASES } from '../domain/documentRules';
import type { InstitutionKind } from '../domain/institutions';
import { stateIds } from '../domain/states';
import type { RoleId } from '../domain/types';

/**
 * The SharePoint schema of the product as data: lists, columns, indexes, views, groups and their
 * permissions. Provisioning creates exactly this; adapters read and write exactly these columns; the
 * register query builder may only filter and sort on columns marked `indexed` here.
 */

/** SharePoint `FieldTypeKind` values the schema uses. */
export const FieldKind = {
  Text: 2,
  Note: 3,
  DateTime: 4,
  Choice: 6,
  Boolean: 8,
  Number: 9
} as const;

/** One column of a list. `internalName` is the stable contract; `title` is what users see. */
export interface ColumnSpec {
  readonly internalName: string;
  readonly title: string;
  readonly kind: (typeof FieldKind)[keyof typeof FieldKind];
  readonly indexed: boolean;
  readonly required?: boolean;
  readonly choices?: readonly string[];
  /** SharePoint refuses duplicates (only on indexed columns). */
  readonly unique?: boolean;
}

/** One view of a list. */
export interface ViewSpec {
  readonly title: string;
  readonly viewQuery: string;
  readonly fields: readonly string[];
  readonly rowLimit: number;
}

/** One list or library of the product. */
export interface ListSpec {
  readonly title: string;
  readonly description: string;
  /** 100 = generic list, 101 = document library. */
  readonly baseTemplate: 100 | 101;
  readonly columns: readonly ColumnSpec[];
  /** Built-in columns that must be indexed too (e.g. `Title` holding the dossier reference). */
  readonly builtInIndexed: readonly string[];
  /** Built-in columns (indexed too) that must refuse duplicate values (e.g. `Title` holding a counter's series). */
  readonly builtInUnique?: readonly string[];
  readonly views: readonly ViewSpec[];
  /**
   * Roles whose group holds another level than `GROUP_LIST_LEVEL` (Read) on this list, e.g. Contribute
   * for reference data the DPO team and statisticians maintain themselves (`Codebooks`).
   */
  readonly groupLevels?: Readonly<Partial<Record<RoleId, number>>>;
  /**
   * Versioning on (SP.List.EnableVersioning) for a generic list whose history is shown from its item
   * versions (`Instellingen`); libraries always keep file versions.
   */
  readonly versioning?: boolean;
}

/** SharePoint role definition ids (the same in every site). */
export const RoleDefinitionId = {
  FullControl: 1073741829,
  Edit: 1073741830,
  Contribute: 1073741827,
  Read: 1073741826
} as const;

/** List titles (also the library's URL segment). */
export const LIST_DOSSIERS = 'Dossiers';
/** The append-only event log, the source of truth of every dossier. */
export const LIST_EVENTS = 'Dossiergebeurtenissen';
/** The document library: one folder per dossier reference. */
export const LIBRARY_DOCUMENTS = 'Dossierdocumenten';
/** The number counters: one item per series (`PROT-2026`, `PROT-2026-004/A`), written only by the service. */
export const LIST_NUMBERING = 'Nummering';

/**
 * The survey codebooks: one item per wave (`Title` = catalog wave id, unique). Reference data, not
 * dossier events: the DPO team and the statisticians write it directly (docs/decisions/data.md).
 */
export const LIST_CODEBOOKS = 'Codebooks';
/**
 * The codebooks' files: per import a folder holding the imported source file and one JSON file of
 * variables per wave. A library of its own, so no listing of `Dossierdocumenten` ever sees it.
 */
export const LIBRARY_CODEBOOKS = 'Codeboekbestanden';
/**
 * The text of notes restricted to the DPO and the Chief Statistician (`addComment` with
 * `restriction: 'dpo'`): the event holds only the note's id. Unique permissions: the DPO team and the
 * statisticians hold no level at all here (`NO_ACCESS`), so SharePoint refuses their reads.
 */
export const LIST_RESTRICTED_NOTES = 'Notities DPO';

/**
 * The institution register (issue 15): one item per institution (`Title` = its name), with who may sign
 * for it and when, the mandates and its DPO. Reference data the DPO team maintains directly (Contribute,
 * like the codebooks); versioning on, so the item versions are the history of every change.
 */
export const LIST_INSTITUTIONS = 'Instellingen';

/** Columns of `Instellingen`. `Title` holds the name. */
export const InstitutionColumn = {
  Name: 'Title',
  /** 10 digits, no separators (`normalizeEnterpriseNumber`); unique. */
  EnterpriseNumber: 'EnterpriseNumber',
  Kind: 'InstitutionKind',
  /** JSON array of `AuthorisedSignatory`. */
  Signatories: 'Signatories',
  /** JSON array of `InstitutionMandate`. */
  Mandates: 'Mandates',
  DpoName: 'DpoName',
  DpoEmail: 'DpoEmail'
} as const;

/**
 * The procedure's time settings (issue 16): one item per phase (deadline or expected duration, unit,
 * escalation) and one per other setting (protocol-end reminder, destruction escalation, digest weekday).
 * `Title` holds the key (`review`, `protocolEndReminder`, …). The DPO team maintains it (Contribute),
 * everybody reads it; versioning on, so every change is kept. Provisioning seeds the defaults.
 */
export const LIST_PROCEDURE_SETTINGS = 'Instellingen van de procedure';

/** Columns of `Instellingen van de procedure`. `Title` holds the key. */
export const ProcedureSettingColumn = {
  Key: 'Title',
  /** What the row is about, in Dutch (for the people who edit the list; the key is what counts). */
  Description: 'SettingDescription',
  Days: 'SettingDays',
  /** `kalenderdagen` or `werkdagen` (phases only). */
  Unit: 'SettingUnit',
  /** Days (same unit) after the deadline before the DPO team is alerted (phases only). */
  EscalateAfterDays: 'EscalateAfterDays'
} as const;

/** The choices of the unit column (Dutch words the validation reads). */
export const PROCEDURE_SETTING_UNITS = ['kalenderdagen', 'werkdagen'] as const;

/** Columns of `Notities DPO`. `Title` holds the note id (unique). */
export const RestrictedNoteColumn = {
  NoteId: 'Title',
  DossierReference: 'DossierReference',
  Text: 'NoteText',
  AuthorName: 'NoteAuthor',
  WrittenAt: 'WrittenAt'
} as const;

/**
 * The findings of the dossiers (issue 14): one item per finding, a projection the command service writes
 * after each transition from `Dossier.findings` (the event log stays the truth). For views and reporting.
 */
export const LIST_FINDINGS = 'Bevindingen';

/** Columns of `Dossiers`: the register projection of a dossier. `Title` holds the reference. */
export const DossierColumn = {
  Reference: 'Title',
  State: 'DossierState',
  StateSince: 'StateSince',
  Subject: 'Subject',
  Institution: 'Institution',
  Procedure: 'Procedure',
  AssigneeEmail: 'AssigneeEmail',
  AssigneeName: 'AssigneeName',
  ReceivedOn: 'ReceivedOn',
  ProtocolNumber: 'ProtocolNumber',
  AddendumNumber: 'AddendumNumber',
  ParentProtocolNumber: 'ParentProtocolNumber',
  ProtocolEndDate: 'ProtocolEndDate',
  EventCount: 'EventCount',
  LastEventId: 'LastEventId',
  Snapshot: 'Snapshot',
  PendingEvents: 'PendingEvents',
  StateHistory: 'StateHistory',
  Surveys: 'Surveys',
  VariableCount: 'VariableCount',
  OpenConditions: 'OpenConditions',
  NextConditionDue: 'NextConditionDue',
  // Lifecycle (issue 16).
  /** The retention end of the delivered data (stored at delivery, else what the signed forms state). */
  RetentionEnd: 'RetentionEnd',
  /** The date the protocol was revoked (the dossier keeps its state). */
  RevokedOn: 'RevokedOn'
} as const;

/** Columns of `Dossiergebeurtenissen`. `Title` holds the event type. */
export const EventColumn = {
  EventType: 'Title',
  EventId: 'EventId',
  DossierReference: 'DossierReference',
  Sequence: 'Sequence',
  ActorEmail: 'ActorEmail',
  OccurredAt: 'OccurredAt',
  Payload: 'Payload'
} as const;

/** Columns of `Nummering`. `Title` holds the series (unique). */
export const NumberingColumn = {
  Series: 'Title',
  LastNumber: 'LastNumber'
} as const;

/** Columns of `Dossierdocumenten`. */
export const DocumentColumn = {
  DossierReference: 'DossierReference',
  Kind: 'DocumentKind',
  Phase: 'DocumentPhase',
  CheckStatus: 'CheckStatus',
  CheckBlocking: 'CheckBlocking',
  CheckWarnings: 'CheckWarnings'
} as const;

/** Columns of `Codebooks`. `Title` holds the wave id. */
export const CodebookColumn = {
  Wave: 'Title',
  VariableCount: 'VariableCount',
  SensitiveCount: 'SensitiveCount',
  SourceFileName: 'SourceFileName',
  /** Server-relative URL of the wave's JSON file of variables in `Codeboekbestanden`. */
  VariablesFile: 'VariablesFile',
  ImportedAt: 'ImportedAt',
  ImportedBy: 'ImportedBy'
} as const;

/** Columns of `Bevindingen`. `Title` holds the finding's id (unique per dossier, `findingItemTitle`). */
export const FindingColumn = {
  FindingId: 'Title',
  DossierReference: 'DossierReference',
  DocumentKind: 'DocumentKind',
  FieldId: 'FieldId',
  RowIndex: 'RowIndex',
  Origin: 'Origin',
  CheckId: 'CheckId',
  AuthorName: 'AuthorName',
  Text: 'Text',
  Audience: 'Audience',
  Severity: 'Severity',
  FirstSeenVersion: 'FirstSeenVersion',
  LastSeenVersion: 'LastSeenVersion',
  Status: 'Status',
  WaivedReason: 'WaivedReason',
  History: 'History',
  Revision: 'Revision'
} as const;

/** Result of a form check as the library shows it. */
export type CheckStatus = 'notChecked' | 'passed' | 'warnings' | 'blocking';


const dossiersList: ListSpec = {
  title: LIST_DOSSIERS,
  description: 'Register van de aanvragen van microdata (projectie van de gebeurtenissen).',
  baseTemplate: 100,
  builtInIndexed: ['Title'],
  columns: [
    { internalName: DossierColumn.State, title: 'Status', kind: FieldKind.Choice, indexed: true, required: true, choices: stateIds },
    { internalName: DossierColumn.StateSince, title: 'Status sinds', kind: FieldKind.DateTime, indexed: true },
    { internalName: DossierColumn.Subject, title: 'Onderwerp', kind: FieldKind.Text, indexed: false },
    { internalName: DossierColumn.Institution, title: 'Instelling', kind: FieldKind.Text, indexed: true },
    { internalName: DossierColumn.Procedure, title: 'Procedure', kind: FieldKind.Choice, indexed: true, choices: ['standard', 'simplified'] },
    { internalName: DossierColumn.AssigneeEmail, title: 'Statisticus (e-mail)', kind: FieldKind.Text, indexed: true },
    { internalName: DossierColumn.AssigneeName, title: 'Statisticus', kind: FieldKind.Text, indexed: false },
    { internalName: DossierColumn.ReceivedOn, title: 'Ontvangen op', kind: FieldKind.DateTime, indexed: true },
    // Unique: a number is given once (empty values do not collide); the counter makes duplicates impossible,
    // the column makes a forged or buggy duplicate fail loudly.
    { internalName: DossierColumn.ProtocolNumber, title: 'Protocolnummer', kind: FieldKind.Text, indexed: true, unique: true },
    { internalName: DossierColumn.AddendumNumber, title: 'Addendumnummer', kind: FieldKind.Text, indexed: true, unique: true },
    { internalName: DossierColumn.ParentProtocolNumber, title: 'Bestaand protocol', kind: FieldKind.Text, indexed: true },
    { internalName: DossierColumn.ProtocolEndDate, title: 'Einddatum protocol', kind: FieldKind.DateTime, indexed: true },
    { internalName: DossierColumn.EventCount, title: 'Aantal gebeurtenissen', kind: FieldKind.Number, indexed: false },
    { internalName: DossierColumn.LastEventId, title: 'Laatste gebeurtenis', kind: FieldKind.Text, indexed: false },
    { internalName: DossierColumn.Snapshot, title: 'Momentopname (JSON)', kind: FieldKind.Note, indexed: false },
    { internalName: DossierColumn.PendingEvents, title: 'Laatste transitie (JSON)', kind: FieldKind.Note, indexed: false },
    // Read by the register (lead times, review deadline), never filtered or sorted on: not indexed.
    { internalName: DossierColumn.StateHistory, title: 'Statusgeschiedenis (JSON)', kind: FieldKind.Note, indexed: false },
    // The requested waves, `;`-separated (`surveysColumn.ts`). A Note: 23 SCV waves pass 255 characters.
    // The register filters on it in the browser over all rows, so it is never in $filter: not indexed.
    { internalName: DossierColumn.Surveys, title: 'Bevragingen', kind: FieldKind.Note, indexed: false },
    { internalName: DossierColumn.VariableCount, title: 'Aantal variabelen', kind: FieldKind.Number, indexed: false },
    // The follow-up of the approval's conditions (`conditionFollowUp`). The register's "Voorwaarden te volgen"
    // filters and sorts on them in the browser over all rows, like the surveys: never in $filter, not indexed.
    { internalName: DossierColumn.OpenConditions, title: 'Open voorwaarden', kind: FieldKind.Number, indexed: false },
    { internalName: DossierColumn.NextConditionDue, title: 'Eerstvolgende termijn voorwaarde', kind: FieldKind.DateTime, indexed: false },
    // Lifecycle (issue 16): selected by the register (revoked badge, the chain's dates), never filtered on: not indexed.
    { internalName: DossierColumn.RetentionEnd, title: 'Bewaren tot', kind: FieldKind.DateTime, indexed: false },
    { internalName: DossierColumn.RevokedOn, title: 'Ingetrokken op', kind: FieldKind.DateTime, indexed: false }
  ],
  views: [
    {
      title: 'Alle dossiers',
      viewQuery: '<OrderBy><FieldRef Name="ID" Ascending="FALSE"/></OrderBy>',
      fields: ['Title', DossierColumn.Subject, DossierColumn.State, DossierColumn.StateSince, DossierColumn.Institution, DossierColumn.AssigneeName],
      rowLimit: 100
    },
    {
      title: 'Wacht op beslissing',
      viewQuery:
        '<Where><Eq><FieldRef Name="DossierState"/><Value Type="Choice">awaitingDecision</Value></Eq></Where><OrderBy><FieldRef Name="StateSince"/></OrderBy>',
      fields: ['Title', DossierColumn.Subject, DossierColumn.Institution, DossierColumn.StateSince],
      rowLimit: 100
    }
  ]
};

const eventsList: ListSpec = {
  title: LIST_EVENTS,
  description: 'Gebeurtenissen van de dossiers (alleen toevoegen): de audit trail.',
  baseTemplate: 100,
  // The event type: the public register finds its dossiers by their `Published` events.
  builtInIndexed: ['Title'],
  columns: [
    { internalName: EventColumn.EventId, title: 'Gebeurtenis-id', kind: FieldKind.Text, indexed: true, required: true, unique: true },
    { internalName: EventColumn.DossierReference, title: 'Dossier', kind: FieldKind.Text, indexed: true, required: true },
    { internalName: EventColumn.Sequence, title: 'Volgnummer', kind: FieldKind.Number, indexed: true, required: true },
    { internalName: EventColumn.ActorEmail, title: 'Door', kind: FieldKind.Text, indexed: false },
    { internalName: EventColumn.OccurredAt, title: 'Tijdstip', kind: FieldKind.DateTime, indexed: true },
    { internalName: EventColumn.Payload, title: 'Gegevens (JSON)', kind: FieldKind.Note, indexed: false }
  ],
  views: [
    {
      title: 'Tijdlijn',
      viewQuery: '<OrderBy><FieldRef Name="OccurredAt" Ascending="FALSE"/></OrderBy>',
      fields: ['Title', EventColumn.DossierReference, EventColumn.Sequence, EventColumn.ActorEmail, EventColumn.OccurredAt],
      rowLimit: 100
    }
  ]
};

const documentsLibrary: ListSpec = {
  title: LIBRARY_DOCUMENTS,
  description: 'Documenten van de dossiers: een map per dossier.',
  baseTemplate: 101,
  builtInIndexed: [],
  columns: [
    { internalName: DocumentColumn.DossierReference, title: 'Dossier', kind: FieldKind.Text, indexed: true },
    { internalName: DocumentColumn.Kind, title: 'Soort document', kind: FieldKind.Choice, indexed: true, choices: [...DOCUMENT_KINDS] },
    { internalName: DocumentColumn.Phase, title: 'Fase', kind: FieldKind.Choice, indexed: false, choices: [...DOCUMENT_PHASES] },
    { internalName: DocumentColumn.CheckStatus, title: 'Controle', kind: FieldKind.Choice, indexed: false, choices: ['notChecked', 'passed', 'warnings', 'blocking'] },
    { internalName: DocumentColumn.CheckBlocking, title: 'Blokkerende bevindingen', kind: FieldKind.Number, indexed: false },
    { internalName: DocumentColumn.CheckWarnings, title: 'Waarschuwingen', kind: FieldKind.Number, indexed: false }
  ],
  views: [
    {
      title: 'Per dossier',
      viewQuery: '<OrderBy><FieldRef Name="DossierReference"/><FieldRef Name="FileLeafRef"/></OrderBy>',
      fields: ['DocIcon', 'LinkFilename', DocumentColumn.DossierReference, DocumentColumn.Kind, DocumentColumn.Phase, DocumentColumn.CheckStatus],
      rowLimit: 100
    }
  ]
};

const numberingList: ListSpec = {
  title: LIST_NUMBERING,
  description: 'Tellers van de protocol- en addendumnummers (één item per reeks); alleen de opdrachtendienst schrijft.',
  baseTemplate: 100,
  builtInIndexed: ['Title'],
  builtInUnique: ['Title'],
  columns: [{ internalName: NumberingColumn.LastNumber, title: 'Laatste nummer', kind: FieldKind.Number, indexed: false, required: true }],
  views: []
};

/** A `groupLevels` value: the group holds no permission level on the list (provisioning removes any). */
export const NO_ACCESS = 0;

const restrictedNotesList: ListSpec = {
  title: LIST_RESTRICTED_NOTES,
  description: 'Notities voor de DPO en de hoofdstatisticus: alleen zij (en de dienst) kunnen ze lezen.',
  baseTemplate: 100,
  builtInIndexed: ['Title'],
  builtInUnique: ['Title'],
  columns: [
    { internalName: RestrictedNoteColumn.DossierReference, title: 'Dossier', kind: FieldKind.Text, indexed: true, required: true },
    { internalName: RestrictedNoteColumn.Text, title: 'Notitie', kind: FieldKind.Note, indexed: false, required: true },
    { internalName: RestrictedNoteColumn.AuthorName, title: 'Door', kind: FieldKind.Text, indexed: false },
    { internalName: RestrictedNoteColumn.WrittenAt, title: 'Tijdstip', kind: FieldKind.DateTime, indexed: false }
  ],
  views: [],
  groupLevels: { dpoTeam: NO_ACCESS, statistician: NO_ACCESS }
};

/** The DPO team and the statisticians maintain the codebooks; the others read them. */
const codebookMaintainers: Readonly<Partial<Record<RoleId, number>>> = { dpoTeam: RoleDefinitionId.Contribute, statistician: RoleDefinitionId.Contribute };

const codebooksList: ListSpec = {
  title: LIST_CODEBOOKS,
  description: 'Codeboeken van de bevragingen: één item per golf; de variabelen staan als JSON in de bibliotheek Codeboekbestanden.',
  baseTemplate: 100,
  builtInIndexed: ['Title'],
  builtInUnique: ['Title'],
  columns: [
    { internalName: CodebookColumn.VariableCount, title: 'Aantal variabelen', kind: FieldKind.Number, indexed: false, required: true },
    { internalName: CodebookColumn.SensitiveCount, title: 'Gevoelige variabelen', kind: FieldKind.Number, indexed: false, required: true },
    { internalName: CodebookColumn.SourceFileName, title: 'Bronbestand', kind: FieldKind.Text, indexed: false, required: true },
    { internalName: CodebookColumn.VariablesFile, title: 'Variabelenbestand', kind: FieldKind.Text, indexed: false, required: true },
    { internalName: CodebookColumn.ImportedAt, title: 'Ingelezen op', kind: FieldKind.DateTime, indexed: false, required: true },
    { internalName: CodebookColumn.ImportedBy, title: 'Ingelezen door', kind: FieldKind.Text, indexed: false }
  ],
  views: [
    {
      title: 'Alle codeboeken',
      viewQuery: '<OrderBy><FieldRef Name="Title"/></OrderBy>',
      fields: ['Title', CodebookColumn.VariableCount, CodebookColumn.SensitiveCount, CodebookColumn.SourceFileName, CodebookColumn.ImportedAt, CodebookColumn.ImportedBy],
      rowLimit: 100
    }
  ],
  groupLevels: codebookMaintainers
};

const codebookFilesLibrary: ListSpec = {
  title: LIBRARY_CODEBOOKS,
  description: 'Bestanden van de codeboeken: per inlezing het bronbestand en de variabelen per golf (JSON).',
  baseTemplate: 101,
  builtInIndexed: [],
  columns: [],
  views: [],
  groupLevels: codebookMaintainers
};

/**
 * The register's kinds (the same as the domain's `INSTITUTION_KINDS`, a test holds them equal), written
 * out so the schema does not pull the institution rules into a web part's first load.
 */
const institutionKinds: readonly InstitutionKind[] = ['overheidsdienst', 'onderzoeksinstelling', 'andere'];

/** The DPO team maintains the institution register; the other groups read it (step 1 and step 4 read it). */
const institutionsList: ListSpec = {
  title: LIST_INSTITUTIONS,
  description: 'Register van de instellingen: ondernemingsnummer, soort, wie mag ondertekenen en wanneer, volmachten en de DPO van de instelling. Versiebeheer aan: de geschiedenis van elke wijziging.',
  baseTemplate: 100,
  // The name: looked up (normalised) in the browser, sorted on in the view.
  builtInIndexed: ['Title'],
  columns: [
    { internalName: InstitutionColumn.EnterpriseNumber, title: 'Ondernemingsnummer', kind: FieldKind.Text, indexed: true, unique: true, required: true },
    { internalName: InstitutionColumn.Kind, title: 'Soort instelling', kind: FieldKind.Choice, indexed: false, required: true, choices: institutionKinds },
    { internalName: InstitutionColumn.Signatories, title: 'Ondertekenaars (JSON)', kind: FieldKind.Note, indexed: false },
    { internalName: InstitutionColumn.Mandates, title: 'Volmachten (JSON)', kind: FieldKind.Note, indexed: false },
    { internalName: InstitutionColumn.DpoName, title: 'DPO van de instelling', kind: FieldKind.Text, indexed: false },
    { internalName: InstitutionColumn.DpoEmail, title: 'E-mailadres DPO', kind: FieldKind.Text, indexed: false }
  ],
  views: [
    {
      title: 'Alle instellingen',
      viewQuery: '<OrderBy><FieldRef Name="Title"/></OrderBy>',
      fields: ['Title', InstitutionColumn.EnterpriseNumber, InstitutionColumn.Kind, InstitutionColumn.DpoName, InstitutionColumn.DpoEmail],
      rowLimit: 100
    }
  ],
  groupLevels: { dpoTeam: RoleDefinitionId.Contribute },
  versioning: true
};

const procedureSettingsList: ListSpec = {
  title: LIST_PROCEDURE_SETTINGS,
  description: 'Termijnen van de procedure per fase (dagen, kalender- of werkdagen, escalatie) en de andere tijdsinstellingen: herinnering einde protocol, escalatie vernietiging, weekdag van het overzicht. Het DPO-team beheert de lijst; versiebeheer aan.',
  baseTemplate: 100,
  builtInIndexed: ['Title'],
  builtInUnique: ['Title'],
  columns: [
    { internalName: ProcedureSettingColumn.Description, title: 'Omschrijving', kind: FieldKind.Text, indexed: false },
    { internalName: ProcedureSettingColumn.Days, title: 'Dagen', kind: FieldKind.Number, indexed: false, required: true },
    { internalName: ProcedureSettingColumn.Unit, title: 'Eenheid', kind: FieldKind.Choice, indexed: false, choices: PROCEDURE_SETTING_UNITS },
    { internalName: ProcedureSettingColumn.EscalateAfterDays, title: 'Escalatie na (dagen)', kind: FieldKind.Number, indexed: false }
  ],
  views: [
    {
      title: 'Alle instellingen',
      viewQuery: '<OrderBy><FieldRef Name="ID"/></OrderBy>',
      fields: ['Title', ProcedureSettingColumn.Description, ProcedureSettingColumn.Days, ProcedureSettingColumn.Unit, ProcedureSettingColumn.EscalateAfterDays],
      rowLimit: 100
    }
  ],
  groupLevels: { dpoTeam: RoleDefinitionId.Contribute },
  versioning: true
};

const findingsList: ListSpec = {
  title: LIST_FINDINGS,
  description: 'Bevindingen van de dossiers (automatische controles en opmerkingen van de beoordelaars); alleen de opdrachtendienst schrijft.',
  baseTemplate: 100,
  builtInIndexed: [],
  columns: [
    { internalName: FindingColumn.DossierReference, title: 'Dossier', kind: FieldKind.Text, indexed: true, required: true },
    { internalName: FindingColumn.DocumentKind, title: 'Soort document', kind: FieldKind.Choice, indexed: false, choices: [...DOCUMENT_KINDS] },
    { internalName: FindingColumn.FieldId, title: 'Veld', kind: FieldKind.Text, indexed: false },
    { internalName: FindingColumn.RowIndex, title: 'Rij', kind: FieldKind.Number, indexed: false },
    { internalName: FindingColumn.Origin, title: 'Herkomst', kind: FieldKind.Choice, indexed: false, choices: ['check', 'reviewer'] },
    { internalName: FindingColumn.CheckId, title: 'Controle', kind: FieldKind.Text, indexed: false },
    { internalName: FindingColumn.AuthorName, title: 'Auteur', kind: FieldKind.Text, indexed: false },
    { internalName: FindingColumn.Text, title: 'Tekst', kind: FieldKind.Note, indexed: false },
    // Status and audience are what the views filter on ("Open voor de aanvrager"): indexed for large lists.
    { internalName: FindingColumn.Audience, title: 'Publiek', kind: FieldKind.Choice, indexed: true, choices: ['requester', 'internal'] },
    { internalName: FindingColumn.Severity, title: 'Ernst', kind: FieldKind.Choice, indexed: false, choices: ['blocking', 'warning', 'info'] },
    { internalName: FindingColumn.FirstSeenVersion, title: 'Eerst gezien in versie', kind: FieldKind.Text, indexed: false },
    { internalName: FindingColumn.LastSeenVersion, title: 'Laatst gezien in versie', kind: FieldKind.Text, indexed: false },
    { internalName: FindingColumn.Status, title: 'Status', kind: FieldKind.Choice, indexed: true, choices: ['open', 'addressed', 'resolved', 'waived'] },
    { internalName: FindingColumn.WaivedReason, title: 'Reden aanvaard', kind: FieldKind.Note, indexed: false },
    { internalName: FindingColumn.History, title: 'Geschiedenis (JSON)', kind: FieldKind.Note, indexed: false },
    { internalName: FindingColumn.Revision, title: 'Revisie', kind: FieldKind.Number, indexed: false }
  ],
  views: [
    {
      title: 'Alle bevindingen',
      viewQuery: '<OrderBy><FieldRef Name="DossierReference"/><FieldRef Name="ID"/></OrderBy>',
      fields: ['Title', FindingColumn.DossierReference, FindingColumn.DocumentKind, FindingColumn.FieldId, FindingColumn.Severity, FindingColumn.Status, FindingColumn.Audience],
      rowLimit: 100
    },
    {
      title: 'Open voor de aanvrager',
      viewQuery:
        '<Where><And><Eq><FieldRef Name="Status"/><Value Type="Choice">open</Value></Eq><Eq><FieldRef Name="Audience"/><Value Type="Choice">requester</Value></Eq></And></Where>' +
        '<OrderBy><FieldRef Name="DossierReference"/><FieldRef Name="ID"/></OrderBy>',
      fields: ['Title', FindingColumn.DossierReference, FindingColumn.DocumentKind, FindingColumn.FieldId, FindingColumn.Text, FindingColumn.Severity, FindingColumn.LastSeenVersion],
      rowLimit: 100
    }
  ]
};

// --- Scheduled job (issue 16, jobs) ---
/** The reminder ledger: one item per reminder event; only the job's identity writes. */
export const LIST_REMINDERS = 'Herinneringen';

/** Columns of `Herinneringen`. `Title` holds the idempotency key (unique). */
export const ReminderColumn = {
  Key: 'Title',
  Kind: 'ReminderKind',
  DossierReference: 'DossierReference',
  DueOn: 'DueOn',
  Status: 'ReminderStatus',
  ClaimedAt: 'ClaimedAt',
  Attempts: 'Attempts',
  Steps: 'Steps',
  LastError: 'LastError',
  SentAt: 'SentAt',
  Draft: 'Draft',
  // Issue 16, the register's preview of requester drafts: waiting → sent | dismissed (with a reason).
  DraftStatus: 'DraftStatus',
  DraftHandledBy: 'DraftHandledBy',
  DraftHandledAt: 'DraftHandledAt',
  DraftNote: 'DraftNote'
} as const;

const remindersList: ListSpec = {
  title: LIST_REMINDERS,
  description: 'Herinneringen van de geplande taak: één item per herinnering (sleutel: dossier, soort, vervaldag), zodat niets twee keer verstuurd wordt. Concepten aan aanvragers wachten hier op nalezing.',
  baseTemplate: 100,
  // The key: a claim is the creation of the item; a second claim of the same key is refused.
  builtInIndexed: ['Title'],
  builtInUnique: ['Title'],
  columns: [
    { internalName: ReminderColumn.Kind, title: 'Soort herinnering', kind: FieldKind.Choice, indexed: false, required: true, choices: ['phaseOverdue', 'escalation', 'requesterReminder', 'protocolEnd', 'destructionRequest', 'destructionEscalation', 'weeklyDigest'] },
    { internalName: ReminderColumn.DossierReference, title: 'Dossier', kind: FieldKind.Text, indexed: true },
    { internalName: ReminderColumn.DueOn, title: 'Vervaldag', kind: FieldKind.Text, indexed: false },
    { internalName: ReminderColumn.Status, title: 'Status', kind: FieldKind.Choice, indexed: true, required: true, choices: ['claimed', 'sent', 'failed'] },
    { internalName: ReminderColumn.ClaimedAt, title: 'Geclaimd op', kind: FieldKind.DateTime, indexed: false },
    { internalName: ReminderColumn.Attempts, title: 'Pogingen', kind: FieldKind.Number, indexed: false },
    { internalName: ReminderColumn.Steps, title: 'Stappen (JSON)', kind: FieldKind.Note, indexed: false },
    { internalName: ReminderColumn.LastError, title: 'Laatste fout', kind: FieldKind.Text, indexed: false },
    { internalName: ReminderColumn.SentAt, title: 'Verstuurd op', kind: FieldKind.DateTime, indexed: false },
    { internalName: ReminderColumn.Draft, title: 'Concept aan de aanvrager (JSON)', kind: FieldKind.Note, indexed: false },
    // The register's preview of the drafts (issue 16): who sent or dismissed it, when, and why it was dismissed.
    { internalName: ReminderColumn.DraftStatus, title: 'Status van het concept', kind: FieldKind.Choice, indexed: true, choices: ['waiting', 'sent', 'dismissed'] },
    { internalName: ReminderColumn.DraftHandledBy, title: 'Concept behandeld door', kind: FieldKind.Text, indexed: false },
    { internalName: ReminderColumn.DraftHandledAt, title: 'Concept behandeld op', kind: FieldKind.DateTime, indexed: false },
    { internalName: ReminderColumn.DraftNote, title: 'Reden van negeren', kind: FieldKind.Note, indexed: false }
  ],
  views: [
    {
      title: 'Alle herinneringen',
      viewQuery: '<OrderBy><FieldRef Name="ID" Ascending="FALSE"/></OrderBy>',
      fields: ['Title', ReminderColumn.Kind, ReminderColumn.DossierReference, ReminderColumn.DueOn, ReminderColumn.Status, ReminderColumn.Attempts],
      rowLimit: 100
    }
  ]
};
// --- end scheduled job ---

/** Every list the product provisions, in creation order. */
export const LISTS: readonly ListSpec[] = [
  dossiersList, eventsList, documentsLibrary, numberingList, codebooksList, codebookFilesLibrary, restrictedNotesList, findingsList, institutionsList,
  remindersList,
  // Issue 16: the clocks' settings.
  procedureSettingsList
];

/** The spec of one list by title; throws on a title outside the schema (a programming error). */
export function listSpec(title: string): ListSpec {
  const spec = LISTS.find((list) => list.title === title);
  if (!spec) throw new Error(`List "${title}" is not part of the schema`);
  return spec;
}

/** Internal names that provisioning indexes on a list (`ID` is always indexed by SharePoint). */
export function indexedColumns(title: string): ReadonlySet<string> {
  const spec = listSpec(title);
  return new Set(['ID', 'Id', ...spec.builtInIndexed, ...spec.columns.filter((c) => c.indexed).map((c) => c.internalName)]);
}

/** A site group of the product and the role it maps to in the domain. */
export interface GroupSpec {
  readonly title: string;
  readonly role: RoleId;
  readonly description: string;
}

/** The four groups of workflow.md. Titles are contracts with the tenant. */
export const GROUPS: readonly GroupSpec[] = [
  { title: 'VSA DPO-team', role: 'dpoTeam', description: 'DPO-team van de VSA: intake, administratie, beoordeling, beraad.' },
  { title: 'VSA Statistici', role: 'statistician', description: 'Statistici van de VSA; één wordt per dossier toegewezen.' },
  { title: 'VSA DPO', role: 'dpo', description: 'De functionaris voor gegevensbescherming (DPO); geeft advies.' },
  { title: 'VSA Hoofdstatisticus', role: 'chiefStatistician', description: 'De Hoofdstatisticus: beslist en ondertekent.' }
];

/** The domain role of a site group title, if it is one of ours. */
export function roleOfGroup(groupTitle: string): RoleId | undefined {
  return GROUPS.find((group) => group.title === groupTitle)?.role;
}

/** The site group title of a role. */
export function groupOfRole(role: RoleId): string {
  const group = GROUPS.find((g) => g.role === role);
  if (!group) throw new Error(`No group for role "${role}"`);
  return group.title;
}

/**
 * The permission level every VSA group gets on every list and library of the product: Read. One default
 * for all of `LISTS`, so a list added later is read-only for members without anyone remembering it.
 * Nothing a member does with REST or Graph changes a dossier, an event, a document or a counter: the
 * command service writes, with its own identity's `Sites.Selected` write grant on the site
 * (`npm run provision -- --grant-service <appId>`), and the site owners keep Full Control.
 */
export const GROUP_LIST_LEVEL: number = RoleDefinitionId.Read;

/** The level a role's group holds on a list: the list's own (`groupLevels`, `NO_ACCESS` for none), else `GROUP_LIST_LEVEL`. */
export function groupLevelOn(spec: ListSpec, role: RoleId): number {
  return spec.groupLevels?.[role] ?? GROUP_LIST_LEVEL;
}

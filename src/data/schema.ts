import { DOCUMENT_KINDS, DOCUMENT_PHASES } from '../domain/documentRules';
import type { InstitutionKind } from '../domain/institutions';
import type { RoleId } from '../domain/types';
import {
  dossiersList, FieldKind, indexedColumnsOf, RoleDefinitionId, LIST_EVENTS, LIBRARY_DOCUMENTS, LIST_NUMBERING, LIST_CODEBOOKS,
  LIBRARY_CODEBOOKS, LIST_RESTRICTED_NOTES, LIST_INSTITUTIONS, LIST_PROCEDURE_SETTINGS, LIST_FINDINGS, LIST_REMINDERS,
  InstitutionColumn, ProcedureSettingColumn, PROCEDURE_SETTING_UNITS, RestrictedNoteColumn, EventColumn, NumberingColumn,
  DocumentColumn, CodebookColumn, FindingColumn, ReminderColumn, type ListSpec
} from './schemaNames';

/**
 * The SharePoint schema of the product as data: lists, columns, indexes, views, groups and their
 * permissions. Provisioning creates exactly this; adapters read and write exactly these columns; the
 * register query builder may only filter and sort on columns marked `indexed` here. The names and the
 * `Dossiers` list are in `schemaNames.ts` (the web parts' first load), re-exported here.
 */
export * from './schemaNames';
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
  return indexedColumnsOf(listSpec(title));
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

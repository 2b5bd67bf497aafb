import type {
  Actor,
  CheckSummary,
  DocumentKind,
  DocumentPhase,
  Dossier,
  DossierEvent,
  IsoDate,
  IsoDateTime,
  Lang,
  PersonRef,
  ProcedureId,
  RoleId,
  StateHistoryEntry,
  StateId
} from '../domain/types';
import type { CheckStatus } from './schemaNames';
import type { DossierFinding, FindingAudience, FindingOrigin, FindingSeverity, FindingStatus } from '../domain/findings';
import type { Codebook } from '../forms/types';
import type { ProcedureSettingRow } from '../domain/clocks/settings';
import type { Institution } from '../domain/institutions';

/**
 * Ports of the data layer: what the application needs from storage, identity and messaging, in domain
 * terms only. The SharePoint/Graph adapters implement them; unit tests of the layers above may fake them.
 */

/** An event with its position in the dossier's stream (1-based, no gaps). */
export interface SequencedEvent {
  readonly sequence: number;
  readonly event: DossierEvent;
  /**
   * Who stored the event item, as the store reports it (SharePoint `Author/Name`, e.g.
   * `i:0#.f|membership|an@vsa.be` or the service's app principal `i:0i.t|ms.sp.ext|<appId>@<tenant>`;
   * Graph `createdBy`). Absent when the adapter did not read it (events not yet stored).
   */
  readonly writer?: string;
}

/** The register projection of a dossier as stored in the `Dossiers` list. */
export interface DossierProjection {
  readonly itemId: number;
  /** Opaque concurrency token (SharePoint item ETag, e.g. `"\"3\""`). */
  readonly etag: string;
  readonly reference: string;
  readonly eventCount: number;
  readonly lastEventId?: string;
  /** Events of the last transition, kept until they are known to be in the event log (write-ahead). */
  readonly pendingEvents: readonly SequencedEvent[];
  /** The dossier as last written, if the snapshot was requested and is readable. */
  readonly snapshot?: Dossier;
  /** Who last changed the projection item (SharePoint `Editor/Name`, Graph `lastModifiedBy`), if read. */
  readonly editor?: string;
}

/** What a transition writes into the projection. */
export interface ProjectionWrite {
  readonly dossier: Dossier;
  readonly eventCount: number;
  readonly pendingEvents: readonly SequencedEvent[];
}

/** A dossier's stored state: projection (if any) and the event log. */
export interface DossierStream {
  readonly projection?: DossierProjection;
  readonly events: readonly SequencedEvent[];
}

/** One row of the register (only the columns the register shows). */
export interface RegisterRow {
  readonly itemId: number;
  readonly reference: string;
  readonly subject: string;
  readonly state: StateId;
  readonly stateSince?: IsoDateTime;
  readonly institution?: string;
  readonly procedure?: ProcedureId;
  readonly assignee?: { readonly email: string; readonly displayName: string };
  readonly receivedOn?: IsoDate;
  readonly protocolNumber?: string;
  /** The protocol a simplified dossier (or a request registered on a protocol) builds on. */
  readonly parentProtocolNumber?: string;
  readonly addendumNumber?: string;
  readonly protocolEndDate?: IsoDate;
  readonly modified?: IsoDateTime;
  /**
   * The dossier's state history from the `StateHistory` column, oldest first; absent for items
   * written before the column existed or whose value is unreadable (the register then falls back
   * to the row's current stay).
   */
  readonly stateHistory?: readonly StateHistoryEntry[];
  /** The requested waves (canonical ids, `Surveys` column); absent on rows written before it existed. */
  readonly surveys?: readonly string[];
  /** How many variables the forms request (`VariableCount` column). */
  readonly variableCount?: number;
  /** Conditions of the approval still open (`OpenConditions`); absent when there are none. */
  readonly openConditions?: number;
  /** The first due date among the open conditions (`NextConditionDue`). */
  readonly nextConditionDue?: IsoDate;
  /** Lifecycle (issue 16): the retention end (`RetentionEnd`). */
  readonly retentionEnd?: IsoDate;
  /** Lifecycle (issue 16): the date the protocol was revoked (`RevokedOn`). */
  readonly revokedOn?: IsoDate;
}

/** Sort orders of the register; every one sorts on an indexed column. */
export type RegisterOrder = 'newest' | 'oldest' | 'reference' | 'stateSince' | 'receivedOn' | 'protocolEndDate';

/** Filters of the register; every one maps onto an indexed column (see `registerQuery.ts`). */
export interface RegisterQuery {
  readonly states?: readonly StateId[];
  readonly assigneeEmail?: string;
  readonly procedure?: ProcedureId;
  readonly institution?: string;
  /** e.g. `VSA-2026-` or a full reference. */
  readonly referencePrefix?: string;
  readonly protocolNumber?: string;
  readonly receivedFrom?: IsoDate;
  readonly receivedBefore?: IsoDate;
  readonly stateSinceBefore?: IsoDateTime;
  readonly protocolEndBefore?: IsoDate;
  readonly orderBy?: RegisterOrder;
  /** 1..5000; default 100. */
  readonly pageSize?: number;
}

/** A register item that could not be mapped to a row: skipped, not fatal for the page. */
export interface SkippedRow {
  readonly itemId: number;
  /** Technical reason in English (never personal data), e.g. `unknown state`. */
  readonly reason: string;
}

/** One page of the register; `nextCursor` is absent on the last page. */
export interface RegisterPage {
  readonly rows: readonly RegisterRow[];
  readonly nextCursor?: string;
  /** Items of this page that could not be read (absent when there were none). */
  readonly skipped?: readonly SkippedRow[];
}

/** The `Dossiers` list. */
export interface DossierStore {
  /** Projection + events of one dossier, read together (one `$batch`). */
  loadStream(reference: string): Promise<DossierStream>;
  /** Creates the projection of a new dossier; refuses a reference that already exists. */
  createProjection(write: ProjectionWrite): Promise<DossierProjection>;
  /** Updates with `If-Match: etag`; a `data.error.conflict` DataError when someone else wrote first. */
  updateProjection(itemId: number, etag: string, write: ProjectionWrite): Promise<string>;
  /** A page of the register; `cursor` comes from the previous page. */
  readRegisterPage(query: RegisterQuery, cursor?: string): Promise<RegisterPage>;
  /** Every dossier reference starting with the prefix (e.g. `VSA-2026-`). */
  referencesStartingWith(prefix: string): Promise<string[]>;
  /** Every protocol number given so far that starts with the prefix (e.g. `PROT-2026-`). */
  protocolNumbersStartingWith(prefix: string): Promise<string[]>;
  /** Register rows of the dossiers whose protocol is this number, or that add to it. */
  rowsByProtocolNumber(protocolNumber: string): Promise<RegisterRow[]>;
}

/** The append-only `Dossiergebeurtenissen` list. */
export interface EventStore {
  /** The dossier's events in sequence order, duplicates (same event id) removed. */
  readEvents(reference: string): Promise<SequencedEvent[]>;
  /** Appends the events; ids already in `knownIds` are skipped (idempotent). */
  appendEvents(events: readonly SequencedEvent[], knownIds?: ReadonlySet<string>): Promise<void>;
}

/** A file in a dossier's folder. */
export interface StoredDocument {
  /** Stable id of the file (the library's unique id, else its server-relative URL). */
  readonly id: string;
  readonly fileName: string;
  readonly serverRelativeUrl: string;
  readonly size: number;
  /** Library version label, e.g. `"2.0"`. */
  readonly version: string;
  readonly modified?: IsoDateTime;
  readonly kind?: DocumentKind;
  readonly phase?: DocumentPhase;
  readonly checkStatus?: CheckStatus;
  /** The stored counts of the check (`CheckBlocking`, `CheckWarnings`), when the listing read them. */
  readonly checkBlocking?: number;
  readonly checkWarnings?: number;
}

/** Columns set on a document when it is stored. */
export interface DocumentMetadata {
  readonly kind: DocumentKind;
  readonly phase: DocumentPhase;
  readonly check?: CheckSummary;
}

/** The `Dossierdocumenten` library. */
export interface DocumentLibrary {
  /** Creates the dossier's folder if missing. */
  ensureFolder(reference: string): Promise<void>;
  /** Uploads (a new version when the name exists) and sets the columns. */
  upload(reference: string, fileName: string, content: Uint8Array, metadata: DocumentMetadata): Promise<StoredDocument>;
  list(reference: string): Promise<StoredDocument[]>;
  /** The bytes of the current version, or of a former version by its label. */
  download(reference: string, fileName: string, versionLabel?: string): Promise<Uint8Array>;
  /** Former version labels, oldest first, plus the current one last. */
  versions(reference: string, fileName: string): Promise<string[]>;
}

/**
 * The check columns of a stored document (`CheckStatus`, `CheckBlocking`, `CheckWarnings`): the service
 * rewrites them when the dossier's context changes (a mandate, the check phase). Only the columns
 * change, never the file.
 */
export interface DocumentCheckColumns {
  updateCheck(reference: string, fileName: string, check: CheckSummary | undefined): Promise<void>;
}

/** Who is signed in and who holds which role. */
export interface Directory {
  /** The signed-in user with the roles of the VSA groups they belong to. */
  currentActor(): Promise<Actor>;
  /** Members of the group of a role (e.g. statisticians to assign). */
  membersOf(role: RoleId): Promise<Actor[]>;
}

/** An e-mail to send (Graph `sendMail`). Bodies are plain text; never logged. */
export interface MailMessage {
  readonly to: readonly string[];
  readonly subject: string;
  readonly body: string;
  /** Send from this shared mailbox instead of the signed-in user. */
  readonly fromMailbox?: string;
  /** The scheduled job's idempotency key, carried as a single-value extended property (found again in Sent Items). */
  readonly reminderKey?: string;
}

/** A Teams activity-feed notification (Graph `sendActivityNotification`). */
export interface ActivityNotification {
  readonly recipient: string;
  readonly activityType: string;
  readonly previewText: string;
  readonly topic: { readonly value: string; readonly webUrl: string };
  readonly templateParameters?: Readonly<Record<string, string>>;
}

/**
 * The language a person (or a shared mailbox) reads in, from the directory (Graph `preferredLanguage`,
 * the local tenant's personas): notifications are rendered in it.
 */
export interface RecipientLanguages {
  /** `undefined` when the directory knows no language for the address (or not the address): then Dutch. */
  preferredLanguageOf(address: string): Promise<Lang | undefined>;
}

/** Outbound messages. */
export interface Notifier {
  sendMail(message: MailMessage): Promise<void>;
  notify(notification: ActivityNotification): Promise<void>;
}

/**
 * Gives the number a countersignature records (protocol `PROT-YYYY-NNN` or addendum `<protocol>/A<n>`):
 * reserved in a counter the service updates with `If-Match` (retrying on 412), so two countersignatures
 * at the same moment never get the same number. Only the command service holds one.
 */
export interface NumberIssuer {
  /** The next number for this dossier's countersignature in `year`; reserved once returned. */
  issue(dossier: Dossier, year: number): Promise<string>;
}

/** One wave's codebook as the `Codebooks` list records it (the variables themselves are loaded with `load`). */
export interface CodebookSummary {
  /** Catalog wave id, e.g. `SV-bevraging 2023-1`. */
  readonly wave: string;
  readonly variableCount: number;
  readonly sensitiveCount: number;
  /** The imported file's name, kept in the library beside the parsed codebook. */
  readonly sourceFileName: string;
  readonly importedAt: IsoDateTime;
  /** Display name of who imported it. */
  readonly importedBy?: string;
}

/** A file a codebook import read (DDI-Codebook 2.5 XML or CSV), kept as the import's evidence. */
export interface CodebookSource {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/**
 * The survey codebooks (SharePoint list `Codebooks` with the source files in the library). An import
 * replaces the waves it holds as a whole: a failed import leaves every wave as it was.
 */
export interface CodebookStore {
  /** Every wave that has a codebook, in catalog order. */
  list(): Promise<CodebookSummary[]>;
  /** The codebooks of these waves that exist (waves without one are left out). */
  load(waves: readonly string[]): Promise<Codebook[]>;
  /** Stores the parsed codebooks of one import with its source file; returns the new summaries. */
  save(codebooks: readonly Codebook[], source: CodebookSource, importedBy: PersonRef): Promise<CodebookSummary[]>;
}

/** One version of an institution as the register's history shows it (the list item's versions). */
export interface InstitutionVersion {
  /** `1.0`, `2.0`, … (SharePoint's version label). */
  readonly label: string;
  readonly modified: IsoDateTime;
  /** Display name of who wrote this version. */
  readonly modifiedBy?: string;
  readonly current: boolean;
  /** The record as it was in this version. */
  readonly institution: Institution;
}

/**
 * The institution register (SharePoint list `Instellingen`): reference data the DPO team maintains
 * directly. `save` adds an institution (id `''`) or updates one with `If-Match` on its `revision`: a
 * change made in between fails with `data.error.conflict` naming who changed it
 * (`details.serviceCode = 'institution.error.conflict'`), never overwriting it.
 */
export interface InstitutionStore {
  /** Every institution, by name. */
  list(): Promise<Institution[]>;
  /** One institution, or undefined when it does not exist. */
  get(id: string): Promise<Institution | undefined>;
  /** Adds or updates; returns the record as stored, with its new `revision`, `modified` and `modifiedBy`. */
  save(institution: Institution): Promise<Institution>;
  /** Every version of an institution, newest first (empty when the list keeps no versions). */
  history(id: string): Promise<InstitutionVersion[]>;
}

/** One status change as the `Bevindingen` list keeps it (who by display name only). */
export interface FindingItemChange {
  readonly status: FindingStatus;
  readonly at: IsoDateTime;
  readonly by: string;
  readonly version?: string;
  readonly reason?: string;
  readonly automatic?: boolean;
}

/** A finding as the `Bevindingen` list holds it (a projection of `Dossier.findings`, for views and reports). */
export interface FindingItem {
  readonly id: string;
  readonly dossierReference: string;
  readonly documentKind: DocumentKind;
  readonly fieldId?: string;
  readonly rowIndex?: number;
  readonly origin: FindingOrigin;
  readonly checkId?: string;
  readonly authorName: string;
  readonly text: string;
  readonly audience: FindingAudience;
  readonly severity: FindingSeverity;
  readonly firstSeenVersion: string;
  readonly lastSeenVersion: string;
  readonly status: FindingStatus;
  readonly waivedReason?: string;
  readonly history: readonly FindingItemChange[];
  readonly revision: number;
}

/** Reads the `Bevindingen` list (SharePoint views, reports); the panel reads `Dossier.findings` itself. */
export interface FindingsReader {
  /** The findings of one dossier as the list holds them, in item order. */
  findingsOf(reference: string): Promise<FindingItem[]>;
}

/** What one projection run changed. */
export interface FindingsProjectionReport {
  readonly created: number;
  readonly updated: number;
  /** Duplicate items (of a retried or concurrent run) removed. */
  readonly removed: number;
}

/** The `Bevindingen` list as the command service writes it. */
export interface FindingsStore extends FindingsReader {
  /**
   * Makes the dossier's items match its findings: one item per finding, missing ones created, changed
   * ones updated (never back to an older revision), duplicates removed. Idempotent.
   */
  project(reference: string, findings: readonly DossierFinding[]): Promise<FindingsProjectionReport>;
}

/** The text of a note restricted to the DPO and the Chief Statistician (`Notities DPO`). */
export interface RestrictedNote {
  /** The id the `CommentAdded` event names (`noteId`). */
  readonly noteId: string;
  readonly dossierReference: string;
  readonly text: string;
  /** Display name of who wrote it. */
  readonly authorName: string;
  readonly writtenAt: IsoDateTime;
}

/**
 * The restricted notes' texts. Only the command service writes (`write`, idempotent on `noteId`); a
 * reader reads with her own identity, and SharePoint refuses everyone outside the DPO and Chief
 * Statistician groups (`data.error.accessDenied`).
 */
export interface RestrictedNoteStore {
  /** Stores the note unless one with its id exists already (a retried command writes nothing twice). */
  write(note: RestrictedNote): Promise<void>;
  /** The notes of a dossier, oldest first. */
  notesOf(dossierReference: string): Promise<RestrictedNote[]>;
}

/**
 * The procedure's time settings (SharePoint list `Instellingen van de procedure`, one item per phase
 * and per other setting): the raw rows as stored, for `validateProcedureSettings` (issue 16). Fails
 * when the list cannot be read; the caller then uses the defaults and shows a warning.
 */
export interface ProcedureSettingsReader {
  readRows(): Promise<ProcedureSettingRow[]>;
}

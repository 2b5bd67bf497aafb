/**
 * The dossier register's application service: everything the register screen loads, sends and decides,
 * with no React, PnPjs, Graph or SPFx. `RegisterApp.tsx` only calls it; the host builds it once
 * (`createRegisterService(dataLayer)`). Rules come from the domain (`allowedCommands`, the document
 * rules, `extensionReminders`) and the forms engine; this file orders the calls.
 */
import { protocolChain, protocolNumberOf } from '../domain/chain';
import type { ProtocolScope, ScopeChanges } from '../domain/scope';
import { defaultClockSetup } from '../domain/clocks/holidayCalendar';
import { clockStatus, type ClockSetup, type ClockStatus } from '../domain/clocks/status';
import { addCalendarDays, brusselsDate } from '../domain/clocks/workingDays';
import type { Command, CommandOf } from '../domain/commands';
import { allowedCommands, type TableFacts } from '../domain/permissions';
import type { EffectiveDates } from '../domain/lifecycle';
import { mayMaintainCodebooks, mayMaintainInstitutions, mayReadRestrictedNotes, mayUploadDocuments, mayUseSharedMailbox } from '../domain/capabilities';
import { sendableMailKinds } from '../domain/rules/correspondence';
import type { DossierEvent } from '../domain/events';
import type { Actor, CommandType, DocumentPhase, DomainError, DomainWarning, Dossier, IsoDate, IsoDateTime, Lang } from '../domain/types';
import type { DocumentKind, DocumentRegistration, OutgoingMailKind } from '../domain/types';
import { hasDataErrorCode } from '../data/errors';
import type { RegisterQuery, RegisterRow, RestrictedNoteStore, SkippedRow, StoredDocument } from '../data/ports';
import type { ExtensionReminder } from '../publication/extension';
import { AppError } from './appError';
import type { ProcedureSettingsResult } from './procedureSettings';
import type { HolidayCalendar } from '../domain/clocks/types';
import type { ProcedureSettingsReader } from '../data/ports';
import { newCommandId } from './commandIds';
import type { RegisterMailPort, RegisterPorts } from './registerPorts';
import { documentsForCommand, isDocxName, publicationSource } from '../domain/documentRules';
import type { UploadFile, UploadStep } from './registerUpload';
import type { CheckedDocument, DocumentChecks, RegisterFormsEngineLoader } from './registerChecks';
import { loadFormsEngine } from './formsEngine';
import type { CodebookHit, CodebookLibrary } from './codebooks';
import type { CodebookSummary, InstitutionVersion } from '../data/ports';
import type { InstitutionRegisterPort } from './institutions';
import type { Institution } from '../domain/institutions';
import { annotatedFileName } from './registerFileNames';
import type { FieldDifference } from '../forms/diff';
import type { FormDocument, LocalizedText } from '../forms/types';
import type { FormOfDocument } from './formFacts';

export type { UploadFile, UploadStep } from './registerUpload';
export type { CheckedDocument } from './registerChecks';

/** A command as a screen composes it; the service adds the command id. */
export type CommandRequest = Command extends infer C ? (C extends Command ? Omit<C, 'commandId'> : never) : never;

/** What happened to a command: accepted, refused by the domain, a concurrency conflict, another failure (coded). */
export type RegisterCommandOutcome =
  | { readonly ok: true; readonly dossier: Dossier; readonly warnings: readonly DomainWarning[] }
  | { readonly ok: false; readonly kind: 'refused'; readonly errors: readonly DomainError[] }
  | { readonly ok: false; readonly kind: 'conflict' }
  | { readonly ok: false; readonly kind: 'failed'; readonly error: unknown };

/** A dossier as the panel shows it. */
export interface OpenedDossier {
  readonly reference: string;
  readonly dossier?: Dossier;
  readonly events: readonly DossierEvent[];
  readonly documents: readonly StoredDocument[];
  /** Version labels per document id (oldest first, current last). */
  readonly versions: ReadonlyMap<string, readonly string[]>;
  /** The register rows of the dossier's protocol (protocol, addenda, pending requests). */
  readonly chain?: { readonly protocolNumber: string; readonly rows: readonly RegisterRow[] };
  /** The chain's effective end date (an extension addendum moves it), when the dossier has a protocol. */
  readonly effectiveEndDate?: IsoDate;
  /**
   * The scope in force (`protocolScope`): of the dossier's own protocol after its countersigned addenda;
   * for a request on a protocol, the scope before it (the protocol and the addenda before its own).
   */
  readonly scope?: ProtocolScope;
  /** A request on a protocol: what its requested data would change against `scope`. */
  readonly scopeChanges?: ScopeChanges;
  /** Pending events the projection held but replay ignored (not written by a trusted writer). */
  readonly ignoredPendingEvents?: readonly string[];
  /** Lifecycle (issue 16): the dates in force from the chain, and the revocation of the protocol it builds on. */
  readonly lifecycle?: OpenedLifecycle;
}

/** The open dossier's life after delivery, from its protocol chain's register rows (`lifecycleOf`, in `registerDetail`). */
export interface OpenedLifecycle {
  readonly dates: EffectiveDates;
  readonly tableFacts: TableFacts;
}

/** What a command dialog needs: statisticians to choose from, referenceable documents, a suggested number. */
export interface DialogFacts {
  readonly statisticians: readonly Actor[];
  readonly documents: readonly DocumentRegistration[];
  readonly suggestedNumber?: string;
  /** Why the suggested number is missing (the dialog still opens; the number can be typed). */
  readonly suggestionFailure?: unknown;
}

/** What the signed-in actor may do on the register and on the open dossier. */
export interface RegisterCapabilities {
  readonly commands: readonly CommandType[];
  readonly canCreate: boolean;
  readonly canUpload: boolean;
  /** Mailbox tab, correspondence, publication version, one-click extension. */
  readonly mailFeatures: boolean;
  /**
   * The mail kinds the actor may compose and send from the shared mailbox for the open dossier
   * (`mailSenders`): every kind for the DPO team, the step-1 mails for the assigned statistician.
   */
  readonly sendableMailKinds: readonly OutgoingMailKind[];
  /** The publication version can be made now: the dossier is signed and the actor may publish. */
  readonly canCreatePublicationVersion: boolean;
}

/** A file to hand to the browser. */
export interface SavedFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** Outcome of executing a command, with the dossier reloaded when the screen must show its new state. */
export interface ExecutedCommand {
  readonly outcome: RegisterCommandOutcome;
  /** The open dossier reloaded (after a success on it, or a conflict). */
  readonly reloaded?: OpenedDossier;
}

/** Options of the register service. */
export interface RegisterServiceOptions {
  readonly clock?: () => IsoDateTime;
  readonly newCommandId?: () => string;
  /** The forms engine, loaded on first use (default: a lazy chunk). */
  readonly formsEngine?: RegisterFormsEngineLoader;
  /** The survey codebooks: the checks use them, the "Codeboeken" view maintains them (absent: checked as without codebooks). */
  readonly codebooks?: CodebookLibrary;
  /**
   * The texts of the notes for the DPO (`Notities DPO`), read with the user's identity; SharePoint
   * refuses everyone but the DPO and the Chief Statistician. Absent: only the marker is shown.
   */
  readonly restrictedNotes?: Pick<RestrictedNoteStore, 'notesOf'>;
  /**
   * The institution register: step 1 flags an institution outside it, the "Instellingen" view maintains
   * it. Absent: nothing is flagged and the view is not offered.
   */
  readonly institutions?: InstitutionRegisterPort;
  /** The procedure's time settings (absent: the defaults). */
  readonly procedureSettings?: ProcedureSettingsReader;
  /** The holiday calendar of the clocks (default: the generated table). */
  readonly calendar?: HolidayCalendar;
}

/** The "Instellingen" view's calls, for an actor who may maintain the register (the DPO team). */
export interface RegisterInstitutions {
  list(): Promise<Institution[]>;
  /** Adds (id `''`) or updates with the revision read; a change in between fails as a conflict naming who made it. */
  save(institution: Institution): Promise<Institution>;
  history(id: string): Promise<InstitutionVersion[]>;
}

/** The "Codeboeken" view's calls, for an actor who may maintain the codebooks. */
export interface RegisterCodebooks {
  list(): Promise<CodebookSummary[]>;
  import(file: { readonly fileName: string; readonly bytes: Uint8Array }, wave?: string): Promise<CodebookSummary[]>;
  search(query: string, waves?: readonly string[]): Promise<CodebookHit[]>;
}


/**
 * The dossier detail's code (scope in force, form facts, document checks, uploads) loads with the dossier
 * panel's chunk on first use: the register's first screen, the list, needs none of it (bundle budget).
 */
function loadDetail(): Promise<typeof import('./registerDetail')> {
  return import(/* webpackChunkName: 'register-panel' */ './registerDetail');
}

/** The register service over the data layer's ports. */
export class RegisterService {
  private readonly clock: () => IsoDateTime;
  private readonly newCommandId: () => string;
  /** The document checks with their per-version cache, created once the detail's code has loaded. */
  private checksLoading?: Promise<DocumentChecks>;
  private readonly formsEngine: RegisterFormsEngineLoader;
  private readonly codebooks?: CodebookLibrary;
  private readonly restrictedNotes?: Pick<RestrictedNoteStore, 'notesOf'>;
  private readonly institutions?: InstitutionRegisterPort;
  private readonly settingsReader?: ProcedureSettingsReader;
  private setup: ClockSetup;
  private settingsLoading?: Promise<ProcedureSettingsResult>;

  public constructor(private readonly ports: RegisterPorts, options: RegisterServiceOptions = {}) {
    this.clock = options.clock ?? ((): IsoDateTime => new Date().toISOString());
    this.newCommandId = options.newCommandId ?? newCommandId;
    this.formsEngine = options.formsEngine ?? loadFormsEngine;
    this.codebooks = options.codebooks;
    this.restrictedNotes = options.restrictedNotes;
    this.institutions = options.institutions;
    this.settingsReader = options.procedureSettings;
    this.setup = { ...defaultClockSetup, ...(options.calendar ? { calendar: options.calendar } : {}) };
  }

  private checks(): Promise<DocumentChecks> {
    if (!this.checksLoading) {
      const loading = loadDetail().then((detail) => detail.createDocumentChecks(this.ports.documents, () => this.today(), this.formsEngine, this.codebooks));
      // A chunk that failed to load is asked again next time.
      loading.catch(() => {
        if (this.checksLoading === loading) this.checksLoading = undefined;
      });
      this.checksLoading = loading;
    }
    return this.checksLoading;
  }

  /** The service's clock (rows and deadlines use the same time as commands). */
  public now(): IsoDateTime {
    return this.clock();
  }

  /**
   * Whether a dossier is past its deadline now. A protocol's end date is its chain's effective one
   * when known (`OpenedDossier.effectiveEndDate`), so the panel and the register row agree; `revokedOn`
   * (the lifecycle's `dates.revokedOn`) stops the running phase of a dossier whose protocol was revoked.
   */
  public deadline(dossier: Dossier, effectiveEndDate?: IsoDate, revokedOn?: IsoDate): ClockStatus {
    const setup = this.clockSetup();
    return clockStatus(dossier, setup.settings, setup.calendar, this.now(), { protocolEndDate: effectiveEndDate, ...(revokedOn ? { revokedOn } : {}) });
  }

  /** The settings and holiday calendar the clocks use (the list's settings once read, the defaults before). */
  public clockSetup(): ClockSetup {
    return this.setup;
  }

  /**
   * Reads the procedure's settings (list `Instellingen van de procedure`) once; the clocks use them from
   * then on. A list that cannot be read gives the defaults and a warning (never an exception).
   */
  public async procedureSettings(): Promise<ProcedureSettingsResult> {
    // The validation loads on first use (out of the web part's first load); the defaults are there before.
    this.settingsLoading ??= import(/* webpackChunkName: 'register-settings' */ './procedureSettings').then(({ loadProcedureSettings }) => loadProcedureSettings(this.settingsReader)).then((result) => {
      this.setup = { ...this.setup, settings: result.settings };
      return result;
    });
    return this.settingsLoading;
  }

  private today(): string {
    return this.clock().slice(0, 10);
  }

  /** What the actor may do: the workflow table's commands on the dossier, creating, uploading, mail. */
  /** `facts`: the open dossier's `lifecycle.tableFacts` (its protocol revoked), so the buttons follow `decide`. */
  public capabilities(actor: Actor | undefined, dossier: Dossier | undefined, facts: TableFacts = {}): RegisterCapabilities {
    return capabilitiesOf(actor, dossier, facts);
  }

  /**
   * The codebooks' list, import and search for an actor who may maintain them (DPO team, statisticians);
   * undefined for anyone else or when the host has no codebook store. Imports are recorded under the actor.
   */
  /**
   * The texts of a dossier's notes for the DPO by note id, for the DPO and the Chief Statistician; an
   * empty map for everyone else (who are not even asked: SharePoint would refuse them).
   */
  public async restrictedNotesOf(reference: string, actor: Actor | undefined): Promise<ReadonlyMap<string, string>> {
    const store = this.restrictedNotes;
    if (!store || !mayReadRestrictedNotes(actor)) return new Map();
    return new Map((await store.notesOf(reference)).map((note) => [note.noteId, note.text]));
  }

  public codebooksFor(actor: Actor | undefined): RegisterCodebooks | undefined {
    const library = this.codebooks;
    if (!library || !actor || !mayMaintainCodebooks(actor)) return undefined;
    return {
      list: () => library.list(),
      import: (file, wave) => library.import(file, { id: actor.id, displayName: actor.displayName }, { wave }),
      search: (query, waves) => library.search(query, waves)
    };
  }

  /**
   * The institution register's list, save and history for an actor who may maintain it (the DPO team);
   * undefined for anyone else or when the host has no register.
   */
  public institutionsFor(actor: Actor | undefined): RegisterInstitutions | undefined {
    const register = this.institutions;
    if (!register || !mayMaintainInstitutions(actor)) return undefined;
    return {
      list: () => register.list(),
      save: (institution) => register.save(institution),
      history: (id) => register.history(id)
    };
  }

  /**
   * The notice on a dossier in step 1 whose institution is not in the register (for the DPO team to
   * judge and add it); nothing otherwise, or when the host has no register.
   */
  public async institutionNoticeOf(dossier: Dossier | undefined): Promise<DomainWarning | undefined> {
    if (!dossier || !this.institutions) return undefined;
    return this.institutions.noticeFor(dossier);
  }

  /**
   * Reads the whole register: the first screen (signed-in user and first page) in one request, then the
   * remaining pages in the same order; `onRows` receives every page as it arrives, with the items of
   * that page that could not be read (skipped, to be shown as a notice).
   */
  public async loadRegister(
    pageSize: number,
    onRows: (rows: readonly RegisterRow[], more: boolean, skipped: readonly SkippedRow[]) => void
  ): Promise<Actor> {
    const query: RegisterQuery = { orderBy: 'newest', pageSize };
    const screen = await this.ports.readModel.loadRegisterScreen(query);
    onRows(screen.page.rows, screen.page.nextCursor !== undefined, screen.page.skipped ?? []);
    for (let cursor = screen.page.nextCursor; cursor; ) {
      const page = await this.ports.dossiers.readRegisterPage(query, cursor);
      onRows(page.rows, page.nextCursor !== undefined, page.skipped ?? []);
      cursor = page.nextCursor;
    }
    return screen.actor;
  }

  /** One dossier replayed from its events (undefined when it does not exist). */
  public async loadDossier(reference: string): Promise<Dossier | undefined> {
    return (await this.ports.commands.load(reference)).dossier;
  }

  /**
   * The protocols due for an extension reminder. Only protocols whose own end date falls before the
   * reminder horizon are read in full (with their chain: an extension only moves the end date later);
   * the publication rule `extensionReminders` decides which of those are due.
   */
  public async extensionReminders(): Promise<ExtensionReminder[]> {
    const now = this.clock();
    const horizon = addCalendarDays(brusselsDate(now), this.setup.settings.protocolEndReminderDays + 1);
    const numbers = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.ports.dossiers.readRegisterPage({ protocolEndBefore: horizon, orderBy: 'protocolEndDate', pageSize: 500 }, cursor);
      for (const row of page.rows) if (row.protocolNumber && row.procedure !== 'simplified') numbers.add(row.protocolNumber);
      cursor = page.nextCursor;
    } while (cursor);
    const references = new Set<string>();
    for (const number of numbers) (await this.ports.dossiers.rowsByProtocolNumber(number)).forEach((row) => references.add(row.reference));
    const loaded = await Promise.all([...references].map((reference) => this.loadDossier(reference)));
    // The reminder rule loads with the dashboard that shows it, out of the register's first load.
    const { extensionReminders } = await import(/* webpackChunkName: 'register-dashboard' */ '../publication/extension');
    return extensionReminders(loaded.filter((dossier): dossier is Dossier => dossier !== undefined), now, this.setup.settings);
  }

  /** A dossier's detail: replayed dossier, events, documents with their version lists, protocol chain. */
  public async open(reference: string): Promise<OpenedDossier> {
    const [loaded, { lifecycleOf, scopeOfChain }] = await Promise.all([this.ports.readModel.loadDossierDetail(reference), loadDetail()]);
    const dossier = loaded.dossier;
    const number = dossier ? protocolNumberOf(dossier) : undefined;
    const chain = number ? { protocolNumber: number, rows: await this.ports.dossiers.rowsByProtocolNumber(number) } : undefined;
    // Version history only for files that have one (a first version has nothing to list). A history that
    // cannot be read shows the current version alone: the document itself is still listed and usable.
    const versions = await Promise.all(loaded.documents.map((document) =>
      document.version === '1.0' ? Promise.resolve([document.version]) : this.ports.documents.versions(reference, document.fileName).catch(() => [document.version])));
    return {
      reference,
      dossier,
      events: loaded.events.map((item) => item.event),
      documents: loaded.documents,
      versions: new Map(loaded.documents.map((document, index) => [document.id, versions[index]])),
      chain,
      effectiveEndDate: chain ? protocolChain(chain.rows, chain.protocolNumber).effectiveEndDate : undefined,
      ...(dossier ? { lifecycle: lifecycleOf(dossier, chain?.rows ?? []) } : {}),
      ...(dossier && chain ? await scopeOfChain(dossier, chain.protocolNumber, chain.rows, (other) => this.loadDossier(other)) : {}),
      ...(loaded.ignoredPendingEvents && loaded.ignoredPendingEvents.length > 0 ? { ignoredPendingEvents: loaded.ignoredPendingEvents } : {})
    };
  }

  /**
   * Executes a command on a dossier. The user decided on the dossier as shown (`seen`); if someone else
   * changed it since, the outcome is a conflict instead of applying the command to a state the user has
   * not seen (the store's ETag guards the rest). `openReference`: the dossier the panel shows, reloaded
   * after a success on it or after a conflict.
   */
  public async execute(request: {
    readonly reference: string;
    readonly command: CommandRequest;
    readonly actor: Actor | undefined;
    readonly seen?: Dossier;
    readonly openReference?: string;
  }): Promise<ExecutedCommand> {
    const { reference, command, actor, seen, openReference } = request;
    if (!actor) return { outcome: { ok: false, kind: 'failed', error: new AppError('app.error.notSignedIn') } };
    const reloadOpen = async (): Promise<OpenedDossier | undefined> => (openReference ? this.open(openReference) : undefined);
    try {
      if (seen && seen.reference === reference && command.type !== 'registerRequest') {
        const current = await this.ports.commands.load(reference);
        if (current.dossier && current.dossier.version !== seen.version) return { outcome: { ok: false, kind: 'conflict' }, reloaded: await reloadOpen() };
      }
      const result = await this.ports.commands.execute(reference, { ...command, commandId: this.newCommandId() } as Command, actor, this.clock());
      if (!result.ok) return { outcome: { ok: false, kind: 'refused', errors: result.errors } };
      const outcome: RegisterCommandOutcome = { ok: true, dossier: result.dossier, warnings: result.warnings };
      return { outcome, reloaded: openReference === result.dossier.reference ? await this.open(openReference) : undefined };
    } catch (error) {
      if (hasDataErrorCode(error, 'data.error.conflict')) return { outcome: { ok: false, kind: 'conflict' }, reloaded: await reloadOpen() };
      return { outcome: { ok: false, kind: 'failed', error } };
    }
  }

  /** Registers a new dossier under the next free reference of the current year. */
  public async registerNew(input: Omit<CommandOf<'registerRequest'>, 'type' | 'reference' | 'commandId'>, actor: Actor | undefined): Promise<ExecutedCommand & { readonly reference: string }> {
    const reference = await this.ports.lookups.nextReference(Number(this.clock().slice(0, 4)));
    const executed = await this.execute({ reference, command: { type: 'registerRequest', reference, ...input } as CommandRequest, actor });
    const outcome = executed.outcome;
    // Registered: an institution outside the register is flagged for the DPO team beside the domain's warnings.
    const notice = outcome.ok && this.institutions ? await this.institutions.noticeForRequester(input.requester).catch((error: unknown) => failedNotice(error)) : undefined;
    if (!outcome.ok || !notice) return { ...executed, reference };
    return { ...executed, outcome: { ...outcome, warnings: [...outcome.warnings, notice] }, reference };
  }

  /** Reads and checks a stored .docx once per version (cached), with the dossier's mandate context. */
  public async checkStored(opened: OpenedDossier, document: StoredDocument): Promise<CheckedDocument> {
    const [checks, { dossierFacts }] = await Promise.all([this.checks(), loadDetail()]);
    return checks.checkStored(dossierFacts(opened), document);
  }

  /** The facts a command dialog shows. The statisticians must load (an empty list would mislead). */
  public async dialogFacts(command: CommandType, opened: OpenedDossier): Promise<DialogFacts> {
    const dossier = opened.dossier;
    if (!dossier) throw new AppError('app.error.noDossier');
    const candidates = documentsForCommand(command, opened.documents);
    const checks = await this.checks();
    const documents = await Promise.all(candidates.map(async (document) =>
      checks.registrationOf(document, isDocxName(document.fileName) ? await this.checkStored(opened, document) : undefined)));
    const statisticians = command === 'assignStatistician' ? await this.ports.directory.membersOf('statistician') : [];
    let suggestedNumber: string | undefined;
    let suggestionFailure: unknown;
    if (command === 'countersign') {
      try {
        suggestedNumber = await this.ports.lookups.nextNumberFor(dossier, Number(this.clock().slice(0, 4)));
      } catch (error) {
        suggestionFailure = error;
      }
    }
    return { statisticians, documents: documents.filter((r): r is DocumentRegistration => r !== undefined), suggestedNumber, suggestionFailure };
  }

  /** The parent protocol of a number (for `requestForms` on the simplified procedure). */
  public parentProtocol(protocolNumber: string): ReturnType<RegisterPorts['lookups']['parentProtocol']> {
    return this.ports.lookups.parentProtocol(protocolNumber);
  }

  /**
   * Registering drafts carries the project as the checked application form states it; registering
   * drafts or signed documents carries what the forms state is requested (`requestedDataFromChecked`,
   * the picking the trusted service repeats on the stored files, so a direct writer records the same).
   */
  public async withFormFacts(command: CommandRequest, opened: OpenedDossier): Promise<CommandRequest> {
    if (command.type !== 'registerDraftDocuments' && command.type !== 'registerSignedDocuments') return command;
    const { fallbackDocuments, inheritedRequestedData, requestedDataFromChecked } = await loadDetail();
    const registered = await this.formsOf(opened, command.documents.flatMap((registration) => {
      const stored = opened.documents.find((document) => document.id === registration.id);
      return stored ? [stored] : [];
    }));
    const registeredKinds = registered.map((entry) => entry.form.formType ?? entry.document.kind);
    // A current form is read only at the version the dossier registered (a newer upload does not speak yet).
    const current = await this.formsOf(opened, fallbackDocuments(opened.dossier, registeredKinds).flatMap((registration) => {
      const stored = opened.documents.find((document) => document.id === registration.id && document.version === registration.version);
      return stored ? [{ ...stored, phase: registration.phase }] : [];
    }));
    const inherited = await inheritedRequestedData(opened.dossier, (reference) => this.loadDossier(reference));
    const requestedData = requestedDataFromChecked(await this.formsEngine(), registered, current, inherited);
    if (command.type === 'registerSignedDocuments') return { ...command, requestedData };
    const application = opened.documents.find((d) => d.kind === 'aanvraagformulier' && d.phase === 'draft');
    const project = application ? (await this.checks()).projectOf(application) : undefined;
    return project ? { ...command, requestedData, project } : { ...command, requestedData };
  }

  /** The forms of stored .docx documents, read and checked once per version (the checks' cache). */
  private async formsOf(opened: OpenedDossier, documents: readonly StoredDocument[]): Promise<FormOfDocument[]> {
    const forms: FormOfDocument[] = [];
    for (const document of documents) {
      if (!isDocxName(document.fileName)) continue;
      const { form } = await this.checkStored(opened, document);
      const kind = document.kind ?? (form.formType as DocumentKind | undefined);
      if (kind) forms.push({ document: { id: document.id, fileName: document.fileName, version: document.version, kind, phase: document.phase ?? 'draft' }, form });
    }
    return forms;
  }

  /** Checks and stores dropped files one by one; `onStep` reports each file's progress. */
  public async upload(
    opened: OpenedDossier,
    files: readonly UploadFile[],
    kind: DocumentKind | 'auto',
    phase: DocumentPhase,
    onStep: (index: number, step: UploadStep) => void
  ): Promise<void> {
    const [checks, { dossierFacts, uploadDocuments }] = await Promise.all([this.checks(), loadDetail()]);
    return uploadDocuments(
      { documents: this.ports.documents, loadFormsEngine: this.formsEngine, today: () => this.today(), codebooks: this.codebooks },
      { dossier: dossierFacts(opened), files, kind, phase },
      (index, step) => {
        if (step.status === 'done' && step.checked) checks.remember(dossierFacts(opened), step.stored, step.checked);
        onStep(index, step);
      }
    );
  }

  /** A stored document as it is. */
  public async download(opened: OpenedDossier, document: StoredDocument): Promise<SavedFile> {
    return { fileName: document.fileName, bytes: await this.ports.documents.download(opened.reference, document.fileName) };
  }

  /**
   * "Verschillen": downloads two versions of a stored document, reads both with the forms engine and
   * gives their per-field differences (`formDifferences`).
   */
  public async compareVersions(
    opened: OpenedDossier,
    before: { readonly fileName: string; readonly version: string },
    after: { readonly fileName: string; readonly version: string }
  ): Promise<readonly FieldDifference[]> {
    const engine = await this.formsEngine();
    // Each version is read from its own file: a new version often arrives under another name.
    const read = async (ref: { readonly fileName: string; readonly version: string }): Promise<FormDocument> =>
      engine.readForm(await this.ports.documents.download(opened.reference, ref.fileName, ref.version), ref.fileName);
    const [older, newer] = await Promise.all([read(before), read(after)]);
    // The comparison loads with the forms engine's chunk, on first use.
    const { formDifferences } = await import(/* webpackChunkName: 'vsa-forms-engine' */ '../forms/diff');
    return formDifferences(older, newer);
  }

  /** The forms engine's check messages (automatic findings in the reader's language); undefined when the engine has none. */
  public async findingMessages(): Promise<Readonly<Record<string, LocalizedText>> | undefined> {
    return (await this.formsEngine()).CHECK_MESSAGES;
  }

  /** A stored .docx with one Word comment per finding, named in the user's language. */
  public async downloadAnnotated(opened: OpenedDossier, document: StoredDocument, author: string, lang: Lang): Promise<SavedFile> {
    const bytes = await this.ports.documents.download(opened.reference, document.fileName);
    const checked = await this.checkStored(opened, document);
    const copy = await (await this.checks()).annotate(bytes, checked.findings, author, this.clock(), document.kind);
    return { fileName: annotatedFileName(document.fileName, lang), bytes: copy };
  }

  /** Step 5: the publication version (PDF without signature data) of the registered countersigned original. */
  public async createPublicationVersion(opened: OpenedDossier, mail: RegisterMailPort): Promise<{ readonly stored: StoredDocument; readonly reloaded: OpenedDossier }> {
    const source = publicationSource(opened.dossier?.documents ?? []);
    if (!source) throw new AppError('app.error.noCountersignedDocument');
    const stored = await mail.publication.createPublicationVersion(opened.reference, source.fileName);
    return { stored, reloaded: await this.open(opened.reference) };
  }

  /** The one-click extension request of a protocol end-date reminder. */
  public startExtension(reminder: ExtensionReminder, actor: Actor | undefined, mail: RegisterMailPort): Promise<{ readonly reference: string }> {
    if (!actor) return Promise.reject(new AppError('app.error.notSignedIn'));
    return mail.startExtension(reminder.dossierReference, actor, this.newCommandId(), this.clock());
  }
}

/** Capabilities by the domain's rules (`allowedCommands`, `mayUploadDocuments`, `mayUseSharedMailbox`). */
export function capabilitiesOf(actor: Actor | undefined, dossier: Dossier | undefined, facts: TableFacts = {}): RegisterCapabilities {
  const commands = dossier && actor ? allowedCommands(dossier, actor, facts) : [];
  return {
    commands,
    canCreatePublicationVersion: dossier?.state === 'signed' && commands.includes('publish'),
    canCreate: actor ? allowedCommands(undefined, actor).includes('registerRequest') : false,
    canUpload: mayUploadDocuments(actor, dossier),
    mailFeatures: mayUseSharedMailbox(actor),
    sendableMailKinds: dossier ? sendableMailKinds(actor, dossier) : []
  };
}

/** Builds the register service on the data layer (or any object with its ports). */
export function createRegisterService(ports: RegisterPorts, options: RegisterServiceOptions = {}): RegisterService {
  return new RegisterService(ports, options);
}

/**
 * A register that could not be read while registering: the dossier is registered, so the outcome stays a
 * success and says that the institution could not be checked (the panel checks again when opened).
 */
function failedNotice(error: unknown): DomainWarning {
  const detail = error instanceof Error ? error.message.slice(0, 200) : String(error);
  return { code: 'institution.warning.registerUnreadable', params: { detail } };
}

import type { ConditionInput } from '../../../domain/advice';
import type { ProcedureSettingsReader } from '../../ports';
import type { Command } from '../../../domain/commands';
import type { Actor, DocumentKind, DocumentRegistration, Dossier, IsoDateTime, StateId } from '../../../domain/types';
import type { DocumentSignatureReport } from '../../../domain/signatures';
import type { DocumentResponseBody } from '../../service/contract';
import type { CommandOutcome, DossierCommands } from '../../commandService';
import { DataError } from '../../errors';
import type { DossierLookups } from '../../lookups';
import type { DecisionRecord, DocumentLink, GraphApprovalsReader, QueueDossier } from './graphApprovalsReader';

/** The states the Chief Statistician's queue shows, in the order of the procedure. */
export const approvalsQueueStates: readonly StateId[] = ['awaitingDecision', 'awaitingCountersignature', 'awaitingSignatures'];

/** What the approvals tab loads at once. */
export interface ApprovalsSnapshot {
  readonly queue: readonly QueueDossier[];
  /** Files per dossier reference (dossiers awaiting a decision or countersignature). */
  readonly documents: ReadonlyMap<string, readonly DocumentLink[]>;
  /** References whose stored snapshot could not be read: shown, never silently dropped. */
  readonly unreadable: readonly string[];
}

/**
 * Dependencies of the approvals gateway, built by a composition root (`src/composition`): the Graph
 * reader of the queue, and the command service and lookups on the Graph dossier store.
 */
export interface ApprovalsGatewayDeps {
  readonly reader: GraphApprovalsReader;
  readonly commands: DossierCommands;
  readonly lookups: DossierLookups;
  readonly clock?: () => IsoDateTime;
  /**
   * Stores a file in the dossier's folder through the command service (its upload: checks, never
   * overwrites evidence, and reads a countersigned original's signatures). Absent: no upload here.
   */
  readonly upload?: (reference: string, fileName: string, content: Uint8Array, kind: DocumentKind | 'auto', phase: 'countersigned') => Promise<DocumentResponseBody>;
  /** The procedure's time settings (issue 16); absent: the defaults. */
  readonly settings?: ProcedureSettingsReader;
}

/** A countersigned original stored in the dossier's folder, as the tab offers it. */
export interface CountersignedOriginal {
  readonly fileName: string;
  readonly kind?: DocumentKind;
  /** The service's reading of its signatures, when the tab has it (after an upload). */
  readonly signatures?: DocumentSignatureReport;
}

/** A decision the Chief Statistician takes on a dossier awaiting it. */
export type DecisionInput =
  | { readonly kind: 'approve'; readonly motivation: string }
  | { readonly kind: 'approveWithConditions'; readonly motivation: string; readonly conditions: readonly ConditionInput[] }
  | { readonly kind: 'reject'; readonly motivation: string }
  | { readonly kind: 'requestMoreInformation'; readonly question: string };

/**
 * Everything the approvals tab does, through Microsoft Graph: the queue (one `$batch` of indexed
 * queries), the documents (detail reads in `$batch`es of 20), the history, and the commands through
 * `DossierCommands`: the command service over HTTP in Microsoft 365 (`RemoteCommandService`), or the
 * data layer's `CommandService` on Graph stores where no service is configured (PATCH with `If-Match`).
 * The domain decides what is allowed; this class only shapes commands.
 */
export class ApprovalsGateway {
  public readonly reader: GraphApprovalsReader;
  public readonly commands: DossierCommands;
  public readonly lookups: DossierLookups;
  /** The procedure's time settings the queue's clocks use (absent: the defaults). */
  public readonly settings?: ProcedureSettingsReader;
  private readonly clock: () => IsoDateTime;
  private readonly uploadFile: ApprovalsGatewayDeps['upload'];

  public constructor(deps: ApprovalsGatewayDeps) {
    this.reader = deps.reader;
    this.commands = deps.commands;
    this.lookups = deps.lookups;
    this.clock = deps.clock ?? ((): IsoDateTime => new Date().toISOString());
    this.uploadFile = deps.upload;
    this.settings = deps.settings;
  }

  /**
   * Stores the countersigned original (PDF or Word, as the Chief Statistician signed it) in the dossier's
   * folder as phase `countersigned`, of the kind the dossier countersigns (protocol or addendum). The
   * answer carries the service's reading of its signatures.
   */
  public async uploadCountersigned(reference: string, fileName: string, content: Uint8Array): Promise<CountersignedOriginal> {
    if (!this.uploadFile) throw new DataError('data.error.notConfigured', 'Uploading needs the command service.', 503);
    const loaded = await this.commands.load(reference);
    if (!loaded.dossier) throw new DataError('data.error.notFound', `Dossier ${reference} does not exist.`, 404);
    const kind: DocumentKind = loaded.dossier.procedure === 'simplified' ? 'addendum' : 'protocol';
    const answer = await this.uploadFile(reference, fileName, content, kind, 'countersigned');
    return { fileName: answer.document.fileName, kind: answer.kind, ...(answer.signatures ? { signatures: answer.signatures } : {}) };
  }

  /** The queue and the documents of the dossiers that need the Chief Statistician's eyes. */
  public async loadQueue(): Promise<ApprovalsSnapshot> {
    const read = await this.reader.readQueue(approvalsQueueStates);
    const withDocuments = read.dossiers
      .filter((entry) => entry.dossier.state === 'awaitingDecision' || entry.dossier.state === 'awaitingCountersignature')
      .map((entry) => entry.dossier.reference);
    const documents = withDocuments.length > 0 ? await this.reader.readDocuments(withDocuments) : new Map<string, DocumentLink[]>();
    return { queue: read.dossiers, documents, unreadable: read.unreadable };
  }

  /** Decisions and information requests of the last 12 months (relative to `now`). */
  public async loadHistory(now: IsoDateTime = this.clock()): Promise<DecisionRecord[]> {
    const since = new Date(Date.parse(now));
    since.setUTCFullYear(since.getUTCFullYear() - 1);
    return this.reader.readDecisionHistory(since.toISOString());
  }

  /** Lifecycle (issue 16): revokes a dossier's protocol with its date and reason; the domain decides whether it may. */
  public async revoke(reference: string, input: { readonly date: string; readonly reason: string }, actor: Actor, commandId: string): Promise<CommandOutcome> {
    return this.commands.execute(reference, { type: 'revokeProtocol', commandId, date: input.date, reason: input.reason }, actor);
  }

  /** Approve (with or without conditions), reject or ask for more information; `commandId` is created once per user action. */
  public async decide(reference: string, input: DecisionInput, actor: Actor, commandId: string): Promise<CommandOutcome> {
    const command: Command =
      input.kind === 'requestMoreInformation'
        ? { type: 'requestMoreInformation', commandId, question: input.question }
        : input.kind === 'approveWithConditions'
          ? { type: 'decide', commandId, outcome: 'approvedWithConditions', motivation: input.motivation, conditions: input.conditions }
          : { type: 'decide', commandId, outcome: input.kind === 'approve' ? 'approved' : 'rejected', motivation: input.motivation };
    return this.commands.execute(reference, command, actor);
  }

  /**
   * The number a countersignature would give this dossier now (protocol or addendum number): a
   * suggestion read from the register. The command service issues the real one from its counter.
   */
  public async nextNumber(dossier: Dossier): Promise<string> {
    return this.lookups.nextNumberFor(dossier, new Date(Date.parse(this.clock())).getUTCFullYear());
  }

  /**
   * Countersigns with the countersigned original(s) stored in the dossier's folder. The command carries
   * the suggested number (the domain's command needs one); the command service replaces it with the
   * number it reserves in its counter, so the number to show is the one in the answer's dossier. Each
   * document is a pointer to the stored file: the service rebuilds its registration and reads its
   * signatures. Without `protocolEndDate` the domain lets a standard protocol run until the project's end date.
   */
  public async countersign(reference: string, actor: Actor, commandId: string, originals: readonly CountersignedOriginal[], protocolEndDate?: string): Promise<CommandOutcome> {
    const loaded = await this.commands.load(reference);
    if (!loaded.dossier) throw new DataError('data.error.notFound', `Dossier ${reference} does not exist.`, 404);
    const number = await this.nextNumber(loaded.dossier);
    const kind: DocumentKind = loaded.dossier.procedure === 'simplified' ? 'addendum' : 'protocol';
    const documents: DocumentRegistration[] = originals.map((original) => ({ id: original.fileName, kind: original.kind ?? kind, fileName: original.fileName, version: 'stored' }));
    // The domain defaults the end date of a standard protocol to the project's end date.
    return this.commands.execute(reference, { type: 'countersign', commandId, number, documents, ...(protocolEndDate ? { protocolEndDate } : {}) }, actor);
  }
}

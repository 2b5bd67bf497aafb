/**
 * "Koppelen aan dossier" over the data layer: the dossier is read directly and the review recorded
 * through `DossierCommands` (the command service in Microsoft 365, which takes the reviewer from the
 * token and the time from its clock), so the review becomes an `addComment` event: the audit trail.
 */
import type { DossierCommands } from '../../data/commandService';
import type { Command } from '../../domain/commands';
import { formatError } from '../../domain/formatError';
import type { Actor, DomainError } from '../../domain/types';
import { reviewEventText } from './reviewSummary';
import type { DossierFinding, NewReviewerFinding } from '../../domain/findings';
import type { DossierReviewPort, DossierSummary, FindingStatusChangeRequest, ReviewResult } from './dossierReviewPort';

export type { DossierCommands };

/** Dependencies of {@link createCommandDossierReviewPort}. */
export interface CommandDossierReviewDeps {
  readonly commands: DossierCommands;
  /** The signed-in reviewer with their VSA roles. */
  readonly currentActor: () => Promise<Actor>;
  /** A fresh id per user action (idempotency key of the event). */
  readonly newCommandId: () => string;
}

/**
 * Thrown when the domain refuses to record the review. It carries the first refusal's code and
 * parameters, so `formatFailure` renders it in the reader's language; the message (for logs) lists
 * every reason in Dutch.
 */
export class ReviewRefusedError extends Error {
  /** The first refusal's code (a refused outcome always has one). */
  public readonly code?: DomainError['code'];
  public readonly params?: DomainError['params'];
  public readonly errors: readonly DomainError[];

  public constructor(errors: readonly DomainError[]) {
    super(errors.map((error) => formatError(error, 'nl')).join(' '));
    this.name = 'ReviewRefusedError';
    this.errors = errors;
    this.code = errors[0]?.code;
    this.params = errors[0]?.params;
  }
}

/** The dossier review port over the command service. */
export function createCommandDossierReviewPort(deps: CommandDossierReviewDeps): DossierReviewPort {
  const execute = async (reference: string, command: Command, at: string): Promise<void> => {
    const actor = await deps.currentActor();
    const outcome = await deps.commands.execute(reference, command, actor, at);
    if (!outcome.ok) throw new ReviewRefusedError(outcome.errors);
  };
  return {
    async findDossier(reference: string): Promise<DossierSummary | undefined> {
      const loaded = await deps.commands.load(reference);
      const dossier = loaded.dossier;
      return dossier
        ? { reference: dossier.reference, subject: dossier.subject, state: dossier.state, documents: dossier.documents.map((document) => ({ kind: document.kind })) }
        : undefined;
    },

    async recordReview(result: ReviewResult): Promise<void> {
      const actor = await deps.currentActor();
      const command: Command = { type: 'addComment', commandId: deps.newCommandId(), text: reviewEventText(result) };
      const outcome = await deps.commands.execute(result.reference, command, actor, result.reviewedAt);
      if (!outcome.ok) throw new ReviewRefusedError(outcome.errors);
    },

    async findingsOf(reference: string): Promise<readonly DossierFinding[]> {
      return (await deps.commands.load(reference)).dossier?.findings ?? [];
    },

    async recordFindings(reference: string, findings: readonly NewReviewerFinding[], at: string): Promise<void> {
      if (findings.length === 0) return;
      await execute(reference, { type: 'recordFindings', commandId: deps.newCommandId(), findings }, at);
    },

    async changeFindingStatus(reference: string, change: FindingStatusChangeRequest, at: string): Promise<void> {
      await execute(
        reference,
        {
          type: 'changeFindingStatus',
          commandId: deps.newCommandId(),
          findingId: change.findingId,
          status: change.status,
          expectedRevision: change.expectedRevision,
          ...(change.reason ? { reason: change.reason } : {})
        },
        at
      );
    }
  };
}

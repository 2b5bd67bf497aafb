import { decide, isEventOfCommand } from '../domain/decide';
import { evolve } from '../domain/evolve';
import type { Command } from '../domain/commands';
import type { DossierEvent } from '../domain/events';
import type { DecideFacts } from '../domain/guards/context';
import type { Actor, DomainError, DomainWarning, Dossier, IsoDateTime } from '../domain/types';
import { DataError, hasDataErrorCode } from './errors';
import { mergeStream, type LoadedDossier } from './mergeStream';
import type { DossierStore, EventStore, ProjectionWrite, SequencedEvent } from './ports';

// Replay lives in its own module: the register's first screen reads through it without this service.
export { mergeStream } from './mergeStream';
export type { LoadedDossier, ReplayTrust } from './mergeStream';

/** What `execute` did. A refusal is data (every violation), as `decide` returns it. */
export type CommandOutcome =
  | {
      readonly ok: true;
      readonly dossier: Dossier;
      readonly events: readonly DossierEvent[];
      readonly warnings: readonly DomainWarning[];
      /** True when the command (same `commandId`) had been applied before: nothing new was written. */
      readonly alreadyApplied: boolean;
      /** Errors of the reactions (mail, notifications); the transition itself succeeded. */
      readonly reactionErrors: readonly Error[];
    }
  | { readonly ok: false; readonly errors: readonly DomainError[] };

/** Runs after a transition was stored (mail, notifications); must not change the dossier. */
export type Reaction = (events: readonly DossierEvent[], dossier: Dossier) => Promise<void>;

/**
 * What hosts use to change a dossier: load (direct read) and execute. `CommandService` is the trusted
 * implementation (it runs in the command service, the only writer); `RemoteCommandService` asks the
 * service over HTTP, which ignores `actor` and `now` (identity comes from the token, time from the server).
 */
export interface DossierCommands {
  load(reference: string): Promise<LoadedDossier>;
  execute(reference: string, command: Command, actor?: Actor, now?: IsoDateTime): Promise<CommandOutcome>;
}

/** Dependencies of the command service. */
export interface CommandServiceDeps {
  readonly dossiers: DossierStore;
  readonly events: EventStore;
  /** Current time; passed in so seeding and tests control it. */
  readonly clock?: () => IsoDateTime;
  readonly reactions?: readonly Reaction[];
  /**
   * Looks up what a command's guards need beyond the dossier (e.g. the addresses known for the
   * institution of a dossier a received mail is linked to). Runs here, in the trusted writer, so the
   * facts never come from the client; without it the guards know only the dossier itself.
   */
  readonly decideFacts?: (dossier: Dossier | undefined, command: Command) => Promise<DecideFacts>;
  /** Logins of the writers whose events and pending events replay trusts (see `ReplayTrust`). */
  readonly trustedWriters?: readonly string[];
  /**
   * Projections of the dossier into other lists (`findingsProjection` → `Bevindingen`): run after
   * every transition, before the reactions, and again on a retry of an applied command, so a retry
   * repairs what a failed run left. Must be idempotent; failures are reported as `reactionErrors`.
   */
  readonly projections?: readonly Reaction[];
}

/**
 * The imperative shell of a transition: load → replay → decide → persist → react.
 *
 * Write order (a SharePoint `$batch` is not transactional, so order is what makes it safe):
 * 1. the `Dossiers` item is updated with `If-Match` (or created). It holds the new snapshot AND the new
 *    events (`PendingEvents`): this write is the lock — a concurrent writer gets 412 before it wrote
 *    anything, so the loser never leaves events behind;
 * 2. the events are appended to the log, skipping ids already there.
 * A crash between 1 and 2 leaves events in the projection that the log lacks: every load merges them,
 * and the next transition appends them. On 412 the service reloads, decides again and retries once;
 * then it gives up with a `data.error.conflict`.
 */
export class CommandService implements DossierCommands {
  private readonly clock: () => IsoDateTime;

  public constructor(private readonly deps: CommandServiceDeps) {
    this.clock = deps.clock ?? ((): IsoDateTime => new Date().toISOString());
  }

  /** Loads a dossier (log + projection) and replays it. */
  public async load(reference: string): Promise<LoadedDossier> {
    return mergeStream(await this.deps.dossiers.loadStream(reference), { trustedWriters: this.deps.trustedWriters });
  }

  /**
   * Executes a command on a dossier (for `registerRequest`: the reference in the command).
   * Returns the refusal as data; throws a `DataError` for storage trouble and lost races.
   */
  public async execute(reference: string, command: Command, actor?: Actor, now: IsoDateTime = this.clock()): Promise<CommandOutcome> {
    if (!actor) throw new DataError('data.error.invalidInput', 'The trusted command service needs the authenticated actor.');
    const target = command.type === 'registerRequest' ? command.reference : reference;
    for (let attempt = 0; attempt < 2; attempt++) {
      const loaded = await this.load(target);
      const logIds = new Set(loaded.stream.events.map((item) => item.event.id));
      const applied = loaded.events.filter((item) => isEventOfCommand(item.event.id, command.commandId));
      if (applied.length > 0 && loaded.dossier) {
        await this.deps.events.appendEvents(loaded.missingFromLog, logIds);
        const appliedEvents = applied.map((item) => item.event);
        const projectionErrors = await this.run(this.deps.projections, appliedEvents, loaded.dossier);
        return { ok: true, dossier: loaded.dossier, events: appliedEvents, warnings: [], alreadyApplied: true, reactionErrors: projectionErrors };
      }
      const facts = this.deps.decideFacts ? await this.deps.decideFacts(loaded.dossier, command) : {};
      const decision = decide(loaded.dossier, command, actor, now, facts);
      if (!decision.ok) {
        if (attempt === 0) return { ok: false, errors: decision.errors };
        throw new DataError('data.error.conflict', `Dossier ${target} was changed by someone else; the command no longer applies.`, 412, {
          errors: decision.errors
        });
      }
      const firstSequence = loaded.events.length + 1;
      const added = decision.events.map((event, index): SequencedEvent => ({ sequence: firstSequence + index, event }));
      const dossier = decision.events.reduce<Dossier | undefined>((current, event) => evolve(current, event), loaded.dossier) as Dossier;
      const write: ProjectionWrite = {
        dossier,
        eventCount: loaded.events.length + added.length,
        pendingEvents: [...loaded.missingFromLog, ...added]
      };
      try {
        const projection = loaded.stream.projection;
        if (projection) await this.deps.dossiers.updateProjection(projection.itemId, projection.etag, write);
        else await this.deps.dossiers.createProjection(write);
      } catch (error) {
        if (attempt === 0 && hasDataErrorCode(error, 'data.error.conflict')) continue;
        throw error;
      }
      await this.deps.events.appendEvents(write.pendingEvents, logIds);
      const reactionErrors = [...(await this.run(this.deps.projections, decision.events, dossier)), ...(await this.run(this.deps.reactions, decision.events, dossier))];
      return { ok: true, dossier, events: decision.events, warnings: decision.warnings, alreadyApplied: false, reactionErrors };
    }
    throw new DataError('data.error.conflict', `Dossier ${target} was changed by someone else twice; try again.`, 412);
  }

  private async run(steps: readonly Reaction[] | undefined, events: readonly DossierEvent[], dossier: Dossier): Promise<Error[]> {
    const errors: Error[] = [];
    for (const reaction of steps ?? []) {
      try {
        await reaction(events, dossier);
      } catch (error) {
        errors.push(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return errors;
  }
}

/**
 * The clients' `DossierCommands`: reading stays direct (the same one `$batch` as before), every change
 * is asked of the command service, the only writer. The service takes the actor from the access token
 * and the time from its own clock, so `actor` and `now` are not sent.
 */
import type { Command } from '../../domain/commands';
import type { Actor, IsoDateTime } from '../../domain/types';
import type { LoadedDossier } from '../mergeStream';
import type { CommandOutcome, DossierCommands } from '../commandService';
import { DataError } from '../errors';
import type { DossierStore } from '../ports';
import { serviceRoutes } from './contract';
import type { CommandRequestBody, CommandResponseBody, ReactionFailure } from './contract';
import { isDataErrorCode, parseJson, sendToService, serviceErrorOf, type ServiceRetryOptions } from './serviceCall';
import type { ServiceHttp } from './serviceHttp';

/** A reaction (mail, notification) the service reports as failed; carries the service's code for the catalog. */
export class ServiceReactionError extends Error {
  public constructor(
    message: string,
    public readonly code?: string
  ) {
    super(message);
    this.name = 'ServiceReactionError';
  }
}

/** A reaction failure as an `Error`: a `DataError` when its code is one (so `formatFailure` translates it). */
function reactionErrorOf(failure: ReactionFailure): Error {
  const message = typeof failure.message === 'string' ? failure.message : 'A reaction failed.';
  return isDataErrorCode(failure.code) ? new DataError(failure.code, message) : new ServiceReactionError(message, failure.code);
}

/** Dependencies of the remote command service. */
export interface RemoteCommandServiceDeps {
  /** The direct read of a dossier's projection and events (SharePoint or Graph store). */
  readonly dossiers: Pick<DossierStore, 'loadStream'>;
  readonly http: ServiceHttp;
  /** Writers whose events the client's replay trusts (the service's app principal); see `ReplayTrust`. */
  readonly trustedWriters?: readonly string[];
  readonly retry?: ServiceRetryOptions;
}

/** `DossierCommands` over the command service's HTTP API (see `contract.ts`). */
export class RemoteCommandService implements DossierCommands {
  public constructor(private readonly deps: RemoteCommandServiceDeps) {}

  /** Reads the dossier directly and replays it, as the trusted service does. */
  public async load(reference: string): Promise<LoadedDossier> {
    const stream = await this.deps.dossiers.loadStream(reference);
    // Replay (`evolve`) loads on first use, apart from the register's first screen.
    const { mergeStream } = await import(/* webpackChunkName: 'dossier-replay' */ '../mergeStream');
    return mergeStream(stream, { trustedWriters: this.deps.trustedWriters });
  }

  /**
   * Asks the service to execute the command. `actor` and `now` are ignored: the service knows who
   * calls from the token. A refusal (422) is data; any other failure a `DataError`.
   */
  public async execute(reference: string, command: Command, actor?: Actor, now?: IsoDateTime): Promise<CommandOutcome> {
    // Only the command goes out: an actor a caller may have spread into it is not ours to send.
    const bare: Record<string, unknown> = { ...command };
    delete bare.actor;
    const body: CommandRequestBody = { command: bare as unknown as Command };
    const what = `${command.type} on ${reference}`;
    const response = await sendToService(
      this.deps.http,
      { method: 'POST', path: serviceRoutes.command(reference), headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
      what,
      this.deps.retry
    );
    if (response.status !== 200 && response.status !== 422) throw await serviceErrorOf(response, what);
    const answer = parseJson<CommandResponseBody>(await response.text(), what, response.status);
    if (response.status === 422 || answer.ok === false) {
      if (answer.ok !== false || !Array.isArray(answer.errors)) {
        throw new DataError('data.error.unavailable', `${what}: the service answered ${response.status} without the refusal's reasons.`, response.status);
      }
      return { ok: false, errors: answer.errors };
    }
    return {
      ok: true,
      dossier: answer.dossier,
      events: answer.events ?? [],
      warnings: answer.warnings ?? [],
      alreadyApplied: answer.alreadyApplied === true,
      reactionErrors: (answer.reactionErrors ?? []).map(reactionErrorOf)
    };
  }
}

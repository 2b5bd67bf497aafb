/**
 * Replay of a dossier as stored: the event log merged with the events of the last transition the
 * projection holds (`mergeStream`). In a module of its own, apart from the command service (`decide`
 * and every guard), so that reading a dossier does not load the code that changes one: the register's
 * first screen and the clients' `RemoteCommandService` read through it (bundle budget, docs/performance.md).
 */
import { EventFoldError, replay } from '../domain/evolve';
import type { Dossier } from '../domain/types';
import { DataError } from './errors';
import type { DossierStream, SequencedEvent } from './ports';
import { isOwnWriter, isTrustedWriter } from './writers';

/** The dossier as stored: the event log plus the events of the last transition not yet in it. */
export interface LoadedDossier {
  readonly dossier?: Dossier;
  readonly events: readonly SequencedEvent[];
  /** Events the projection promised but the log lacks (a crash between the two writes). */
  readonly missingFromLog: readonly SequencedEvent[];
  readonly stream: DossierStream;
  /**
   * Ids of pending events the projection holds but that were ignored because the projection item was
   * last written by someone other than a trusted writer (a member editing `PendingEvents` by hand).
   */
  readonly ignoredPendingEvents?: readonly string[];
}

/** How a host checks who wrote what it replays. */
export interface ReplayTrust {
  /**
   * Logins of the trusted writers (the command service's app principal, `appPrincipalLogin(appId,
   * tenantId)`). When given, every event must be written by one of them or by its own actor (legacy
   * events a browser wrote before the service existed), and pending events count only when the
   * projection's last editor is one of them. Absent: nothing is checked (hosts not yet on the service).
   */
  readonly trustedWriters?: readonly string[];
}

/**
 * Combines log and projection: the log is the truth; events of the last transition that the projection
 * holds but the log lacks are added (the write-ahead part of a transition that crashed half-way).
 * With trusted writers, an event stored by anyone else than a trusted writer or its own actor is
 * refused (`data.error.tampered`, naming the event ids), and pending events of a projection that a
 * non-trusted writer edited last are ignored and reported (`ignoredPendingEvents`).
 */
export function mergeStream(stream: DossierStream, trust: ReplayTrust = {}): LoadedDossier {
  const trusted = trust.trustedWriters;
  if (trusted) {
    const forged = stream.events.filter((item) => !isTrustedWriter(item.writer, trusted) && !isOwnWriter(item.writer, item.event.actor.id));
    if (forged.length > 0) {
      const reference = stream.projection?.reference ?? forged[0].event.dossierReference;
      const eventIds = forged.map((item) => item.event.id).join(', ');
      throw new DataError('data.error.tampered', `The event log of ${reference} holds ${forged.length} event(s) not written by a trusted writer or their actor: ${eventIds}.`, undefined, {
        reference,
        eventIds
      });
    }
  }
  const logIds = new Set(stream.events.map((item) => item.event.id));
  const pending = (stream.projection?.pendingEvents ?? []).filter((item) => !logIds.has(item.event.id));
  const pendingTrusted = !trusted || pending.length === 0 || isTrustedWriter(stream.projection?.editor, trusted);
  const missingFromLog = pendingTrusted ? pending : [];
  const ignoredPendingEvents = pendingTrusted ? undefined : pending.map((item) => item.event.id);
  const events = [...stream.events, ...missingFromLog].sort((a, b) => a.sequence - b.sequence);
  for (let index = 0; index < events.length; index++) {
    if (events[index].sequence !== index + 1) {
      const reference = stream.projection?.reference ?? events[0].event.dossierReference;
      throw new DataError('data.error.corrupt', `The event log of ${reference} has a gap or repeat at position ${index + 1}.`);
    }
  }
  let dossier: Dossier | undefined;
  try {
    dossier = replay(events.map((item) => item.event));
  } catch (error) {
    if (error instanceof EventFoldError) throw new DataError('data.error.corrupt', `The event log cannot be replayed: ${error.message}`);
    throw error;
  }
  return { dossier, events, missingFromLog, stream, ...(ignoredPendingEvents ? { ignoredPendingEvents } : {}) };
}

/**
 * A dossier stopped by the revocation of its protocol (its own, or the protocol a pending addendum or
 * request builds on) has no running phase: the workflow table refuses its steps (`onRevokedProtocol`),
 * so neither a screen (`clockStatus`) nor the job (`reminderFactsOf`) shows or reminds a phase deadline.
 * The days already spent stay (vsaDays, requesterDays, segments). One rule for both.
 */
import type { IsoDate } from '../types';
import type { DossierClock } from './types';

/** The clock in force: without its running phase when the protocol was revoked (`revokedOn` given). */
export function clockInForce(clock: DossierClock, revokedOn: IsoDate | undefined): DossierClock {
  if (revokedOn === undefined || !clock.current) return clock;
  return { vsaDays: clock.vsaDays, requesterDays: clock.requesterDays, segments: clock.segments };
}

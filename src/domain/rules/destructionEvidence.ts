/**
 * Whether a recorded mail can confirm the destruction of the delivered data: a received mail, received
 * (Europe/Brussels date) on or after the delivery date; a mail from before (e.g. the forms mail) cannot. The
 * destruction guard and the destruction dialog's choices both ask this. Kept apart from src/domain/lifecycle.ts
 * so the register's first load (the command dialogs) does not carry the lifecycle rules.
 */
import { brusselsDate } from '../clocks/workingDays';
import type { CorrespondenceEntry, IsoDate } from '../types';

export function mailConfirmsDestruction(entry: CorrespondenceEntry, deliveredOn: IsoDate | undefined): boolean {
  if (entry.direction !== 'incoming') return false;
  return !deliveredOn || brusselsDate(entry.receivedAt) >= deliveredOn;
}

/**
 * The life of a protocol after delivery (issue 16): what was delivered, the retention end, the dates an
 * extension moves, the revocation and the destruction follow-up. Pure rules; the register, the panel,
 * the public register and the scheduled job call them (docs/decisions/lifecycle.md).
 */
import { protocolChain, protocolNumberOf, type ChainFacts } from './chain';
import { addCalendarDays, brusselsDate, calendarDaysBetween } from './clocks/workingDays';
import type { DeliveryChannel, DomainWarning, Dossier, IsoDate, IsoDateTime } from './types';

/** The delivery channels as data (labels in `labels.ts`), in the order the dialog offers them. */
export const deliveryChannels: readonly DeliveryChannel[] = ['secureLink', 'sftp', 'medium'];

/** True for a known delivery channel. */
export function isDeliveryChannel(value: unknown): value is DeliveryChannel {
  return typeof value === 'string' && (deliveryChannels as readonly string[]).includes(value);
}

/** True for a SHA-256 checksum written as 64 hexadecimal digits (either case). */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-fA-F]{64}$/.test(value);
}

/** A checksum as stored: trimmed, lower case. */
export const normalizeSha256 = (value: string): string => value.trim().toLowerCase();

/**
 * What the lifecycle rules read of a dossier: the chain's fields, the retention end (stored at delivery,
 * else what the signed forms state) and the revocation date. Full dossiers (`lifecycleFactsOf`) and
 * register rows both provide it, so the panel, the register and the job compute the same dates.
 */
export interface LifecycleFacts extends ChainFacts {
  readonly retentionEnd?: IsoDate;
  readonly revokedOn?: IsoDate;
}

/** The lifecycle facts of a full dossier. */
export function lifecycleFactsOf(dossier: Dossier): LifecycleFacts {
  const retentionEnd = dossier.retentionEnd ?? dossier.requestedData?.retentionEnd;
  return {
    reference: dossier.reference,
    state: dossier.state,
    procedure: dossier.procedure,
    protocolNumber: dossier.protocolNumber,
    parentProtocolNumber: dossier.parentProtocolNumber,
    addendumNumber: dossier.addendumNumber,
    protocolEndDate: dossier.protocolEndDate,
    ...(retentionEnd ? { retentionEnd } : {}),
    ...(dossier.revocation ? { revokedOn: dossier.revocation.date } : {})
  };
}

/** The dates in force for a dossier of a protocol, after the chain's extension addenda and a revocation. */
export interface EffectiveDates {
  /** The protocol's end date, or the later one a countersigned extension addendum set. */
  readonly protocolEnd?: IsoDate;
  /** The retention end, moved by as many days as the extensions moved the protocol end. */
  readonly retentionEnd?: IsoDate;
  /** The date the protocol was revoked (on the protocol's dossier; its addenda follow it). */
  readonly revokedOn?: IsoDate;
  /** Addendum numbers that moved the protocol end, in number order. */
  readonly movedBy: readonly string[];
}

/** Calendar days and Brussels dates are the clocks' rule (one place: src/domain/clocks/workingDays.ts). */
export { addCalendarDays, brusselsDate };


/**
 * The dates in force for `subject` among the dossiers of the register (`dossiers` may or may not hold
 * `subject`). The protocol end is the chain's effective end; an extension keeps the distance between
 * the protocol end and the retention end (the data may be kept as long after the new end as after the
 * old one). An addendum dossier without a retention end of its own takes its protocol's. The revocation
 * is the protocol dossier's: revoking a protocol revokes its addenda.
 */
export function effectiveDates(subject: LifecycleFacts, dossiers: readonly LifecycleFacts[]): EffectiveDates {
  const number = protocolNumberOf(subject);
  if (!number) {
    return { ...optional('protocolEnd', subject.protocolEndDate), ...optional('retentionEnd', subject.retentionEnd), ...optional('revokedOn', subject.revokedOn), movedBy: [] };
  }
  const members = [subject, ...dossiers.filter((dossier) => dossier.reference !== subject.reference)];
  const chain = protocolChain(members, number);
  const base = chain.protocol?.protocolEndDate;
  const protocolEnd = chain.effectiveEndDate ?? subject.protocolEndDate;
  const movedBy = base ? chain.addenda.filter((addendum) => addendum.protocolEndDate !== undefined && addendum.protocolEndDate > base).map((addendum) => addendum.addendumNumber as string) : [];
  const shift = base && protocolEnd && protocolEnd > base ? calendarDaysBetween(base, protocolEnd) : 0;
  const ownRetention = subject.retentionEnd ?? chain.protocol?.retentionEnd;
  const retentionEnd = ownRetention ? addCalendarDays(ownRetention, shift) : undefined;
  const revokedOn = chain.protocol?.revokedOn ?? subject.revokedOn;
  return { ...optional('protocolEnd', protocolEnd), ...optional('retentionEnd', retentionEnd), ...optional('revokedOn', revokedOn), movedBy };
}

/**
 * The retention rule: the data may be kept no longer than the protocol that allows their communication
 * (after its end, nothing is left to keep them on). A retention end after the (effective) protocol end is
 * a warning the DPO team sees, not a refusal (an extension may be under way); an unknown retention end is
 * a warning too (the follow-up then starts from the protocol end).
 */
export function retentionWarnings(dates: Pick<EffectiveDates, 'protocolEnd' | 'retentionEnd'>): DomainWarning[] {
  if (!dates.retentionEnd) return [{ code: 'dossier.warning.retentionUnknown' }];
  if (dates.protocolEnd && dates.retentionEnd > dates.protocolEnd) {
    return [{ code: 'dossier.warning.retentionAfterProtocolEnd', params: { retentionEnd: dates.retentionEnd, protocolEnd: dates.protocolEnd } }];
  }
  return [];
}

/** Why the destruction follow-up starts when it does. */
export type DestructionFollowUpBasis = 'revoked' | 'retentionEnd' | 'protocolEnd';

/** Where a delivered dossier stands with the destruction of its data. */
export interface DestructionFollowUp {
  /** From this date the requester is asked to confirm the destruction (and the job escalates later). */
  readonly from: IsoDate;
  readonly basis: DestructionFollowUpBasis;
  /** True once the destruction was confirmed (the dossier is `closed`). */
  readonly confirmed: boolean;
  /** True when `from` is today or earlier (Brussels) and the destruction is not confirmed. */
  readonly due: boolean;
  /** Whole days since `from` (0 before it). */
  readonly daysSince: number;
}

/**
 * The destruction follow-up of a dossier at `now`, for the scheduled job (draft the mail asking the
 * requester to confirm, escalate to the DPO team) and the panel. Only a dossier whose data were delivered
 * has one: undefined before delivery (nothing to destroy) and when no date is known at all. `from` is the
 * revocation date when the protocol was revoked before the retention end, else the (effective) retention
 * end, else the (effective) protocol end.
 */
export function destructionFollowUp(dossier: Dossier, dates: EffectiveDates, now: IsoDateTime): DestructionFollowUp | undefined {
  if (dossier.delivery === undefined || (dossier.state !== 'delivered' && dossier.state !== 'closed')) return undefined;
  const retention = dates.retentionEnd ?? dossier.retentionEnd;
  const planned: { from: IsoDate; basis: DestructionFollowUpBasis } | undefined = retention
    ? { from: retention, basis: 'retentionEnd' }
    : dates.protocolEnd ?? dossier.protocolEndDate
      ? { from: (dates.protocolEnd ?? dossier.protocolEndDate) as IsoDate, basis: 'protocolEnd' }
      : undefined;
  const revokedOn = dates.revokedOn ?? dossier.revocation?.date;
  const start = revokedOn && (!planned || revokedOn < planned.from) ? { from: revokedOn, basis: 'revoked' as const } : planned;
  if (!start) return undefined;
  const confirmed = dossier.state === 'closed';
  const daysSince = Math.max(0, calendarDaysBetween(start.from, brusselsDate(now)));
  return { ...start, confirmed, due: !confirmed && brusselsDate(now) >= start.from, daysSince };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** Which received mail can confirm the destruction: its own small module, so dialogs load it without the lifecycle. */
export { mailConfirmsDestruction } from './rules/destructionEvidence';

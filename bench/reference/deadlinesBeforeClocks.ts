/**
 * FROZEN REFERENCE, benchmark peer only: `src/domain/deadlines.ts` as it was before the clocks of
 * issue 16 replaced it (`git show 00edbae:src/domain/deadlines.ts`), with the three types it took from
 * `src/domain/types.ts` at that commit inlined (they are gone from src). Nothing in src imports this;
 * never edit its rule, it is the "before" of `bench/clocks.bench.ts`. `overdueDossiers` is left out
 * (it needs whole `Dossier`s and is not measured).
 */
import type { Dossier, IsoDate, IsoDateTime, StateId } from '../../src/domain/types';

export interface DeadlinePolicy {
  /** Review must be done within this many days of entering `underReview`. */
  readonly reviewDays: number;
  /** Remind when `awaitingSignatures` is older than this. */
  readonly signaturesReminderDays: number;
  /** Remind this many days before the protocol end date. */
  readonly protocolEndReminderDays: number;
}

export type DeadlineKind = 'review' | 'signatures' | 'protocolEnd';

/** The deadline status of one dossier at `now`. */
export interface OverdueStatus {
  readonly overdue: boolean;
  /** Absent when no deadline applies in the dossier's state. */
  readonly kind?: DeadlineKind;
  readonly dueAt?: IsoDateTime;
  /** Whole days since `dueAt` (0 when not overdue). */
  readonly overdueSinceDays: number;
}

// ---- below: 00edbae:src/domain/deadlines.ts, unchanged ----

/** Defaults from workflow.md; every field can be overridden. */
export const defaultDeadlinePolicy: DeadlinePolicy = { reviewDays: 30, signaturesReminderDays: 30, protocolEndReminderDays: 60 };

const dayMs = 24 * 60 * 60 * 1000;
const addDays = (at: IsoDateTime, days: number): IsoDateTime => new Date(Date.parse(at) + days * dayMs).toISOString();

/** The review runs from the latest entry into `underReview` until the decision. */
const reviewStates: readonly StateId[] = ['underReview', 'deliberation', 'awaitingDecision'];
const protocolEndStates: readonly StateId[] = ['published', 'delivered'];

/** Options for `overdue`: the shell may pass a chain's effective end date (extensions by addenda). */
export interface OverdueOptions {
  readonly protocolEndDate?: IsoDate;
}

/** The fields of a dossier its deadline depends on (a register row carries them too). */
export type DeadlineFacts = Pick<Dossier, 'state' | 'stateSince' | 'stateHistory' | 'procedure' | 'protocolEndDate'>;

/** The deadline that applies in the dossier's state, if any. */
export function deadlineOf(dossier: DeadlineFacts, policy: DeadlinePolicy = defaultDeadlinePolicy, options: OverdueOptions = {}): { kind: DeadlineKind; dueAt: IsoDateTime } | undefined {
  if (reviewStates.includes(dossier.state)) {
    const start = [...dossier.stateHistory].reverse().find((entry) => entry.state === 'underReview');
    return start ? { kind: 'review', dueAt: addDays(start.enteredAt, policy.reviewDays) } : undefined;
  }
  if (dossier.state === 'awaitingSignatures') {
    return { kind: 'signatures', dueAt: addDays(dossier.stateSince, policy.signaturesReminderDays) };
  }
  const endDate = options.protocolEndDate ?? dossier.protocolEndDate;
  if (protocolEndStates.includes(dossier.state) && dossier.procedure !== 'simplified' && endDate) {
    return { kind: 'protocolEnd', dueAt: addDays(`${endDate}T00:00:00.000Z`, -policy.protocolEndReminderDays) };
  }
  return undefined;
}

/**
 * Whether the dossier is past its deadline at `now` and for how many whole days. Addendum
 * dossiers get no protocol-end reminder of their own: their end date feeds the protocol's chain.
 */
export function overdue(dossier: DeadlineFacts, now: IsoDateTime, policy: Partial<DeadlinePolicy> = {}, options: OverdueOptions = {}): OverdueStatus {
  const deadline = deadlineOf(dossier, { ...defaultDeadlinePolicy, ...policy }, options);
  if (!deadline) return { overdue: false, overdueSinceDays: 0 };
  const lateMs = Date.parse(now) - Date.parse(deadline.dueAt);
  const isOverdue = lateMs > 0;
  return { overdue: isOverdue, kind: deadline.kind, dueAt: deadline.dueAt, overdueSinceDays: isOverdue ? Math.floor(lateMs / dayMs) : 0 };
}

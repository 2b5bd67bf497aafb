import type { DossierEvent } from '../../domain/events';
import { allowedCommands } from '../../domain/permissions';
import type { Actor, Dossier, IsoDate, IsoDateTime } from '../../domain/types';
import { daysBetween } from '../shared/format';
import { percentile } from '../shared/statistics';

/** What the Chief Statistician did. */
export type HistoryKind = 'approved' | 'rejected' | 'moreInformation';

/** A decision-type event with its dossier (when the snapshot could be read). */
export interface HistoryInput {
  readonly event: DossierEvent;
  readonly dossier?: Dossier;
}

/** One row of the history. */
export interface HistoryRow {
  readonly eventId: string;
  readonly reference: string;
  readonly subject: string;
  readonly institution?: string;
  readonly kind: HistoryKind;
  /** An approval with conditions (counted as an approval, labelled as what it is). */
  readonly withConditions?: boolean;
  readonly at: IsoDateTime;
  readonly actorName: string;
  /** Motivation of a decision, or the question sent back. */
  readonly text: string;
  /** Days from the DPO's advice (entry into `awaitingDecision`) to this decision. */
  readonly leadTimeDays?: number;
  /** Days from the dossier's registration to this decision. */
  readonly totalDays?: number;
  /** Lifecycle (issue 16): the actor may revoke the dossier's protocol now (`allowedCommands`). */
  readonly revocable?: true;
  /** Lifecycle (issue 16): the date the protocol was revoked. */
  readonly revokedOn?: IsoDate;
}

/** The history and its summary. */
export interface DecisionHistoryModel {
  readonly rows: readonly HistoryRow[];
  readonly counts: Readonly<Record<HistoryKind, number>>;
  /** Median of the lead times known, in days (one decimal); undefined without any. */
  readonly medianLeadTimeDays?: number;
}

/** The stay in `awaitingDecision` that this event ended (or the last one that began before it). */
function decisionStayStart(dossier: Dossier, at: IsoDateTime): IsoDateTime | undefined {
  const stays = dossier.stateHistory.filter((entry) => entry.state === 'awaitingDecision');
  const ended = stays.find((entry) => entry.leftAt === at);
  if (ended) return ended.enteredAt;
  const before = stays.filter((entry) => Date.parse(entry.enteredAt) <= Date.parse(at));
  return before.length > 0 ? before[before.length - 1].enteredAt : undefined;
}

function round1(value: number | undefined): number | undefined {
  return value === undefined ? undefined : Math.round(value * 10) / 10;
}

/**
 * Decisions and questions of the 12 months before `now`, newest first, with lead times. With `actor`, an
 * approval row offers the revocation of its protocol when the workflow table allows it to that actor now.
 */
export function buildDecisionHistory(inputs: readonly HistoryInput[], now: IsoDateTime, actor?: Actor): DecisionHistoryModel {
  const from = new Date(Date.parse(now));
  from.setUTCFullYear(from.getUTCFullYear() - 1);
  const rows: HistoryRow[] = [];
  const seen = new Set<string>();
  for (const { event, dossier } of inputs) {
    if (event.type !== 'DecisionMade' && event.type !== 'MoreInformationRequested') continue;
    const time = Date.parse(event.at);
    if (seen.has(event.id) || time < from.getTime() || time > Date.parse(now)) continue;
    seen.add(event.id);
    const start = dossier ? decisionStayStart(dossier, event.at) : undefined;
    rows.push({
      eventId: event.id,
      reference: event.dossierReference,
      subject: dossier?.subject ?? '',
      institution: dossier?.requester.institution,
      // An approval with conditions is an approval in the history's counts.
      kind: event.type === 'DecisionMade' ? (event.outcome === 'rejected' ? 'rejected' : 'approved') : 'moreInformation',
      ...(event.type === 'DecisionMade' && event.outcome === 'approvedWithConditions' ? { withConditions: true } : {}),
      at: event.at,
      actorName: event.actor.displayName,
      text: event.type === 'DecisionMade' ? event.motivation : event.question,
      leadTimeDays: round1(start ? daysBetween(start, event.at) : undefined),
      totalDays: round1(dossier ? daysBetween(dossier.createdAt, event.at) : undefined),
      ...(event.type === 'DecisionMade' && dossier && actor && allowedCommands(dossier, actor).includes('revokeProtocol') ? { revocable: true as const } : {}),
      ...(event.type === 'DecisionMade' && dossier?.revocation ? { revokedOn: dossier.revocation.date } : {})
    });
  }
  rows.sort((a, b) => Date.parse(b.at) - Date.parse(a.at) || a.reference.localeCompare(b.reference));
  const counts = { approved: 0, rejected: 0, moreInformation: 0 };
  for (const row of rows) counts[row.kind]++;
  const leadTimes = rows.filter((row) => row.kind !== 'moreInformation' && row.leadTimeDays !== undefined).map((row) => row.leadTimeDays as number);
  return { rows, counts, medianLeadTimeDays: round1(percentile(leadTimes, 50)) };
}

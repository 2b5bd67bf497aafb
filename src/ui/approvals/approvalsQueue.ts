import { allowedCommands } from '../../domain/permissions';
import { dossierCompleteness } from '../../domain/rules/completeness';
import { defaultClockSetup } from '../../domain/clocks/holidayCalendar';
import { clockStatus, type ClockSetup, type ClockStatus } from '../../domain/clocks/status';
import { conditionsFromAdvice, type ConditionInput } from '../../domain/advice';
import type { Actor, CommandType, DocumentKind, DocumentPhase, Dossier, IsoDateTime, PersonRef, Signatory } from '../../domain/types';
import { wholeDaysBetween } from '../shared/format';

/** The three parts of the Chief Statistician's queue, in procedure order. */
export type QueueSectionId = 'awaitingDecision' | 'awaitingCountersignature' | 'awaitingSignatures';

/** Section order on screen. */
export const queueSectionIds: readonly QueueSectionId[] = ['awaitingDecision', 'awaitingCountersignature', 'awaitingSignatures'];

/** A stored file of a dossier with the link that opens it. */
export interface DocumentLinkView {
  readonly fileName: string;
  readonly webUrl: string;
  readonly kind?: DocumentKind;
  readonly phase?: DocumentPhase;
  readonly checkStatus?: 'notChecked' | 'passed' | 'warnings' | 'blocking';
}

/** One dossier as the queue receives it. */
export interface QueueEntryInput {
  readonly dossier: Dossier;
  readonly documents?: readonly DocumentLinkView[];
}

/** The commands of the approvals tab; every other command belongs to the register. */
export const approvalsCommands: readonly CommandType[] = ['decide', 'requestMoreInformation', 'countersign'];

/**
 * A reason the DPO team recorded for going on despite something: the blocking checks accepted at the
 * start of deliberation (`checks`), or one finding waived (`finding`, with its document and text).
 */
export interface OverrideView {
  readonly kind: 'checks' | 'finding';
  readonly reason: string;
  readonly by?: PersonRef;
  readonly documentKind?: DocumentKind;
  readonly text?: string;
}

/** Every override reason of the dossier: the check override first, then the waived findings. */
export function overridesOf(dossier: Pick<Dossier, 'checkOverride' | 'findings'>): readonly OverrideView[] {
  const overrides: OverrideView[] = [];
  if (dossier.checkOverride) overrides.push({ kind: 'checks', reason: dossier.checkOverride.reason, by: dossier.checkOverride.by });
  for (const finding of dossier.findings ?? []) {
    if (finding.status !== 'waived' || !finding.waivedReason) continue;
    const waiver = [...finding.history].reverse().find((change) => change.status === 'waived');
    overrides.push({ kind: 'finding', reason: finding.waivedReason, by: waiver?.by, documentKind: finding.documentKind, text: finding.text });
  }
  return overrides;
}

/** The title of a dossier's card: the project title from the forms, else the subject of the request. */
export function queueTitle(dossier: Pick<Dossier, 'project' | 'subject'>): string {
  const title = dossier.project?.title?.trim();
  return title && title.length > 0 ? title : dossier.subject;
}

/** One row of the queue with everything the card shows. */
export interface QueueItem {
  readonly dossier: Dossier;
  /** The project title from the forms, falling back to the subject. */
  readonly title: string;
  /** Override reasons the DPO team recorded (checks accepted, findings waived). */
  readonly overrides: readonly OverrideView[];
  /** The conditions the advice recommends (what an approval with conditions starts from). */
  readonly recommendedConditions: readonly ConditionInput[];
  readonly documents: readonly DocumentLinkView[];
  /** Whole days in the current state. */
  readonly waitingDays: number;
  /** The current phase's clock (decision, countersignature, awaiting signatures). */
  readonly overdue: ClockStatus;
  /** Awaiting signatures: signed documents still missing (kinds). */
  readonly missingSignedKinds: readonly DocumentKind[];
  /** Awaiting signatures: signatories acting by delegation without mandate proof. */
  readonly mandateMissingFor: readonly Signatory[];
  /** Commands of this tab the actor may give now (from the domain's `allowedCommands`). */
  readonly allowed: readonly CommandType[];
}

/** The queue: sections oldest first, counts for the tab header. */
export interface ApprovalsQueueModel {
  readonly sections: Readonly<Record<QueueSectionId, readonly QueueItem[]>>;
  readonly counts: Readonly<Record<QueueSectionId, number>>;
  readonly overdueCount: number;
}

const isQueueState = (state: string): state is QueueSectionId => (queueSectionIds as readonly string[]).includes(state);

/** Builds the queue at `now` for `actor`; dossiers in other states are ignored. */
export function buildApprovalsQueue(
  entries: readonly QueueEntryInput[],
  actor: Actor,
  now: IsoDateTime,
  setup: ClockSetup = defaultClockSetup
): ApprovalsQueueModel {
  const sections: Record<QueueSectionId, QueueItem[]> = { awaitingDecision: [], awaitingCountersignature: [], awaitingSignatures: [] };
  for (const entry of entries) {
    const { dossier } = entry;
    if (!isQueueState(dossier.state)) continue;
    const signed = dossier.state === 'awaitingSignatures' ? dossierCompleteness(dossier, 'signed') : undefined;
    const allowed = allowedCommands(dossier, actor).filter((command) => approvalsCommands.includes(command));
    sections[dossier.state].push({
      dossier,
      title: queueTitle(dossier),
      overrides: overridesOf(dossier),
      recommendedConditions: conditionsFromAdvice(dossier.advice?.criteria ?? []),
      documents: entry.documents ?? [],
      waitingDays: wholeDaysBetween(dossier.stateSince, now),
      overdue: clockStatus(dossier, setup.settings, setup.calendar, now),
      missingSignedKinds: signed?.missing ?? [],
      mandateMissingFor: signed?.mandateMissingFor ?? [],
      allowed
    });
  }
  for (const id of queueSectionIds) {
    sections[id].sort((a, b) => Date.parse(a.dossier.stateSince) - Date.parse(b.dossier.stateSince) || a.dossier.reference.localeCompare(b.dossier.reference));
  }
  const all = queueSectionIds.flatMap((id) => sections[id]);
  return {
    sections,
    counts: { awaitingDecision: sections.awaitingDecision.length, awaitingCountersignature: sections.awaitingCountersignature.length, awaitingSignatures: sections.awaitingSignatures.length },
    overdueCount: all.filter((item) => item.overdue.overdue).length
  };
}

/** Links that open a stored file: Word desktop (`ms-word:` URI scheme) for Word files, and the browser. */
export function documentLinks(document: DocumentLinkView): { browser: string; word?: string } {
  const isWord = /\.(docx?|dotx)$/i.test(document.fileName);
  const separator = document.webUrl.includes('?') ? '&' : '?';
  return {
    browser: isWord ? `${document.webUrl}${separator}web=1` : document.webUrl,
    word: isWord ? `ms-word:ofe|u|${document.webUrl}` : undefined
  };
}

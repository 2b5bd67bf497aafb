import { allowedCommands } from '../../domain/permissions';
import { dossierCompleteness } from '../../domain/rules/completeness';
import { overdue } from '../../domain/deadlines';
import type { Actor, CommandType, DeadlinePolicy, DocumentKind, DocumentPhase, Dossier, IsoDateTime, OverdueStatus, Signatory } from '../../domain/types';
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

/** One row of the queue with everything the card shows. */
export interface QueueItem {
  readonly dossier: Dossier;
  readonly documents: readonly DocumentLinkView[];
  /** Whole days in the current state. */
  readonly waitingDays: number;
  readonly overdue: OverdueStatus;
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
  policy: Partial<DeadlinePolicy> = {}
): ApprovalsQueueModel {
  const sections: Record<QueueSectionId, QueueItem[]> = { awaitingDecision: [], awaitingCountersignature: [], awaitingSignatures: [] };
  for (const entry of entries) {
    const { dossier } = entry;
    if (!isQueueState(dossier.state)) continue;
    const signed = dossier.state === 'awaitingSignatures' ? dossierCompleteness(dossier, 'signed') : undefined;
    const allowed = allowedCommands(dossier, actor).filter((command) => approvalsCommands.includes(command));
    sections[dossier.state].push({
      dossier,
      documents: entry.documents ?? [],
      waitingDays: wholeDaysBetween(dossier.stateSince, now),
      overdue: overdue(dossier, now, policy),
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

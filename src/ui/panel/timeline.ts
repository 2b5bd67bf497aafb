import {
  adviceCriterionLabel,
  adviceOutcomeLabel,
  conditionCategoryLabel,
  criterionAssessmentLabel,
  decisionOutcomeLabel,
  deliveryChannelLabel,
  documentKindLabel,
  procedureLabel,
  simplifiedReasonLabel
} from '../../domain/labels';
import type { DossierEvent } from '../../domain/events';
import { formatError } from '../../domain/formatError';
import { signatureFindingTitle } from '../../domain/signatureMessages';
import { formatText } from '../shared/format';
import type { Lang } from '../../domain/types';
import type { UiStrings } from '../strings';

/**
 * The lines of detail the timeline shows under an event (what was decided, which documents, which
 * remarks). Text the users typed is returned as is; React escapes it. A note for the DPO shows the
 * marker, and its text only when `restrictedNotes` holds it (read for the DPO and the Chief Statistician
 * from the restricted list; nobody else gets it).
 */
export function eventDetails(event: DossierEvent, lang: Lang, strings: UiStrings, restrictedNotes?: ReadonlyMap<string, string>): string[] {
  switch (event.type) {
    case 'DossierRegistered':
      return [event.subject, event.requester.institution ?? ''].filter((line) => line.length > 0);
    case 'StatisticianAssigned':
      return [event.assignee.displayName];
    case 'FormsRequested':
      return [
        procedureLabel(event.procedure, lang),
        ...event.simplifiedReasons.map((reason) => simplifiedReasonLabel(reason, lang)),
        ...(event.parentProtocolNumber ? [event.parentProtocolNumber] : [])
      ];
    case 'DeclaredNotAdmissible':
      // New events carry the rule as a code; events stored before issue #11 carry its Dutch sentence
      // in `reason`, which is still shown as written.
      return event.reasonCode ? [formatError({ code: event.reasonCode }, lang)] : [event.reason];
    case 'Withdrawn':
      return [event.reason];
    case 'DraftDocumentsRegistered':
    case 'SignedDocumentsRegistered':
      return event.documents.map((doc) => `${documentKindLabel(doc.kind, lang)}: ${doc.fileName} (v${doc.version})`);
    case 'ReturnedForChanges':
      return (event.reviewComments ?? []).map((remark) => remark.text);
    case 'DeliberationStarted':
      return event.overrideReason ? [event.overrideReason] : [];
    case 'AdviceGiven': {
      // Structured advice: one line with each criterion and its assessment.
      const criteria = (event.criteria ?? []).map((c) => `${adviceCriterionLabel(c.id, lang)}: ${criterionAssessmentLabel(c.assessment, lang)}`).join(' · ');
      return [adviceOutcomeLabel(event.outcome, lang), event.legalBasis, event.text, criteria].filter((line) => line.length > 0);
    }
    case 'DecisionMade':
      return [
        decisionOutcomeLabel(event.outcome, lang),
        event.motivation,
        ...(event.conditions ?? []).map((condition) => `${condition.text} (${conditionCategoryLabel(condition.category, lang)})`)
      ];
    case 'MoreInformationRequested':
      return [event.question];
    case 'Countersigned':
      return [event.protocolNumber ?? event.addendumNumber ?? ''].filter((line) => line.length > 0);
    case 'Published':
      return [event.publicationDocument.fileName];
    case 'DeliveryRegistered':
      return [event.deliveredOn, event.dataset, ...deliveryDetails(event, lang, strings)];
    // Lifecycle (issue 16).
    case 'DestructionConfirmed':
      return [event.statement ? `${documentKindLabel(event.statement.kind, lang)}: ${event.statement.fileName}` : formatText(strings.lifecycle.destructionByMail, { messageId: event.mailMessageId ?? '' })];
    case 'ProtocolRevoked':
      return [formatText(strings.lifecycle.revokedOn, { date: event.date }), event.reason];
    case 'CommentAdded':
      if (event.restriction !== 'dpo') return [event.text];
      return [strings.restrictedNote, ...(event.noteId && restrictedNotes?.has(event.noteId) ? [restrictedNotes.get(event.noteId)!] : [])];
    case 'FindingsRecorded':
      return event.findings.map((finding) => `${documentKindLabel(finding.documentKind, lang)}: ${finding.text}`);
    case 'FindingStatusChanged':
      return [`${event.findingId}: ${event.status}`, ...(event.reason ? [event.reason] : [])];
    case 'ConditionMet':
      return [`${event.conditionId}: ${event.evidence}`];
    case 'SignatureWarningAccepted':
      return [`${event.documentId}${event.signatureIndex !== undefined ? ` #${event.signatureIndex + 1}` : ''}: ${signatureFindingTitle(event.code, lang)}`, event.reason];
    case 'SignedSetCompleted':
      return [];
    case 'CorrespondenceRecorded':
      return [
        `${event.direction === 'incoming' ? strings.mailIncoming : strings.mailOutgoing}: ${event.subject}`,
        ...event.attachmentNames
      ];
  }
}

/** Events newest first (ties keep log order reversed). */
export function newestFirst(events: readonly DossierEvent[]): DossierEvent[] {
  return events.map((event, index) => ({ event, index }))
    .sort((a, b) => (a.event.at === b.event.at ? b.index - a.index : a.event.at < b.event.at ? 1 : -1))
    .map((entry) => entry.event);
}

/** Lifecycle (issue 16): what a delivery registered besides date and dataset (absent on older events). */
function deliveryDetails(event: Extract<DossierEvent, { type: 'DeliveryRegistered' }>, lang: Lang, strings: UiStrings): string[] {
  return [
    ...(event.waves && event.waves.length > 0 ? [event.waves.join(', ')] : []),
    ...(event.channel ? [deliveryChannelLabel(event.channel, lang)] : event.method ? [event.method] : []),
    ...(event.files ?? []).map((file) => `${file.fileName} SHA-256 ${file.sha256}`),
    ...(event.retentionEnd ? [formatText(strings.lifecycle.retentionEndLine, { date: event.retentionEnd })] : [])
  ];
}

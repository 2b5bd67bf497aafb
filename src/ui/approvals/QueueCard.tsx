import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Link } from '@fluentui/react/lib/Link';
import {
  adviceCriterionLabel,
  adviceOutcomeLabel,
  conditionCategoryLabel,
  criterionAssessmentLabel,
  documentKindLabel,
  procedureLabel,
  researchTypeLabel
} from '../../domain/labels';
import { compactSurveys } from '../../domain/surveys';
import { phaseLabel, unitLabel } from '../../domain/clocks/labels';
import { currentDocuments } from '../../domain/rules/completeness';
import type { DossierDocument, Lang } from '../../domain/types';
import { sumCheckSummaries } from '../../forms/severity';
import { uiTokens } from '../shared/tokens';
import { personSignatures, type DocumentSignatureReport } from '../../domain/signatures';
import { SignatureList } from '../signatures/SignatureList';
import type { ApprovalsStrings, DecisionChoice } from './ApprovalsTab.types';
import { documentLinks, type QueueItem } from './approvalsQueue';
import { formatDate, formatText } from '../shared/format';

/** Props of `QueueCard`. */
export interface QueueCardProps {
  readonly item: QueueItem;
  readonly strings: ApprovalsStrings;
  readonly lang: Lang;
  readonly onDecision: (reference: string, kind: DecisionChoice['kind']) => void;
  readonly onCountersign: (reference: string) => void;
}

function CheckSummaryLine({ item, strings }: { item: QueueItem; strings: ApprovalsStrings }): React.ReactElement {
  const checked = currentDocuments(item.dossier, 'draft').filter((doc) => doc.checkSummary);
  if (checked.length === 0) return <span>{strings.CheckNone}</span>;
  const total = sumCheckSummaries(checked.map((doc) => doc.checkSummary));
  return <span>{formatText(strings.CheckSummary, { blocking: total.blocking, warnings: total.warnings, info: total.info })}</span>;
}

/** What the forms request: surveys (compact waves), how many variables and the research type. */
function RequestedDataLine({ item, strings, lang }: { item: QueueItem; strings: ApprovalsStrings; lang: Lang }): React.ReactElement {
  const requested = item.dossier.requestedData;
  const researchType = requested?.researchType ?? item.dossier.project?.researchType;
  if (!requested) return <div>{strings.RequestedData}: {strings.RequestedDataUnknown}</div>;
  return (
    <div aria-label={`${strings.RequestedData} ${item.dossier.reference}`}>
      {strings.Surveys}: <span title={requested.surveys.join(', ')}>{requested.surveys.length > 0 ? compactSurveys(requested.surveys, lang) : '—'}</span>
      {` · ${formatText(strings.VariableCount, { count: requested.variablesCount })}`}
      {researchType && ` · ${strings.ResearchType}: ${researchTypeLabel(researchType, lang)}`}
    </div>
  );
}

/** The structured advice at a glance: each criterion with its assessment, then the recommended conditions. */
function AdviceAtAGlance({ item, strings, lang }: { item: QueueItem; strings: ApprovalsStrings; lang: Lang }): React.ReactElement {
  const criteria = item.dossier.advice?.criteria ?? [];
  const tokens = uiTokens();
  return (
    <>
      {criteria.length > 0 && (
        <>
          <dt style={{ fontWeight: 600 }}>{strings.AdviceCriteria}</dt>
          <dd style={{ margin: 0 }}>
            <ul
              aria-label={`${strings.AdviceCriteria} ${item.dossier.reference}`}
              style={{ margin: '2px 0', padding: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', columnGap: 16, rowGap: 2 }}
            >
              {criteria.map((criterion) => (
                <li key={criterion.id}>
                  {adviceCriterionLabel(criterion.id, lang)}:{' '}
                  <strong style={{ color: criterion.assessment === 'inadequate' ? tokens.error : criterion.assessment === 'adequateWithCondition' ? tokens.warning : undefined }}>
                    {criterionAssessmentLabel(criterion.assessment, lang)}
                  </strong>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {item.recommendedConditions.length > 0 && (
        <>
          <dt style={{ fontWeight: 600 }}>{strings.RecommendedConditions}</dt>
          <dd style={{ margin: 0 }}>
            <ul aria-label={`${strings.RecommendedConditions} ${item.dossier.reference}`} style={{ margin: '2px 0', paddingLeft: 20 }}>
              {item.recommendedConditions.map((condition) => (
                <li key={condition.id}>{formatText(strings.RecommendedCondition, { text: condition.text, category: conditionCategoryLabel(condition.category, lang) })}</li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </>
  );
}

/** Every reason the DPO team recorded for going on despite blocking checks or open findings. */
function OverridesList({ item, strings, lang }: { item: QueueItem; strings: ApprovalsStrings; lang: Lang }): React.ReactElement {
  return (
    <section aria-label={`${strings.Overrides} ${item.dossier.reference}`}>
      <div style={{ fontWeight: 600 }}>{strings.Overrides}</div>
      <ul style={{ margin: '2px 0', paddingLeft: 20 }}>
        {item.overrides.map((override, index) => (
          <li key={index}>
            {override.kind === 'checks'
              ? formatText(strings.CheckOverride, { reason: override.reason, name: override.by?.displayName ?? '—' })
              : formatText(strings.FindingOverride, {
                  kind: override.documentKind ? documentKindLabel(override.documentKind, lang) : '—',
                  text: override.text ?? '',
                  reason: override.reason
                })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * Awaiting countersignature: the requester's signatures on the signed protocol or addendum, as the
 * service verified them when the signed set was registered (nothing when it holds no report).
 */
function signedWithReport(item: QueueItem): (DossierDocument & { signatures: DocumentSignatureReport }) | undefined {
  const kind = item.dossier.procedure === 'simplified' ? 'addendum' : 'protocol';
  const signed = currentDocuments(item.dossier, 'signed').filter((document) => document.kind === kind && document.signatures).pop();
  return signed?.signatures ? (signed as DossierDocument & { signatures: DocumentSignatureReport }) : undefined;
}

function RequesterSignaturesOfSigned({ item, signed, strings, lang }: { item: QueueItem; signed: DossierDocument & { signatures: DocumentSignatureReport }; strings: ApprovalsStrings; lang: Lang }): React.ReactElement {
  return (
    <section aria-label={`${strings.RequesterSignatures} ${item.dossier.reference}`}>
      <div style={{ fontWeight: 600 }}>{strings.RequesterSignatures} · {signed.fileName}</div>
      <SignatureList signatures={personSignatures(signed.signatures)} lang={lang} label={`${strings.RequesterSignatures}: ${signed.fileName}`} />
    </section>
  );
}

/** One dossier of the queue: what the Chief Statistician needs to decide, and the allowed actions. */
export function QueueCard(props: QueueCardProps): React.ReactElement {
  const { item, strings, lang } = props;
  const { dossier } = item;
  const tokens = uiTokens();
  const headingId = `approvals-${dossier.reference}`;
  const overdue = item.overdue.overdue;
  const signedReport = signedWithReport(item);
  return (
    <article
      aria-labelledby={headingId}
      data-reference={dossier.reference}
      style={{ border: `1px solid ${overdue ? tokens.error : tokens.border}`, borderLeftWidth: 4, padding: 12, marginBottom: 12, borderRadius: 2 }}
    >
      <h3 id={headingId} style={{ margin: '0 0 4px' }}>
        {dossier.reference} · {item.title}
      </h3>
      <div style={{ color: tokens.subtle }}>
        {strings.Institution}: {dossier.requester.institution ?? '—'}
        {dossier.procedure && ` · ${strings.Procedure}: ${procedureLabel(dossier.procedure, lang)}`}
      </div>
      <RequestedDataLine item={item} strings={strings} lang={lang} />
      <div>
        {formatText(strings.WaitingDays, { days: item.waitingDays })}
        {overdue && (
          <strong style={{ color: tokens.error, marginLeft: 8 }} role="status">
            {formatText(strings.OverdueBadge, { days: item.overdue.overdueDays })}
          </strong>
        )}
      </div>
      {item.overdue.current && (
        <div data-clock={item.overdue.current.phase}>
          {formatText(strings.ClockLine, {
            phase: phaseLabel(item.overdue.current.phase, lang),
            used: item.overdue.current.usedDays,
            limit: item.overdue.current.limit.days,
            unit: unitLabel(item.overdue.current.limit.unit, lang),
            due: formatDate(item.overdue.current.dueOn, lang)
          })}
        </div>
      )}

      {dossier.state === 'awaitingDecision' && (
        <dl style={{ margin: '8px 0' }}>
          <dt style={{ fontWeight: 600 }}>{strings.Advice}</dt>
          <dd style={{ margin: 0 }}>
            {dossier.advice ? `${adviceOutcomeLabel(dossier.advice.outcome, lang)} — ${dossier.advice.text}` : strings.NoAdvice}
          </dd>
          <dt style={{ fontWeight: 600 }}>{strings.LegalBasis}</dt>
          <dd style={{ margin: 0 }}>{dossier.advice?.legalBasis || '—'}</dd>
          <AdviceAtAGlance item={item} strings={strings} lang={lang} />
          <dt style={{ fontWeight: 600 }}>{strings.Checks}</dt>
          <dd style={{ margin: 0 }}>
            <CheckSummaryLine item={item} strings={strings} />
          </dd>
        </dl>
      )}

      {item.overrides.length > 0 && <OverridesList item={item} strings={strings} lang={lang} />}

      {dossier.state === 'awaitingCountersignature' && signedReport && <RequesterSignaturesOfSigned item={item} signed={signedReport} strings={strings} lang={lang} />}

      {dossier.state === 'awaitingSignatures' && (
        <ul style={{ margin: '8px 0' }}>
          {item.missingSignedKinds.map((kind) => (
            <li key={kind}>{formatText(strings.MissingSigned, { kind: documentKindLabel(kind, lang) })}</li>
          ))}
          {item.mandateMissingFor.map((signatory) => (
            <li key={signatory.name}>{formatText(strings.MandateMissing, { name: signatory.name })}</li>
          ))}
          {item.missingSignedKinds.length === 0 && item.mandateMissingFor.length === 0 && <li>{strings.SignaturesComplete}</li>}
        </ul>
      )}

      {dossier.state !== 'awaitingSignatures' && (
        <section aria-label={`${strings.Documents} ${dossier.reference}`}>
          <div style={{ fontWeight: 600 }}>{strings.Documents}</div>
          {item.documents.length === 0 ? (
            <div>{strings.NoDocuments}</div>
          ) : (
            <ul style={{ margin: '4px 0' }}>
              {item.documents.map((document) => {
                const links = documentLinks(document);
                return (
                  <li key={document.webUrl}>
                    {document.kind ? `${documentKindLabel(document.kind, lang)}: ` : ''}
                    {links.word ? (
                      <Link href={links.word} aria-label={`${strings.OpenInWord}: ${document.fileName}`}>
                        {document.fileName}
                      </Link>
                    ) : (
                      <Link href={links.browser} target="_blank" rel="noreferrer">
                        {document.fileName}
                      </Link>
                    )}
                    {links.word && (
                      <>
                        {' · '}
                        <Link href={links.browser} target="_blank" rel="noreferrer" aria-label={`${strings.OpenInBrowser}: ${document.fileName}`}>
                          {strings.OpenInBrowser}
                        </Link>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}

      <div style={{ display: 'flex', gap: 8, marginTop: 8, flexWrap: 'wrap' }}>
        {item.allowed.includes('decide') && (
          <>
            <PrimaryButton text={strings.Approve} onClick={() => props.onDecision(dossier.reference, 'approve')} />
            <DefaultButton text={strings.ApproveWithConditions} onClick={() => props.onDecision(dossier.reference, 'approveWithConditions')} />
            <DefaultButton text={strings.Reject} onClick={() => props.onDecision(dossier.reference, 'reject')} />
          </>
        )}
        {item.allowed.includes('requestMoreInformation') && (
          <DefaultButton text={strings.AskInformation} onClick={() => props.onDecision(dossier.reference, 'requestMoreInformation')} />
        )}
        {item.allowed.includes('countersign') && <PrimaryButton text={strings.Countersign} onClick={() => props.onCountersign(dossier.reference)} />}
      </div>
    </article>
  );
}

import * as React from 'react';
import {
  adviceCriterionLabel,
  adviceOutcomeLabel,
  conditionCategoryLabel,
  criterionAssessmentLabel,
  variableNecessityLabel
} from '../../domain/labels';
import type { Advice, Lang } from '../../domain/types';
import type { UiStrings } from '../strings';
import { formatDate, formatText } from '../shared/format';
import { uiTokens } from '../shared/tokens';

/** Props of `AdviceSummary`. */
export interface AdviceSummaryProps {
  readonly advice: Advice;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

/**
 * The DPO's advice as the panel shows it: outcome, who and when, legal basis and text; for structured
 * advice each criterion with its assessment, reasoning and recommended condition (per variable for
 * necessity). Advice given before structured advice has no criteria and shows the rest.
 */
export function AdviceSummary({ advice, lang, strings }: AdviceSummaryProps): React.ReactElement {
  const tokens = uiTokens();
  const labels = strings.advice;
  const criteria = advice.criteria ?? [];
  const condition = (text: string, category: Parameters<typeof conditionCategoryLabel>[0]): string =>
    formatText(labels.panelCondition, { text, category: conditionCategoryLabel(category, lang) });
  return (
    <section aria-labelledby="panel-advice-heading">
      <h3 id="panel-advice-heading">{labels.panelHeading}</h3>
      <p style={{ margin: '0 0 4px' }}>
        <strong>{formatText(labels.panelGiven, { outcome: adviceOutcomeLabel(advice.outcome, lang), name: advice.by.displayName, date: formatDate(advice.at, lang) })}</strong>
      </p>
      <dl style={{ display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', gap: '4px 16px', margin: '4px 0' }}>
        <dt style={{ fontWeight: 600 }}>{strings.inputLegalBasis}</dt>
        <dd style={{ margin: 0 }}>{advice.legalBasis || strings.noValue}</dd>
        <dt style={{ fontWeight: 600 }}>{strings.inputAdviceText}</dt>
        <dd style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{advice.text}</dd>
      </dl>
      {criteria.length > 0 && (
        <>
          <h4 style={{ margin: '8px 0 4px' }}>{labels.panelCriteria}</h4>
          <ul aria-label={labels.panelCriteria} style={{ paddingLeft: 20, margin: 0 }}>
            {criteria.map((criterion) => (
              <li key={criterion.id} style={{ marginBottom: 6 }}>
                <strong>{adviceCriterionLabel(criterion.id, lang)}</strong>: {criterionAssessmentLabel(criterion.assessment, lang)}
                {criterion.article && <div>{criterion.article}</div>}
                {criterion.text && <div style={{ color: tokens.subtle, whiteSpace: 'pre-wrap' }}>{criterion.text}</div>}
                {criterion.variables && criterion.variables.length > 0 && (
                  <ul style={{ paddingLeft: 20, margin: '2px 0' }}>
                    {criterion.variables.map((variable) => (
                      <li key={variable.name}>
                        {variable.name}: {variableNecessityLabel(variable.necessity, lang)}
                        {variable.condition && ` — ${condition(variable.condition.text, variable.condition.category)}`}
                      </li>
                    ))}
                  </ul>
                )}
                {criterion.recommendedCondition && <div>{condition(criterion.recommendedCondition.text, criterion.recommendedCondition.category)}</div>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

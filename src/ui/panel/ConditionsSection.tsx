import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Stack } from '@fluentui/react/lib/Stack';
import { TextField } from '@fluentui/react/lib/TextField';
import { overdueConditions, type DossierCondition } from '../../domain/advice';
import { conditionCategoryLabel, conditionOwnerLabel } from '../../domain/labels';
import type { IsoDate, Lang } from '../../domain/types';
import type { UiStrings } from '../strings';
import { formatDate, formatText } from '../shared/format';
import type { CommandOutcome } from '../shared/outcome';
import { OutcomeMessages } from '../shared/OutcomeMessages';
import { runAsync } from '../shared/runAsync';
import { uiTokens } from '../shared/tokens';

/** Props of the conditions' follow-up in the dossier panel. */
export interface ConditionsSectionProps {
  readonly conditions: readonly DossierCondition[];
  /** The day the overdue flag is computed on (the domain's `overdueConditions`). */
  readonly today: IsoDate;
  /** Absent when the user may not record a condition as met (`recordConditionMet` not allowed). */
  readonly onRecordMet?: (conditionId: string, evidence: string) => Promise<CommandOutcome>;
  /** The user's text for an unexpected failure (the host renders it in the user's language). */
  readonly describeFailure: (error: unknown) => string;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

/**
 * The conditions of the approval with their follow-up: category, who, due date, status, the overdue
 * flag, the evidence of a met one, and "Vervuld…" with an evidence box (→ `recordConditionMet`).
 */
export function ConditionsSection({ conditions, today, onRecordMet, describeFailure, lang, strings }: ConditionsSectionProps): React.ReactElement {
  const s = strings.followUp;
  const tokens = uiTokens();
  const [editing, setEditing] = React.useState<string | undefined>(undefined);
  const [evidence, setEvidence] = React.useState('');
  const [saving, setSaving] = React.useState(false);
  const [outcome, setOutcome] = React.useState<CommandOutcome | undefined>(undefined);

  if (conditions.length === 0) return <p>{s.empty}</p>;
  const overdue = new Set(overdueConditions(conditions, today).map((condition) => condition.id));
  const open = conditions.filter((condition) => condition.status === 'open').length;

  const start = (id: string): void => {
    setEditing(id);
    setEvidence('');
    setOutcome(undefined);
  };
  const save = async (conditionId: string): Promise<void> => {
    if (!onRecordMet) return;
    setSaving(true);
    try {
      const result = await onRecordMet(conditionId, evidence);
      setOutcome(result);
      if (result.ok) setEditing(undefined);
    } catch (error) {
      setOutcome({ ok: false, kind: 'failed', message: describeFailure(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      <div data-testid="conditions-summary">
        {formatText(s.summary, { open, total: conditions.length })}
        {overdue.size > 0 && (
          <strong style={{ color: tokens.error }}>{` · ${formatText(s.overdueSummary, { count: overdue.size })}`}</strong>
        )}
      </div>
      <OutcomeMessages outcome={outcome} lang={lang} strings={strings} />
      <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={s.tab}>
        {conditions.map((condition) => {
          const late = overdue.has(condition.id);
          return (
            <li
              key={condition.id}
              data-condition={condition.id}
              data-status={condition.status}
              data-overdue={late ? 'true' : undefined}
              style={{ borderLeft: `3px solid ${late ? tokens.error : tokens.accent}`, padding: '4px 8px', marginBottom: 8 }}
            >
              <div style={{ whiteSpace: 'pre-wrap' }}><strong>{condition.text}</strong></div>
              <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 8, margin: '4px 0', fontSize: 12 }}>
                <dt>{s.category}</dt>
                <dd style={{ margin: 0 }}>{conditionCategoryLabel(condition.category, lang)}</dd>
                <dt>{s.owner}</dt>
                <dd style={{ margin: 0 }}>{conditionOwnerLabel(condition.owner, lang)}</dd>
                <dt>{s.dueDate}</dt>
                <dd style={{ margin: 0 }}>{condition.dueDate ? formatDate(condition.dueDate, lang) : s.noDueDate}</dd>
                <dt>{s.status}</dt>
                <dd style={{ margin: 0 }}>
                  {condition.status === 'met' ? s.statusMet : s.statusOpen}
                  {late && <strong style={{ color: tokens.error }}>{` · ${s.overdue}`}</strong>}
                </dd>
              </dl>
              {condition.personal && <div style={{ fontSize: 12, color: tokens.subtle }}>{s.personal}</div>}
              {condition.met && (
                <div style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
                  {formatText(s.metBy, { when: formatDate(condition.met.at, lang), who: condition.met.by.displayName, evidence: condition.met.evidence })}
                </div>
              )}
              {onRecordMet && condition.status === 'open' && editing !== condition.id && (
                <DefaultButton text={s.markMet} onClick={() => start(condition.id)} />
              )}
              {onRecordMet && editing === condition.id && (
                <Stack tokens={{ childrenGap: 4 }}>
                  <TextField label={s.evidenceLabel} description={s.evidenceHelp} multiline rows={2} required value={evidence} onChange={(_, value) => setEvidence(value ?? '')} />
                  <Stack horizontal tokens={{ childrenGap: 8 }}>
                    <PrimaryButton
                      text={saving ? s.saving : s.confirmMet}
                      disabled={saving}
                      onClick={() => runAsync(save(condition.id), (error) => setOutcome({ ok: false, kind: 'failed', message: describeFailure(error) }))}
                    />
                    <DefaultButton text={s.cancel} disabled={saving} onClick={() => setEditing(undefined)} />
                  </Stack>
                </Stack>
              )}
            </li>
          );
        })}
      </ol>
    </Stack>
  );
}

import * as React from 'react';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { TextField } from '@fluentui/react/lib/TextField';
import {
  adviceOutcomes,
  conditionCategories,
  criterionAssessments,
  variableNecessities,
  type AdviceOutcome,
  type ConditionCategory,
  type CriterionAssessment,
  type VariableNecessity
} from '../../domain/advice';
import {
  adviceCriterionHelp,
  adviceCriterionLabel,
  adviceOutcomeLabel,
  commandLabel,
  conditionCategoryLabel,
  criterionAssessmentLabel,
  variableNecessityLabel
} from '../../domain/labels';
import type { Dossier, Lang } from '../../domain/types';
import type { UiStrings } from '../strings';
import { formatText } from '../shared/format';
import type { CommandOutcome } from '../shared/outcome';
import { useCommandSubmit } from './useCommandSubmit';
import { OutcomeMessages } from '../shared/OutcomeMessages';
import { runAsync } from '../shared/runAsync';
import { uiTokens } from '../shared/tokens';
import { adviceCommand, adviceFieldErrors, initialAdviceDraft, suggestedOutcome, type AdviceDraft, type CriterionDraft, type VariableDraft } from './adviceForm';

/** Strings of the advice dialog and of the advice as the panel shows it. */
export interface AdviceStrings {
  readonly assessment: string;
  readonly reasoning: string;
  readonly article: string;
  readonly variablesHeading: string;
  readonly noVariables: string;
  /** `{name}`: the variable. */
  readonly variableCondition: string;
  readonly recommendedCondition: string;
  readonly conditionCategory: string;
  readonly overallHeading: string;
  /** `{outcome}`: what the assessments point to. */
  readonly suggestedOutcome: string;
  readonly notSaved: string;
  readonly panelHeading: string;
  /** `{outcome}`, `{name}`, `{date}`. */
  readonly panelGiven: string;
  readonly panelCriteria: string;
  /** `{text}`, `{category}`. */
  readonly panelCondition: string;
}

/** Props of `AdviceDialog`. */
export interface AdviceDialogProps {
  readonly dossier: Pick<Dossier, 'reference' | 'advice' | 'requestedData'>;
  /** Sends `giveAdvice`; the dialog closes itself only on success. */
  readonly onSubmit: (payload: ReturnType<typeof adviceCommand>) => Promise<CommandOutcome>;
  readonly onDismiss: () => void;
  readonly describeFailure: (error: unknown) => string;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

type Errors = ReadonlyMap<string, readonly string[]>;
const errorText = (errors: Errors, key: string): string | undefined => {
  const messages = errors.get(key);
  return messages && messages.length > 0 ? messages.join(' ') : undefined;
};

const categoryOptions = (lang: Lang): { key: string; text: string }[] =>
  conditionCategories.map((category) => ({ key: category, text: conditionCategoryLabel(category, lang) }));
const horizontal = { flexContainer: { display: 'flex', flexWrap: 'wrap' as const, columnGap: '16px' } };

interface VariableRowProps {
  readonly variable: VariableDraft;
  readonly onChange: (change: Partial<VariableDraft>) => void;
  readonly errors: Errors;
  readonly lang: Lang;
  readonly strings: AdviceStrings;
}

function VariableRow({ variable, onChange, errors, lang, strings }: VariableRowProps): React.ReactElement {
  const withCondition = variable.necessity === 'neededWithCondition';
  return (
    <li style={{ marginBottom: 8 }}>
      <ChoiceGroup
        label={variable.name}
        // eslint-disable-next-line @rushstack/no-new-null -- Fluent clears a ChoiceGroup only with null
        selectedKey={variable.necessity ?? null}
        options={variableNecessities.map((necessity) => ({ key: necessity, text: variableNecessityLabel(necessity, lang) }))}
        onChange={(_, option) => option && onChange({ necessity: option.key as VariableNecessity })}
        styles={horizontal}
      />
      {withCondition && (
        <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
          <TextField
            label={formatText(strings.variableCondition, { name: variable.name })}
            required
            value={variable.conditionText}
            onChange={(_, value) => onChange({ conditionText: value ?? '' })}
            errorMessage={errorText(errors, `necessity.variables.${variable.name}.condition`)}
            styles={{ root: { minWidth: 280, flexGrow: 1 } }}
          />
          <Dropdown
            label={strings.conditionCategory}
            ariaLabel={`${formatText(strings.variableCondition, { name: variable.name })}: ${strings.conditionCategory}`}
            selectedKey={variable.conditionCategory}
            options={categoryOptions(lang)}
            onChange={(_, option) => option && onChange({ conditionCategory: option.key as ConditionCategory })}
            styles={{ root: { minWidth: 160 } }}
          />
        </Stack>
      )}
    </li>
  );
}

interface CriterionBlockProps {
  readonly criterion: CriterionDraft;
  readonly onChange: (change: Partial<CriterionDraft>) => void;
  readonly errors: Errors;
  readonly lang: Lang;
  readonly strings: AdviceStrings;
}

function CriterionBlock({ criterion, onChange, errors, lang, strings }: CriterionBlockProps): React.ReactElement {
  const label = adviceCriterionLabel(criterion.id, lang);
  const key = (field: string): string => `${criterion.id}.${field}`;
  const headingId = `advice-criterion-${criterion.id}`;
  return (
    <section aria-labelledby={headingId} style={{ borderTop: `1px solid ${uiTokens().border}`, paddingTop: 8 }}>
      <h3 id={headingId} style={{ margin: '4px 0' }}>{label}</h3>
      <p style={{ margin: '0 0 4px', color: uiTokens().subtle }}>{adviceCriterionHelp[criterion.id][lang]}</p>
      <ChoiceGroup
        label={strings.assessment}
        required
        // eslint-disable-next-line @rushstack/no-new-null -- Fluent clears a ChoiceGroup only with null
        selectedKey={criterion.assessment ?? null}
        options={criterionAssessments.map((assessment) => ({ key: assessment, text: criterionAssessmentLabel(assessment, lang) }))}
        onChange={(_, option) => option && onChange({ assessment: option.key as CriterionAssessment })}
        styles={horizontal}
      />
      {errorText(errors, key('assessment')) && <div role="alert" style={{ color: uiTokens().error }}>{errorText(errors, key('assessment'))}</div>}
      {criterion.id === 'legalBasis' && (
        <TextField
          label={strings.article}
          required
          value={criterion.article}
          onChange={(_, value) => onChange({ article: value ?? '' })}
          errorMessage={errorText(errors, 'legalBasis.article') ?? errorText(errors, key('article'))}
        />
      )}
      <TextField
        label={strings.reasoning}
        required={criterion.assessment !== 'notApplicable'}
        multiline
        rows={2}
        value={criterion.text}
        onChange={(_, value) => onChange({ text: value ?? '' })}
        errorMessage={errorText(errors, key('text'))}
      />
      {criterion.id === 'necessity' && (
        <div role="group" aria-label={strings.variablesHeading}>
          <h4 style={{ margin: '8px 0 4px' }}>{strings.variablesHeading}</h4>
          {criterion.variables.length === 0 ? (
            <p>{strings.noVariables}</p>
          ) : (
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {criterion.variables.map((variable, index) => (
                <VariableRow
                  key={variable.name}
                  variable={variable}
                  errors={errors}
                  lang={lang}
                  strings={strings}
                  onChange={(change) => onChange({ variables: criterion.variables.map((v, i) => (i === index ? { ...v, ...change } : v)) })}
                />
              ))}
            </ul>
          )}
          {errorText(errors, key('variables')) && <div role="alert" style={{ color: uiTokens().error }}>{errorText(errors, key('variables'))}</div>}
        </div>
      )}
      <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
        <TextField
          label={strings.recommendedCondition}
          required={criterion.assessment === 'adequateWithCondition'}
          value={criterion.conditionText}
          onChange={(_, value) => onChange({ conditionText: value ?? '' })}
          errorMessage={errorText(errors, key('recommendedCondition'))}
          styles={{ root: { minWidth: 280, flexGrow: 1 } }}
        />
        <Dropdown
          label={strings.conditionCategory}
          ariaLabel={`${label}: ${strings.conditionCategory}`}
          selectedKey={criterion.conditionCategory}
          options={categoryOptions(lang)}
          onChange={(_, option) => option && onChange({ conditionCategory: option.key as ConditionCategory })}
          styles={{ root: { minWidth: 160 } }}
        />
      </Stack>
    </section>
  );
}

/**
 * The DPO's structured advice: one block per criterion (assessment, reasoning, optional recommended
 * condition; the article for the legal basis; per requested variable its necessity), then the overall
 * outcome and the advice text. The domain's guard `adviceComplete` decides; its refusals appear next
 * to the fields they are about.
 */
export function AdviceDialog(props: AdviceDialogProps): React.ReactElement {
  const { lang, strings } = props;
  const adviceStrings = strings.advice;
  const [draft, setDraft] = React.useState<AdviceDraft>(() => initialAdviceDraft(props.dossier));
  const { outcome, saving, submit: run, fail } = useCommandSubmit(props.onDismiss, props.describeFailure);
  const errors: Errors = outcome && !outcome.ok && outcome.kind === 'refused' ? adviceFieldErrors(outcome.errors, lang) : new Map();
  const suggested = suggestedOutcome(draft);

  const changeCriterion = (index: number, change: Partial<CriterionDraft>): void =>
    setDraft((current) => ({ ...current, criteria: current.criteria.map((c, i) => (i === index ? { ...c, ...change } : c)) }));

  const submit = (): Promise<void> => run(() => props.onSubmit(adviceCommand(draft)));

  return (
    <Dialog
      hidden={false}
      onDismiss={props.onDismiss}
      dialogContentProps={{ type: DialogType.largeHeader, title: commandLabel('giveAdvice', lang), closeButtonAriaLabel: strings.close }}
      modalProps={{ isBlocking: true }}
      minWidth={640}
      maxWidth={960}
    >
      <Stack tokens={{ childrenGap: 8 }}>
        {draft.criteria.map((criterion, index) => (
          <CriterionBlock
            key={criterion.id}
            criterion={criterion}
            onChange={(change) => changeCriterion(index, change)}
            errors={errors}
            lang={lang}
            strings={adviceStrings}
          />
        ))}
        <section aria-labelledby="advice-overall" style={{ borderTop: `1px solid ${uiTokens().border}`, paddingTop: 8 }}>
          <h3 id="advice-overall" style={{ margin: '4px 0' }}>{adviceStrings.overallHeading}</h3>
          <ChoiceGroup
            label={strings.inputAdviceOutcome}
            required
            // eslint-disable-next-line @rushstack/no-new-null -- Fluent clears a ChoiceGroup only with null
            selectedKey={draft.outcome ?? null}
            options={adviceOutcomes.map((value) => ({ key: value, text: adviceOutcomeLabel(value, lang) }))}
            onChange={(_, option) => option && setDraft((current) => ({ ...current, outcome: option.key as AdviceOutcome }))}
            styles={horizontal}
          />
          {suggested && suggested !== draft.outcome && (
            <p style={{ margin: '4px 0' }}>{formatText(adviceStrings.suggestedOutcome, { outcome: adviceOutcomeLabel(suggested, lang) })}</p>
          )}
          {errorText(errors, 'outcome') && <div role="alert" style={{ color: uiTokens().error }}>{errorText(errors, 'outcome')}</div>}
          <TextField
            label={strings.inputAdviceText}
            required
            multiline
            rows={4}
            value={draft.text}
            onChange={(_, value) => setDraft((current) => ({ ...current, text: value ?? '' }))}
            errorMessage={errorText(errors, 'text')}
          />
          <TextField
            label={strings.commandComment}
            multiline
            rows={2}
            value={draft.comment}
            onChange={(_, value) => setDraft((current) => ({ ...current, comment: value ?? '' }))}
          />
        </section>
        {outcome && !outcome.ok && outcome.kind === 'refused' ? (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            {adviceStrings.notSaved}
            {errors.get('general') && <ul>{errors.get('general')?.map((message) => <li key={message}>{message}</li>)}</ul>}
          </MessageBar>
        ) : (
          <OutcomeMessages outcome={outcome} lang={lang} strings={strings} />
        )}
      </Stack>
      <DialogFooter>
        {outcome?.ok ? (
          <PrimaryButton text={strings.close} onClick={props.onDismiss} />
        ) : (
          <PrimaryButton text={saving ? strings.saving : strings.commandSubmit} disabled={saving} onClick={() => runAsync(submit(), fail)} />
        )}
        <DefaultButton text={strings.cancel} onClick={props.onDismiss} />
      </DialogFooter>
    </Dialog>
  );
}

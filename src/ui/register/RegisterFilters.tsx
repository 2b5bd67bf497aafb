import * as React from 'react';
import { Toggle } from '@fluentui/react/lib/Toggle';
import { Stack } from '@fluentui/react/lib/Stack';
import { procedureLabel, stateLabel } from '../../domain/labels';
import { stateIds } from '../../domain/states';
import type { Lang, ProcedureId, StateId, StepNumber } from '../../domain/types';
import type { UiStrings } from '../strings';
import { formatText } from '../shared/format';
import { procedureSteps } from '../shared/stepTimes';
import type { RegisterFilter, SurveyChoice } from './registerQuery';
import { NativeSelect, type SelectOption } from './NativeSelect';
import { SearchInput, UiButton } from '../shared/controls';

/** Props of the register's filter bar. */
export interface RegisterFiltersProps {
  readonly filter: RegisterFilter;
  readonly onChange: (filter: RegisterFilter) => void;
  readonly groupByStep: boolean;
  readonly onGroupByStepChange: (value: boolean) => void;
  readonly statisticians: readonly { id: string; name: string }[];
  /** Whole surveys and their waves (`surveyChoicesOf`). */
  readonly surveys: readonly SurveyChoice[];
  readonly lang: Lang;
  readonly strings: UiStrings;
}

const ALL = '';

/** Search box, filter drop-downs and toggles of the register. Presentational: state lives in the parent. */
export function RegisterFilters(props: RegisterFiltersProps): React.ReactElement {
  const { filter, onChange, strings, lang } = props;
  const all: SelectOption = { key: ALL, text: strings.filterAll };
  const stateOptions: SelectOption[] = [all, ...stateIds.map((state) => ({ key: state, text: stateLabel(state, lang) }))];
  const stepOptions: SelectOption[] = [all, ...procedureSteps.map((step) => ({ key: String(step), text: formatText(strings.stepOption, { step }) }))];
  const procedureOptions: SelectOption[] = [all, ...(['standard', 'simplified'] as ProcedureId[]).map((p) => ({ key: p, text: procedureLabel(p, lang) }))];
  const statisticianOptions: SelectOption[] = [all, ...props.statisticians.map((s) => ({ key: s.id, text: s.name }))];
  // A wave is indented under its survey; the survey's own choice takes every wave.
  const surveyOptions: SelectOption[] = [
    all,
    ...props.surveys.map((choice) => ({ key: choice.key, text: choice.wave ? `\u00a0\u00a0${choice.wave}` : formatText(strings.filterSurveyAllWaves, { survey: choice.survey }) }))
  ];
  const set = (patch: Partial<RegisterFilter>): void => onChange({ ...filter, ...patch });
  const orUndefined = (value: string): string | undefined => (value === ALL ? undefined : value);

  return (
    <Stack tokens={{ childrenGap: 8 }} role="search" aria-label={strings.filtersLabel}>
      <SearchInput
        label={strings.searchLabel}
        placeholder={strings.searchPlaceholder}
        value={filter.text ?? ''}
        onChange={(value) => set({ text: value || undefined })}
      />
      <Stack horizontal wrap tokens={{ childrenGap: 12 }} verticalAlign="end">
        <NativeSelect id="register-filter-state" label={strings.filterState} options={stateOptions} minWidth={200}
          value={filter.states?.[0] ?? ALL}
          onChange={(value) => set({ states: value === ALL ? undefined : [value as StateId] })} />
        <NativeSelect id="register-filter-step" label={strings.filterStep} options={stepOptions} minWidth={100}
          value={filter.step !== undefined ? String(filter.step) : ALL}
          onChange={(value) => set({ step: value === ALL ? undefined : (Number(value) as StepNumber) })} />
        <NativeSelect id="register-filter-procedure" label={strings.filterProcedure} options={procedureOptions} minWidth={180}
          value={filter.procedure ?? ALL} onChange={(value) => set({ procedure: orUndefined(value) as ProcedureId | undefined })} />
        <NativeSelect id="register-filter-statistician" label={strings.filterStatistician} options={statisticianOptions} minWidth={160}
          value={filter.statisticianId ?? ALL} onChange={(value) => set({ statisticianId: orUndefined(value) })} />
        <NativeSelect id="register-filter-survey" label={strings.filterSurvey} options={surveyOptions} minWidth={160}
          value={filter.survey ?? ALL} onChange={(value) => set({ survey: orUndefined(value) })} />
        <Toggle label={strings.filterMine} checked={!!filter.mineOnly} onChange={(_, checked) => set({ mineOnly: checked || undefined })} />
        <Toggle label={strings.filterOverdue} checked={!!filter.overdueOnly} onChange={(_, checked) => set({ overdueOnly: checked || undefined })} />
        <Toggle label={strings.followUp.filterConditions} checked={!!filter.conditionsToFollow} onChange={(_, checked) => set({ conditionsToFollow: checked || undefined })} />
        <Toggle label={strings.groupByStep} checked={props.groupByStep} onChange={(_, checked) => props.onGroupByStepChange(!!checked)} />
        <UiButton text={strings.clearFilters} onClick={() => onChange({})} />
      </Stack>
    </Stack>
  );
}

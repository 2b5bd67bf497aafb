import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { Dropdown } from '@fluentui/react/lib/Dropdown';
import { TextField } from '@fluentui/react/lib/TextField';
import { conditionCategories, type ConditionCategory, type ConditionInput, type ConditionOwner } from '../../domain/advice';
import { conditionCategoryLabel, conditionOwnerLabel } from '../../domain/labels';
import { formatError } from '../../domain/formatError';
import type { DomainError, Lang } from '../../domain/types';
import { formatText } from '../shared/format';

/** Strings of the conditions editor (the register and the approvals tab pass their own). */
export interface ConditionsEditorStrings {
  readonly heading: string;
  /** `{number}`: the condition's position. */
  readonly conditionLabel: string;
  readonly text: string;
  readonly category: string;
  readonly owner: string;
  readonly dueDate: string;
  readonly personal: string;
  readonly add: string;
  readonly remove: string;
  readonly empty: string;
}

/** Props of `ConditionsEditor`. */
export interface ConditionsEditorProps {
  readonly conditions: readonly ConditionInput[];
  readonly onChange: (conditions: readonly ConditionInput[]) => void;
  /** Refusals of the domain by condition id (`dossier.error.conditionInvalid`), already in the user's language. */
  readonly errors?: ReadonlyMap<string, readonly string[]>;
  readonly disabled?: boolean;
  readonly lang: Lang;
  readonly strings: ConditionsEditorStrings;
}

const owners: readonly ConditionOwner[] = ['requester', 'vsa'];

/** A condition id not used yet in the list (`C1`, `C2`, …). */
export function nextConditionId(conditions: readonly ConditionInput[]): string {
  const used = new Set(conditions.map((condition) => condition.id));
  let number = conditions.length + 1;
  while (used.has(`C${number}`)) number += 1;
  return `C${number}`;
}

/** Without the empty optional fields the domain's guard would refuse (an empty due date). */
export function cleanConditions(conditions: readonly ConditionInput[]): readonly ConditionInput[] {
  return conditions.map(({ dueDate, personal, ...rest }) => ({
    ...rest,
    text: rest.text.trim(),
    ...(dueDate && dueDate.trim().length > 0 ? { dueDate: dueDate.trim() } : {}),
    ...(personal ? { personal: true } : {})
  }));
}

/**
 * The conditions of an approval as an editable list: text, category, owner (requester or VSA),
 * optional due date and whether the text names a person (then it stays out of the public register).
 * Rows can be added and removed; the domain's guard `decisionComplete` judges the result.
 */
export function ConditionsEditor(props: ConditionsEditorProps): React.ReactElement {
  const { conditions, strings, lang, disabled } = props;
  const update = (index: number, change: Partial<ConditionInput>): void =>
    props.onChange(conditions.map((condition, i) => (i === index ? { ...condition, ...change } : condition)));
  return (
    <fieldset style={{ border: 'none', margin: 0, padding: 0 }}>
      <legend style={{ fontWeight: 600, padding: 0 }}>{strings.heading}</legend>
      {conditions.length === 0 && <p>{strings.empty}</p>}
      <ol style={{ paddingLeft: 20, margin: '4px 0' }}>
        {conditions.map((condition, index) => {
          const label = formatText(strings.conditionLabel, { number: index + 1 });
          const errors = props.errors?.get(condition.id);
          return (
            <li key={condition.id} aria-label={label} style={{ marginBottom: 12 }}>
              <TextField
                label={strings.text}
                multiline
                rows={2}
                required
                value={condition.text}
                disabled={disabled}
                onChange={(_, value) => update(index, { text: value ?? '' })}
                errorMessage={errors && errors.length > 0 ? errors.join(' ') : undefined}
              />
              <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
                <Dropdown
                  label={strings.category}
                  ariaLabel={`${label}: ${strings.category}`}
                  selectedKey={condition.category}
                  options={conditionCategories.map((category) => ({ key: category, text: conditionCategoryLabel(category, lang) }))}
                  disabled={disabled}
                  onChange={(_, option) => option && update(index, { category: option.key as ConditionCategory })}
                  styles={{ root: { minWidth: 160 } }}
                />
                <ChoiceGroup
                  label={strings.owner}
                  aria-label={`${label}: ${strings.owner}`}
                  selectedKey={condition.owner}
                  options={owners.map((owner) => ({ key: owner, text: conditionOwnerLabel(owner, lang) }))}
                  disabled={disabled}
                  onChange={(_, option) => option && update(index, { owner: option.key as ConditionOwner })}
                  styles={{ flexContainer: { display: 'flex', columnGap: '12px' } }}
                />
                <TextField
                  label={strings.dueDate}
                  type="date"
                  value={condition.dueDate ?? ''}
                  disabled={disabled}
                  onChange={(_, value) => update(index, { dueDate: value ?? '' })}
                />
              </div>
              <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginTop: 8 }}>
                <Checkbox
                  label={strings.personal}
                  ariaLabel={`${label}: ${strings.personal}`}
                  checked={condition.personal === true}
                  disabled={disabled}
                  onChange={(_, checked) => update(index, { personal: checked === true })}
                />
                <DefaultButton
                  text={strings.remove}
                  ariaLabel={`${label}: ${strings.remove}`}
                  disabled={disabled}
                  onClick={() => props.onChange(conditions.filter((_, i) => i !== index))}
                />
              </div>
            </li>
          );
        })}
      </ol>
      <DefaultButton
        text={strings.add}
        disabled={disabled}
        onClick={() => props.onChange([...conditions, { id: nextConditionId(conditions), text: '', category: 'other', owner: 'requester' }])}
      />
    </fieldset>
  );
}

/** The domain's refusals about one condition (`dossier.error.conditionInvalid`), by condition id, in the user's language. */
export function conditionErrorsById(errors: readonly DomainError[], lang: Lang): ReadonlyMap<string, readonly string[]> {
  const byId = new Map<string, string[]>();
  for (const error of errors) {
    if (error.code !== 'dossier.error.conditionInvalid') continue;
    const id = String(error.params?.conditionId ?? '');
    byId.set(id, [...(byId.get(id) ?? []), formatError(error, lang)]);
  }
  return byId;
}

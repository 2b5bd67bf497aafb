import * as React from 'react';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { TextField } from '@fluentui/react/lib/TextField';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { conditionsFromAdvice, type ConditionInput } from '../../domain/advice';
import type { Advice, Lang } from '../../domain/types';
import { cleanConditions, conditionErrorsById, ConditionsEditor, type ConditionsEditorStrings } from '../conditions/ConditionsEditor';
import type { ActionResult, ApprovalsStrings, DecisionChoice } from './ApprovalsTab.types';
import { formatText } from '../shared/format';

/** Which dialog is open. */
export type DecisionDialogKind = DecisionChoice['kind'];

type DecisionKind = Exclude<DecisionDialogKind, 'requestMoreInformation'>;
const decisionKinds: readonly DecisionKind[] = ['approve', 'approveWithConditions', 'reject'];

/** Props of `DecisionDialog`. */
export interface DecisionDialogProps {
  /** The button the Chief Statistician pressed: the decision it preselects, or a question. */
  readonly kind: DecisionDialogKind;
  readonly reference: string;
  /** The DPO's advice: its recommended conditions pre-fill the list of an approval with conditions. */
  readonly advice?: Pick<Advice, 'criteria'>;
  readonly strings: ApprovalsStrings;
  readonly lang: Lang;
  readonly onSubmit: (choice: DecisionChoice) => Promise<ActionResult>;
  readonly onClose: (result?: ActionResult) => void;
  /** The user's text for an unexpected failure (the host renders it in the user's language). */
  readonly describeFailure: (error: unknown) => string;
}

/** The conditions editor's strings, from the approvals tab's `loc/` strings. */
export function conditionsEditorStrings(strings: ApprovalsStrings): ConditionsEditorStrings {
  return {
    heading: strings.ConditionsHeading,
    conditionLabel: strings.ConditionLabel,
    text: strings.ConditionText,
    category: strings.ConditionCategory,
    owner: strings.ConditionOwner,
    dueDate: strings.ConditionDueDate,
    personal: strings.ConditionPersonal,
    add: strings.ConditionAdd,
    remove: strings.ConditionRemove,
    empty: strings.ConditionsEmpty
  };
}

/**
 * Decide (approve, approve with conditions, reject) with a required motivation, or ask the DPO team a
 * required question. With conditions, the list is pre-filled from the conditions the advice recommends
 * and can be edited (text, category, owner, due date, personal data). A blank text is refused here (and
 * again by the domain guard); refusals of the domain are shown in the dialog, a condition's next to it.
 */
export function DecisionDialog(props: DecisionDialogProps): React.ReactElement {
  const { kind, reference, strings, lang } = props;
  const isQuestion = kind === 'requestMoreInformation';
  const [decision, setDecision] = React.useState<DecisionKind>(isQuestion ? 'approve' : kind);
  const [conditions, setConditions] = React.useState<readonly ConditionInput[]>(() => conditionsFromAdvice(props.advice?.criteria ?? []));
  const prefilled = React.useMemo(() => conditionsFromAdvice(props.advice?.criteria ?? []).length > 0, [props.advice]);
  const [text, setText] = React.useState('');
  const [showRequired, setShowRequired] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [failure, setFailure] = React.useState<Extract<ActionResult, { ok: false }>>();
  const title = formatText(isQuestion ? strings.DialogAskTitle : strings.DialogDecideTitle, { reference });
  const label = isQuestion ? strings.Question : strings.Motivation;
  const requiredMessage = isQuestion ? strings.QuestionRequired : strings.MotivationRequired;
  const byCondition = conditionErrorsById(failure?.errors ?? [], lang);
  // Refusals about one condition are shown at that condition; the others above the form.
  const general = failure ? (failure.errors ? failure.messages.filter((_, i) => failure.errors?.[i]?.code !== 'dossier.error.conditionInvalid') : failure.messages) : [];
  const decisionLabels: Record<DecisionKind, string> = {
    approve: strings.DecisionApproved,
    approveWithConditions: strings.DecisionApprovedWithConditions,
    reject: strings.DecisionRejected
  };

  const choice = (): DecisionChoice => {
    const value = text.trim();
    if (isQuestion) return { kind: 'requestMoreInformation', question: value };
    if (decision === 'approveWithConditions') return { kind: decision, motivation: value, conditions: cleanConditions(conditions) };
    return { kind: decision, motivation: value };
  };

  const submit = async (): Promise<void> => {
    if (text.trim().length === 0) {
      setShowRequired(true);
      return;
    }
    setBusy(true);
    const result = await props.onSubmit(choice());
    setBusy(false);
    if (result.ok) props.onClose(result);
    else setFailure(result);
  };

  return (
    <Dialog
      hidden={false}
      onDismiss={() => props.onClose()}
      dialogContentProps={{ type: DialogType.normal, title }}
      modalProps={{ isBlocking: true }}
      minWidth={isQuestion || decision !== 'approveWithConditions' ? 480 : 640}
      maxWidth={900}
    >
      {general.length > 0 && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {general.map((message) => (
            <div key={message}>{message}</div>
          ))}
        </MessageBar>
      )}
      {!isQuestion && (
        <ChoiceGroup
          label={strings.Decision}
          required
          selectedKey={decision}
          options={decisionKinds.map((value) => ({ key: value, text: decisionLabels[value] }))}
          onChange={(_, option) => option && setDecision(option.key as DecisionKind)}
          disabled={busy}
        />
      )}
      {!isQuestion && decision === 'approveWithConditions' && (
        <>
          {prefilled && <p style={{ margin: '8px 0 4px' }}>{strings.ConditionsFromAdvice}</p>}
          <ConditionsEditor conditions={conditions} onChange={setConditions} errors={byCondition} disabled={busy} lang={lang} strings={conditionsEditorStrings(strings)} />
        </>
      )}
      <TextField
        label={label}
        multiline
        rows={5}
        required
        value={text}
        onChange={(_, value) => {
          setText(value ?? '');
          if (showRequired && (value ?? '').trim().length > 0) setShowRequired(false);
        }}
        errorMessage={showRequired ? requiredMessage : undefined}
        disabled={busy}
      />
      <DialogFooter>
        <PrimaryButton text={strings.Confirm} onClick={() => {
            submit().catch((error: unknown) => {
              setBusy(false);
              setFailure({ ok: false, messages: [formatText(props.strings.ErrorPrefix, { message: props.describeFailure(error) })] });
            });
          }} disabled={busy} />
        <DefaultButton text={strings.Cancel} onClick={() => props.onClose()} disabled={busy} />
      </DialogFooter>
    </Dialog>
  );
}

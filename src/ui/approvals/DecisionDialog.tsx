import * as React from 'react';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { TextField } from '@fluentui/react/lib/TextField';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { ActionResult, ApprovalsStrings, DecisionChoice } from './ApprovalsTab.types';
import { formatText } from '../shared/format';

/** Which dialog is open. */
export type DecisionDialogKind = DecisionChoice['kind'];

/** Props of `DecisionDialog`. */
export interface DecisionDialogProps {
  readonly kind: DecisionDialogKind;
  readonly reference: string;
  readonly strings: ApprovalsStrings;
  readonly onSubmit: (choice: DecisionChoice) => Promise<ActionResult>;
  readonly onClose: (result?: ActionResult) => void;
  /** The user's text for an unexpected failure (the host renders it in the user's language). */
  readonly describeFailure: (error: unknown) => string;
}

/**
 * Approve or reject with a required motivation, or ask the DPO team a required question. A blank text
 * is refused here (and again by the domain guard); refusals of the domain are shown in the dialog.
 */
export function DecisionDialog(props: DecisionDialogProps): React.ReactElement {
  const { kind, reference, strings } = props;
  const [text, setText] = React.useState('');
  const [showRequired, setShowRequired] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [errors, setErrors] = React.useState<readonly string[]>([]);
  const isQuestion = kind === 'requestMoreInformation';
  const title = formatText(
    kind === 'approve' ? strings.DialogApproveTitle : kind === 'reject' ? strings.DialogRejectTitle : strings.DialogAskTitle,
    { reference }
  );
  const label = isQuestion ? strings.Question : strings.Motivation;
  const requiredMessage = isQuestion ? strings.QuestionRequired : strings.MotivationRequired;

  const submit = async (): Promise<void> => {
    if (text.trim().length === 0) {
      setShowRequired(true);
      return;
    }
    setBusy(true);
    const choice: DecisionChoice = isQuestion ? { kind: 'requestMoreInformation', question: text.trim() } : { kind, motivation: text.trim() };
    const result = await props.onSubmit(choice);
    setBusy(false);
    if (result.ok) props.onClose(result);
    else setErrors(result.messages);
  };

  return (
    <Dialog
      hidden={false}
      onDismiss={() => props.onClose()}
      dialogContentProps={{ type: DialogType.normal, title }}
      modalProps={{ isBlocking: true }}
      minWidth={480}
    >
      {errors.length > 0 && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {errors.map((message) => (
            <div key={message}>{message}</div>
          ))}
        </MessageBar>
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
            submit().catch((error: unknown) => setErrors([formatText(props.strings.ErrorPrefix, { message: props.describeFailure(error) })]));
          }} disabled={busy} />
        <DefaultButton text={strings.Cancel} onClick={() => props.onClose()} disabled={busy} />
      </DialogFooter>
    </Dialog>
  );
}

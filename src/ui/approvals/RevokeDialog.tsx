import * as React from 'react';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { TextField } from '@fluentui/react/lib/TextField';
import type { ActionResult, ApprovalsStrings, RevocationInput } from './ApprovalsTab.types';
import { formatText } from '../shared/format';

/** Props of `RevokeDialog`. */
export interface RevokeDialogProps {
  readonly reference: string;
  /** The date the field starts with (today); the domain refuses a date after today. */
  readonly today: string;
  readonly strings: ApprovalsStrings;
  readonly onSubmit: (input: RevocationInput) => Promise<ActionResult>;
  readonly onClose: (result?: ActionResult) => void;
  readonly describeFailure: (error: unknown) => string;
}

/**
 * Lifecycle (issue 16): the Chief Statistician revokes a protocol from the history of the approvals tab,
 * with its date and a required reason. The domain judges the date and the dossier; its refusals show here.
 */
export function RevokeDialog(props: RevokeDialogProps): React.ReactElement {
  const { strings } = props;
  const [date, setDate] = React.useState(props.today);
  const [reason, setReason] = React.useState('');
  const [showRequired, setShowRequired] = React.useState(false);
  const [busy, setBusy] = React.useState(false);
  const [messages, setMessages] = React.useState<readonly string[]>([]);

  const submit = async (): Promise<void> => {
    if (reason.trim().length === 0) {
      setShowRequired(true);
      return;
    }
    setBusy(true);
    const result = await props.onSubmit({ date: date.trim(), reason: reason.trim() });
    setBusy(false);
    if (result.ok) props.onClose(result);
    else setMessages(result.messages);
  };

  return (
    <Dialog
      hidden={false}
      onDismiss={() => props.onClose()}
      dialogContentProps={{ type: DialogType.normal, title: formatText(strings.RevokeTitle, { reference: props.reference }) }}
      modalProps={{ isBlocking: true }}
      minWidth={480}
    >
      {messages.length > 0 && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {messages.map((message) => <div key={message}>{message}</div>)}
        </MessageBar>
      )}
      <TextField label={strings.RevokeDate} required value={date} onChange={(_, value) => setDate(value ?? '')} disabled={busy} />
      <TextField
        label={strings.RevokeReason}
        required
        multiline
        rows={4}
        value={reason}
        onChange={(_, value) => {
          setReason(value ?? '');
          if ((value ?? '').trim().length > 0) setShowRequired(false);
        }}
        errorMessage={showRequired ? strings.RevokeReasonRequired : undefined}
        disabled={busy}
      />
      <DialogFooter>
        <PrimaryButton
          text={strings.Confirm}
          disabled={busy}
          onClick={() => {
            submit().catch((error: unknown) => {
              setBusy(false);
              setMessages([formatText(strings.ErrorPrefix, { message: props.describeFailure(error) })]);
            });
          }}
        />
        <DefaultButton text={strings.Cancel} onClick={() => props.onClose()} disabled={busy} />
      </DialogFooter>
    </Dialog>
  );
}

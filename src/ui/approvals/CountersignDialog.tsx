import * as React from 'react';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { ActionResult, ApprovalsStrings } from './ApprovalsTab.types';
import { formatText } from '../shared/format';

/** Props of `CountersignDialog`. */
export interface CountersignDialogProps {
  readonly reference: string;
  readonly strings: ApprovalsStrings;
  readonly previewNumber: (reference: string) => Promise<string>;
  /** Renders a failure of `previewNumber` in the user's language. */
  readonly describeFailure: (error: unknown) => string;
  readonly onConfirm: () => Promise<ActionResult>;
  readonly onClose: (result?: ActionResult) => void;
}

/** Confirms the countersignature and shows the number the protocol or addendum will get. */
export function CountersignDialog(props: CountersignDialogProps): React.ReactElement {
  const { reference, strings, previewNumber, describeFailure } = props;
  const [number, setNumber] = React.useState<string>();
  const [busy, setBusy] = React.useState(false);
  const [errors, setErrors] = React.useState<readonly string[]>([]);

  React.useEffect(() => {
    let live = true;
    previewNumber(reference).then(
      (value) => live && setNumber(value),
      (error: unknown) => live && setErrors([formatText(strings.ErrorPrefix, { message: describeFailure(error) })])
    );
    return () => {
      live = false;
    };
  }, [reference, previewNumber, describeFailure, strings.ErrorPrefix]);

  const confirm = async (): Promise<void> => {
    setBusy(true);
    const result = await props.onConfirm();
    setBusy(false);
    if (result.ok) props.onClose(result);
    else setErrors(result.messages);
  };

  return (
    <Dialog
      hidden={false}
      onDismiss={() => props.onClose()}
      dialogContentProps={{ type: DialogType.normal, title: formatText(strings.DialogCountersignTitle, { reference }) }}
      modalProps={{ isBlocking: true }}
      minWidth={420}
    >
      {errors.length > 0 && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {errors.map((message) => (
            <div key={message}>{message}</div>
          ))}
        </MessageBar>
      )}
      <p>{number ? formatText(strings.CountersignNumber, { number }) : strings.CountersignNumberLoading}</p>
      <DialogFooter>
        <PrimaryButton text={strings.Countersign} onClick={() => {
            confirm().catch((error: unknown) => setErrors([formatText(strings.ErrorPrefix, { message: describeFailure(error) })]));
          }} disabled={busy || !number} />
        <DefaultButton text={strings.Cancel} onClick={() => props.onClose()} disabled={busy} />
      </DialogFooter>
    </Dialog>
  );
}

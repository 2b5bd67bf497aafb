import * as React from 'react';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { documentKindLabel } from '../../domain/labels';
import { personSignatures, type DocumentSignatureReport } from '../../domain/signatures';
import type { DocumentKind, Lang } from '../../domain/types';
import type { ActionResult, ApprovalsStrings, CountersignedChoice, PickedFile } from './ApprovalsTab.types';
import { formatText } from '../shared/format';
import { bytesOf } from '../shared/fileBytes';
import { runAsync } from '../shared/runAsync';
import { SignatureList } from '../signatures/SignatureList';

/** Props of `CountersignDialog`. */
export interface CountersignDialogProps {
  readonly reference: string;
  readonly strings: ApprovalsStrings;
  readonly lang: Lang;
  /** The kind the dossier countersigns: `protocol` (standard) or `addendum` (simplified). */
  readonly kind: DocumentKind;
  /** The countersigned originals already in the dossier's folder (phase countersigned). */
  readonly originals: readonly CountersignedChoice[];
  readonly previewNumber: (reference: string) => Promise<string>;
  /** Renders a failure of `previewNumber` or an upload in the user's language. */
  readonly describeFailure: (error: unknown) => string;
  readonly onUpload: (file: PickedFile) => Promise<CountersignedChoice>;
  readonly onConfirm: (originals: readonly CountersignedChoice[]) => Promise<ActionResult>;
  readonly onClose: (result?: ActionResult) => void;
}

/** A report split as the countersignature reads it: the signatures before the last person's, and the last (the VSA's). */
export function splitCountersignature(report: DocumentSignatureReport): { readonly requester: DocumentSignatureReport['signatures']; readonly vsa: DocumentSignatureReport['signatures'] } {
  const signatures = [...personSignatures(report)].sort((a, b) => a.index - b.index);
  return signatures.length === 0 ? { requester: [], vsa: [] } : { requester: signatures.slice(0, -1), vsa: signatures.slice(-1) };
}

/** Both parts of a countersigned original's report: the requester's signature(s) and the VSA signature. */
export function CountersignatureReport(props: { readonly choice: CountersignedChoice; readonly strings: ApprovalsStrings; readonly lang: Lang }): React.ReactElement {
  const { choice, strings, lang } = props;
  if (!choice.signatures) return <p>{formatText(strings.SignaturesReadOnCountersign, { fileName: choice.fileName })}</p>;
  const { requester, vsa } = splitCountersignature(choice.signatures);
  return (
    <section aria-label={`${strings.CountersignedOriginal}: ${choice.fileName}`}>
      <div style={{ fontWeight: 600 }}>{strings.RequesterSignatures}</div>
      <SignatureList signatures={requester} lang={lang} label={strings.RequesterSignatures} />
      <div style={{ fontWeight: 600 }}>{strings.VsaSignature}</div>
      <SignatureList signatures={vsa} lang={lang} label={strings.VsaSignature} />
    </section>
  );
}

/**
 * Countersigns with the countersigned original: the Chief Statistician chooses it from the dossier's
 * folder or uploads it (the service stores it and reads its signatures, shown here: the requester's
 * and the VSA's), then confirms. Shows the number the protocol or addendum will get; the domain's
 * refusals (no VSA signature, a modified document) are listed as they come.
 */
export function CountersignDialog(props: CountersignDialogProps): React.ReactElement {
  const { reference, strings, lang, previewNumber, describeFailure } = props;
  const [number, setNumber] = React.useState<string>();
  const [busy, setBusy] = React.useState(false);
  const [uploading, setUploading] = React.useState<string>();
  const [errors, setErrors] = React.useState<readonly string[]>([]);
  const [choices, setChoices] = React.useState<readonly CountersignedChoice[]>(props.originals);
  const [chosen, setChosen] = React.useState<string | undefined>(props.originals.length === 1 ? props.originals[0].fileName : undefined);

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

  const upload = async (file: PickedFile): Promise<void> => {
    setUploading(file.name);
    setErrors([]);
    try {
      const stored = await props.onUpload(file);
      setChoices((current) => [...current.filter((choice) => choice.fileName !== stored.fileName), stored]);
      setChosen(stored.fileName);
    } catch (error) {
      setErrors([formatText(strings.ErrorPrefix, { message: describeFailure(error) })]);
    } finally {
      setUploading(undefined);
    }
  };

  const selected = choices.find((choice) => choice.fileName === chosen);

  const confirm = async (): Promise<void> => {
    if (!selected) {
      setErrors([strings.CountersignedRequired]);
      return;
    }
    setBusy(true);
    const result = await props.onConfirm([selected]);
    setBusy(false);
    if (result.ok) props.onClose(result);
    else setErrors(result.messages);
  };

  const inputId = `countersigned-upload-${reference}`;
  return (
    <Dialog
      hidden={false}
      onDismiss={() => props.onClose()}
      dialogContentProps={{ type: DialogType.normal, title: formatText(strings.DialogCountersignTitle, { reference }) }}
      modalProps={{ isBlocking: true }}
      minWidth={520}
    >
      {errors.length > 0 && (
        <MessageBar messageBarType={MessageBarType.error} isMultiline>
          {errors.map((message) => (
            <div key={message}>{message}</div>
          ))}
        </MessageBar>
      )}
      <p>{number ? formatText(strings.CountersignNumber, { number }) : strings.CountersignNumberLoading}</p>
      <section aria-labelledby={`${inputId}-heading`}>
        <h4 id={`${inputId}-heading`} style={{ margin: '8px 0 4px' }}>{strings.CountersignedOriginal}</h4>
        <p style={{ margin: '0 0 4px' }}>{formatText(strings.CountersignedOriginalHelp, { kind: documentKindLabel(props.kind, lang).toLowerCase() })}</p>
        {choices.length === 0 ? (
          <p>{strings.CountersignedNone}</p>
        ) : (
          <ChoiceGroup
            ariaLabelledBy={`${inputId}-heading`}
            selectedKey={chosen ?? null}
            options={choices.map((choice) => ({ key: choice.fileName, text: choice.fileName }))}
            onChange={(_, option) => setChosen(option?.key)}
          />
        )}
        <label htmlFor={inputId} style={{ display: 'block', marginTop: 8 }}>{strings.CountersignedUpload}</label>
        <input
          id={inputId}
          type="file"
          accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          disabled={busy || uploading !== undefined}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            // `upload` reports its own failures in the dialog; anything else that escapes is shown too.
            if (file) runAsync(upload({ name: file.name, bytes: () => bytesOf(file) }), (error) => setErrors([formatText(strings.ErrorPrefix, { message: describeFailure(error) })]));
          }}
        />
        {uploading && <Spinner size={SpinnerSize.small} label={formatText(strings.CountersignedUploading, { fileName: uploading })} />}
        {selected && <CountersignatureReport choice={selected} strings={strings} lang={lang} />}
      </section>
      <DialogFooter>
        <PrimaryButton text={strings.Countersign} onClick={() => {
            confirm().catch((error: unknown) => setErrors([formatText(strings.ErrorPrefix, { message: describeFailure(error) })]));
          }} disabled={busy || !number || uploading !== undefined} />
        <DefaultButton text={strings.Cancel} onClick={() => props.onClose()} disabled={busy} />
      </DialogFooter>
    </Dialog>
  );
}

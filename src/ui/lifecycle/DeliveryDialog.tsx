import * as React from 'react';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { Label } from '@fluentui/react/lib/Label';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { TextField } from '@fluentui/react/lib/TextField';
import { commandLabel, deliveryChannelLabel } from '../../domain/labels';
import { deliveryChannels } from '../../domain/lifecycle';
import type { DeliveredFile, DeliveryChannel, Dossier, IsoDate, Lang } from '../../domain/types';
import { useCommandSubmit } from '../dialogs/useCommandSubmit';
import type { UiStrings } from '../strings';
import type { CommandOutcome } from '../shared/outcome';
import { OutcomeMessages } from '../shared/OutcomeMessages';
import { bytesOf } from '../shared/fileBytes';
import { formatText } from '../shared/format';
import { runAsync } from '../shared/runAsync';
import { deliveryPayload, hexOf, parseChecksumLines, webCryptoSha256, type DeliveryPayload, type Sha256 } from './deliveryForm';

/** Props of `DeliveryDialog`. */
export interface DeliveryDialogProps {
  /** What the forms requested: the waves offered, the recipients shown (stored by the domain, not sent). */
  readonly dossier: Pick<Dossier, 'requestedData'>;
  readonly today: IsoDate;
  readonly onSubmit: (payload: DeliveryPayload) => Promise<CommandOutcome>;
  readonly onDismiss: () => void;
  readonly describeFailure: (error: unknown) => string;
  /** SHA-256 of a chosen file; default WebCrypto (absent in an insecure context), `false`: only pasting. */
  readonly sha256?: Sha256 | false;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

/**
 * Step 6: what was delivered — date, dataset, waves (of those requested), number of variables, channel,
 * the SHA-256 of each delivered file (computed here from the files the user picks, which never leave the
 * browser, or pasted) — and the protocol's recipients, shown as the delivery will record them.
 */
export function DeliveryDialog(props: DeliveryDialogProps): React.ReactElement {
  const { lang, strings } = props;
  const texts = strings.lifecycle;
  const requested = props.dossier.requestedData;
  const sha256 = props.sha256 === false ? undefined : props.sha256 ?? webCryptoSha256();
  const [deliveredOn, setDeliveredOn] = React.useState<string>(props.today);
  const [dataset, setDataset] = React.useState('');
  const [variables, setVariables] = React.useState(requested && requested.variablesCount > 0 ? String(requested.variablesCount) : '');
  const [waves, setWaves] = React.useState<readonly string[]>(requested?.surveys ?? []);
  const [channel, setChannel] = React.useState<DeliveryChannel | undefined>(undefined);
  const [computed, setComputed] = React.useState<readonly DeliveredFile[]>([]);
  const [computing, setComputing] = React.useState(false);
  const [pasted, setPasted] = React.useState('');
  const [comment, setComment] = React.useState('');
  const { outcome, saving, submit: run, fail } = useCommandSubmit(props.onDismiss, props.describeFailure);
  const invalidLines = parseChecksumLines(pasted).invalidLines;

  const addFiles = async (files: readonly File[]): Promise<void> => {
    if (!sha256) return;
    setComputing(true);
    try {
      const added: DeliveredFile[] = [];
      for (const file of files) added.push({ fileName: file.name, sha256: hexOf(await sha256(await bytesOf(file))) });
      setComputed((current) => [...current, ...added]);
    } finally {
      setComputing(false);
    }
  };

  const submit = (): Promise<void> =>
    run(() => props.onSubmit(deliveryPayload({ deliveredOn, dataset, variables, waves, channel, computed, pasted, comment })));

  return (
    <Dialog
      hidden={false}
      onDismiss={props.onDismiss}
      dialogContentProps={{ type: DialogType.largeHeader, title: commandLabel('registerDelivery', lang), closeButtonAriaLabel: strings.close }}
      modalProps={{ isBlocking: true }}
      minWidth={560}
      maxWidth={900}
    >
      <Stack tokens={{ childrenGap: 8 }}>
        <TextField label={texts.inputDeliveredOn} required value={deliveredOn} onChange={(_, value) => setDeliveredOn(value ?? '')} />
        <TextField label={texts.inputDataset} required multiline rows={2} value={dataset} onChange={(_, value) => setDataset(value ?? '')} />
        <fieldset style={{ border: 'none', margin: 0, padding: 0 }}>
          <legend><Label>{texts.inputWaves}</Label></legend>
          {(requested?.surveys ?? []).length === 0 ? (
            <Text>{texts.noWavesRequested}</Text>
          ) : (
            <Stack tokens={{ childrenGap: 4 }}>
              {(requested?.surveys ?? []).map((wave) => (
                <Checkbox key={wave} label={wave} checked={waves.includes(wave)}
                  onChange={(_, checked) => setWaves((current) => (checked ? [...current, wave] : current.filter((w) => w !== wave)))} />
              ))}
            </Stack>
          )}
        </fieldset>
        <TextField label={texts.inputVariables} value={variables} onChange={(_, value) => setVariables(value ?? '')} inputMode="numeric" />
        <ChoiceGroup
          label={texts.inputChannel}
          // eslint-disable-next-line @rushstack/no-new-null -- Fluent clears a ChoiceGroup only with null
          selectedKey={channel ?? null}
          options={deliveryChannels.map((value) => ({ key: value, text: deliveryChannelLabel(value, lang) }))}
          onChange={(_, option) => option && setChannel(option.key as DeliveryChannel)}
        />
        <Stack tokens={{ childrenGap: 4 }}>
          <Label htmlFor="delivery-files">{texts.inputFiles}</Label>
          {sha256 ? (
            <>
              <Text variant="small">{texts.inputFilesHelp}</Text>
              <input id="delivery-files" type="file" multiple aria-label={texts.inputFiles}
                onChange={(event) => {
                  const files = Array.from(event.target.files ?? []);
                  event.target.value = '';
                  runAsync(addFiles(files), fail);
                }} />
            </>
          ) : (
            <MessageBar messageBarType={MessageBarType.info}>{texts.checksumUnavailable}</MessageBar>
          )}
          {computing && <Text>{texts.computingChecksums}</Text>}
          {computed.length > 0 && (
            <ul aria-label={texts.files}>
              {computed.map((file, index) => (
                <li key={`${file.fileName}-${index}`}>
                  <code>{file.fileName}</code> <code>{file.sha256}</code>{' '}
                  <DefaultButton text={texts.removeFile} onClick={() => setComputed((current) => current.filter((_, i) => i !== index))} />
                </li>
              ))}
            </ul>
          )}
        </Stack>
        <TextField
          label={texts.inputChecksums}
          description={texts.inputChecksumsHelp}
          multiline
          rows={3}
          value={pasted}
          onChange={(_, value) => setPasted(value ?? '')}
          errorMessage={invalidLines.length > 0 ? invalidLines.map((line) => formatText(texts.checksumLineInvalid, { line })).join(' ') : undefined}
        />
        <section aria-label={texts.recipients}>
          <Label>{texts.recipients}</Label>
          {(requested?.recipients ?? []).length === 0 ? (
            <Text>{texts.noRecipients}</Text>
          ) : (
            <ul>
              {(requested?.recipients ?? []).map((recipient, index) => (
                <li key={`${recipient.name}-${index}`}>{recipient.institution ? `${recipient.name} (${recipient.institution})` : recipient.name}</li>
              ))}
            </ul>
          )}
        </section>
        <TextField label={strings.commandComment} multiline rows={2} value={comment} onChange={(_, value) => setComment(value ?? '')} />
        <OutcomeMessages outcome={outcome} lang={lang} strings={strings} />
      </Stack>
      <DialogFooter>
        {outcome?.ok ? (
          <PrimaryButton text={strings.close} onClick={props.onDismiss} />
        ) : (
          <PrimaryButton text={saving ? strings.saving : strings.commandSubmit} disabled={saving || computing || invalidLines.length > 0} onClick={() => runAsync(submit(), fail)} />
        )}
        <DefaultButton text={strings.cancel} onClick={props.onDismiss} />
      </DialogFooter>
    </Dialog>
  );
}

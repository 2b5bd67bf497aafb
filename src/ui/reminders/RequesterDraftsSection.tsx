import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { TextField } from '@fluentui/react/lib/TextField';
import type { Lang } from '../../domain/types';
import { formatText } from '../shared/format';
import { runAsync } from '../shared/runAsync';
import { requesterDraftsStrings, type RequesterDraftsStrings } from './requesterDrafts.strings';

export { requesterDraftsStrings, type RequesterDraftsStrings } from './requesterDrafts.strings';

/** One waiting draft as the section shows it (no more than the person needs to pick it). */
export interface RequesterDraftView {
  readonly key: string;
  readonly kind: 'requesterReminder' | 'destructionRequest';
  readonly dueOn: string;
  readonly subject: string;
  readonly to: string;
}

/** Props of the section. */
export interface RequesterDraftsSectionProps {
  readonly drafts: readonly RequesterDraftView[];
  /** Opens the register's mail composer prefilled with the draft; absent (no shared mailbox) = only dismissing. */
  readonly onPreview?: (key: string) => void;
  /** Dismisses with a reason; rejects with a refusal the section shows. */
  readonly onDismiss: (key: string, reason: string) => Promise<void>;
  readonly describeFailure: (error: unknown) => string;
  readonly lang: Lang;
  readonly strings?: RequesterDraftsStrings;
}

/**
 * The scheduled job's drafts to the requester of one dossier (issue 16): each is previewed and sent in
 * the mail composer, or dismissed with a reason (the button stays off until one is written).
 */
export function RequesterDraftsSection(props: RequesterDraftsSectionProps): React.ReactElement {
  const strings = props.strings ?? requesterDraftsStrings[props.lang];
  const [dismissing, setDismissing] = React.useState<string | undefined>(undefined);
  const [reason, setReason] = React.useState('');
  const [busy, setBusy] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>(undefined);
  if (props.drafts.length === 0) return <></>;

  const confirm = async (key: string): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onDismiss(key, reason.trim());
      setDismissing(undefined);
      setReason('');
    } catch (failure) {
      setError(props.describeFailure(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label={strings.heading} data-requester-drafts="">
      <Text variant="mediumPlus" as="h3">{strings.heading}</Text>
      {error && <MessageBar messageBarType={MessageBarType.error}>{error}</MessageBar>}
      <ul>
        {props.drafts.map((draft) => (
          <li key={draft.key} data-draft={draft.key}>
            <Stack tokens={{ childrenGap: 4 }}>
              <Text><strong>{strings[draft.kind]}</strong>: {draft.subject}</Text>
              <Text variant="small">{formatText(strings.details, { dueOn: draft.dueOn, to: draft.to })}</Text>
              {dismissing === draft.key ? (
                <Stack tokens={{ childrenGap: 4 }}>
                  <TextField label={strings.reason} required multiline autoAdjustHeight value={reason} disabled={busy} onChange={(_event, value) => setReason(value ?? '')} />
                  <Stack horizontal tokens={{ childrenGap: 8 }}>
                    <PrimaryButton text={strings.confirmDismiss} disabled={busy || reason.trim().length === 0} onClick={() => runAsync(confirm(draft.key), (failure) => setError(props.describeFailure(failure)))} />
                    <DefaultButton text={strings.cancel} disabled={busy} onClick={() => setDismissing(undefined)} />
                  </Stack>
                </Stack>
              ) : (
                <Stack horizontal tokens={{ childrenGap: 8 }}>
                  {props.onPreview && <PrimaryButton iconProps={{ iconName: 'Mail' }} text={strings.preview} onClick={() => props.onPreview?.(draft.key)} />}
                  <DefaultButton text={strings.dismiss} onClick={() => { setDismissing(draft.key); setReason(''); setError(undefined); }} />
                </Stack>
              )}
            </Stack>
          </li>
        ))}
      </ul>
    </section>
  );
}

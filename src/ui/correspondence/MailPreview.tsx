import * as React from 'react';
import { TextField } from '@fluentui/react/lib/TextField';
import { DefaultButton, IconButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { getId } from '@fluentui/react/lib/Utilities';
import { editDraft } from '../../correspondence/draft';
import { formatMailIssue } from '../../correspondence/labels';
import { validateDraft } from '../../correspondence/validate';
import { formatText } from '../shared/format';
import type { MailPreviewProps } from './MailPreview.types';

const splitAddresses = (value: string): string[] => value.split(/[,;]/).map((part) => part.trim()).filter((part) => part !== '');

/**
 * Preview and edit of one outgoing mail: recipients, subject, body and attachments, with every problem
 * that stops sending listed above the buttons. Presentational: the parent owns the draft and sends it.
 */
export function MailPreview(props: MailPreviewProps): React.ReactElement {
  const { draft, strings, lang, sending = false } = props;
  const validation = validateDraft(draft);
  // Address fields keep the text as typed (a trailing comma must survive) and report parsed lists.
  const [toText, setToText] = React.useState(draft.to.join(', '));
  const [ccText, setCcText] = React.useState(draft.cc.join(', '));
  const [headingId] = React.useState(() => getId('mail-preview-heading'));
  const change = (edit: Parameters<typeof editDraft>[1]): void => props.onChange(editDraft(draft, edit));

  return (
    <section aria-labelledby={headingId}>
      <Stack tokens={{ childrenGap: 12 }}>
        <Text as="h2" variant="large" id={headingId}>
          {strings.heading}
        </Text>
        <TextField
          label={strings.to}
          value={toText}
          description={strings.addressesHint}
          disabled={sending}
          onChange={(_e, value = '') => {
            setToText(value);
            change({ to: splitAddresses(value) });
          }}
        />
        <TextField
          label={strings.cc}
          value={ccText}
          disabled={sending}
          onChange={(_e, value = '') => {
            setCcText(value);
            change({ cc: splitAddresses(value) });
          }}
        />
        <TextField label={strings.subject} value={draft.subject} disabled={sending} onChange={(_e, value = '') => change({ subject: value })} />
        <TextField label={strings.body} value={draft.body} multiline rows={16} disabled={sending} onChange={(_e, value = '') => change({ body: value })} />
        <div role="group" aria-label={strings.attachments}>
          <Text as="h3" variant="mediumPlus">
            {strings.attachments}
          </Text>
          {draft.attachments.length === 0 ? (
            <Text as="p">{strings.noAttachments}</Text>
          ) : (
            <ul>
              {draft.attachments.map((attachment) => (
                <li key={`${attachment.source}:${attachment.fileName}`}>
                  {attachment.fileName} ({attachment.source === 'template' ? strings.fromTemplate : attachment.source === 'filled' ? strings.filledFromDossier : attachment.source === 'annotated' ? strings.annotatedFromDossier : strings.fromDossier})
                  <IconButton
                    iconProps={{ iconName: 'Cancel' }}
                    title={formatText(strings.removeAttachment, { name: attachment.fileName })}
                    ariaLabel={formatText(strings.removeAttachment, { name: attachment.fileName })}
                    disabled={sending}
                    onClick={() => change({ attachments: draft.attachments.filter((other) => other !== attachment) })}
                  />
                </li>
              ))}
            </ul>
          )}
        </div>
        {validation.errors.length > 0 && (
          <MessageBar messageBarType={MessageBarType.error} isMultiline>
            <strong>{strings.errorsHeading}</strong>
            <ul>
              {validation.errors.map((issue, index) => (
                <li key={`${issue.code}-${index}`}>{formatMailIssue(issue, lang)}</li>
              ))}
            </ul>
          </MessageBar>
        )}
        {validation.warnings.length > 0 && (
          <MessageBar messageBarType={MessageBarType.warning} isMultiline>
            <strong>{strings.warningsHeading}</strong>
            <ul>
              {validation.warnings.map((issue, index) => (
                <li key={`${issue.code}-${index}`}>{formatMailIssue(issue, lang)}</li>
              ))}
            </ul>
          </MessageBar>
        )}
        <Stack horizontal tokens={{ childrenGap: 8 }}>
          <PrimaryButton text={sending ? strings.sending : strings.send} disabled={!validation.ok || sending} onClick={() => props.onSend(draft)} />
          <DefaultButton text={strings.cancel} disabled={sending} onClick={props.onCancel} />
        </Stack>
      </Stack>
    </section>
  );
}

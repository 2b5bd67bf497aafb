import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { formatDateTime, formatText } from '../shared/format';
import type { IntakeItem, IntakeListProps } from './IntakeList.types';
import { MessageBody } from './MessageBody';

/** The buttons of one message: resume an interrupted import, or create / attach. */
function Actions(props: IntakeListProps & { item: IntakeItem }): React.ReactElement {
  const { item, strings } = props;
  const id = item.message.id;
  const busy = props.busyMessageId === id;
  if (item.interruptedReference) {
    const reference = item.interruptedReference;
    return <PrimaryButton text={formatText(strings.resume, { reference })} disabled={busy} onClick={() => props.onAttach(id, reference)} />;
  }
  return (
    <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
      {item.suggestedReference && (
        <PrimaryButton text={formatText(strings.attachTo, { reference: item.suggestedReference })} disabled={busy} onClick={() => props.onAttach(id, item.suggestedReference)} />
      )}
      <DefaultButton text={strings.create} disabled={busy} onClick={() => props.onCreate(id)} />
      <DefaultButton text={strings.attachOther} disabled={busy} onClick={() => props.onAttach(id)} />
    </Stack>
  );
}

/**
 * The messages of the shared mailbox that are not linked to a dossier yet, with one-click actions: attach
 * to the dossier the subject names, create a dossier, attach to another one, or resume an interrupted
 * import. Presentational: the parent runs the import and refreshes `items`.
 */
export function IntakeList(props: IntakeListProps): React.ReactElement {
  const { items, strings, lang } = props;
  if (items.length === 0) return <Text as="p">{strings.empty}</Text>;
  return (
    <table className="vsa-intake-list">
      <caption>{strings.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{strings.received}</th>
          <th scope="col">{strings.from}</th>
          <th scope="col">{strings.subject}</th>
          <th scope="col">{strings.body}</th>
          <th scope="col">{strings.attachments}</th>
          <th scope="col">{strings.actions}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.message.id}>
            <td>
              <time dateTime={item.message.receivedDateTime}>{formatDateTime(item.message.receivedDateTime, lang)}</time>
            </td>
            <td>{item.message.from.name || item.message.from.address}</td>
            <th scope="row">{item.message.subject}</th>
            <td>
              <MessageBody text={item.message.bodyText ?? item.message.bodyPreview} strings={strings} />
              {item.suggestedFrom && item.suggestedReference && (
                <Text as="p" variant="small">
                  {formatText(item.suggestedFrom.foundIn === 'subject' ? strings.foundInSubject : strings.foundInBody, {
                    mention: item.suggestedFrom.value,
                    reference: item.suggestedReference
                  })}
                </Text>
              )}
            </td>
            <td>{item.message.hasAttachments ? strings.yes : strings.no}</td>
            <td>
              <Actions {...props} item={item} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

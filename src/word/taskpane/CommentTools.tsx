import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Stack } from '@fluentui/react/lib/Stack';
import { TextField } from '@fluentui/react/lib/TextField';
import type { WordPaneStrings } from './strings';

/** Props of {@link CommentTools}. */
export interface CommentToolsProps {
  readonly busy: boolean;
  readonly hasFindings: boolean;
  readonly strings: WordPaneStrings;
  readonly onInsert: () => void;
  /** Resolves true when the comment was added (the box is then cleared). */
  readonly onFreeComment: (text: string) => Promise<boolean>;
  readonly onRemoveOwn: () => void;
}

/** "Opmerkingen invoegen", a free comment on the selection, and removal of the add-in's comments. */
export function CommentTools(props: CommentToolsProps): React.ReactElement {
  const { strings } = props;
  const [freeText, setFreeText] = React.useState('');
  const submitFree = (): void => {
    // onFreeComment reports failures in the pane itself and resolves false; it does not reject.
    props.onFreeComment(freeText).then(
      (added) => {
        if (added) setFreeText('');
      },
      () => undefined
    );
  };
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <PrimaryButton text={props.busy ? strings.inserting : strings.insertComments} disabled={props.busy || !props.hasFindings} onClick={props.onInsert} />
      <TextField
        label={strings.freeCommentLabel}
        placeholder={strings.freeCommentPlaceholder}
        multiline
        value={freeText}
        onChange={(_, value) => setFreeText(value ?? '')}
      />
      <DefaultButton text={strings.addFreeComment} disabled={props.busy || freeText.trim() === ''} onClick={submitFree} />
      <DefaultButton text={strings.removeOwnComments} disabled={props.busy} onClick={props.onRemoveOwn} />
    </Stack>
  );
}

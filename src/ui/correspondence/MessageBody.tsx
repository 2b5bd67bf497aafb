import * as React from 'react';
import { ActionButton } from '@fluentui/react/lib/Button';
import { previewOf } from '../../correspondence/bodyText';

let bodyCount = 0;

/** Texts of `MessageBody`. */
export interface MessageBodyStrings {
  readonly showFullText: string;
  readonly hideFullText: string;
  readonly noBodyText: string;
}

/** Props of `MessageBody`. */
export interface MessageBodyProps {
  /** Plain text (`bodyToText`): rendered as a text node, never as markup. */
  readonly text: string;
  readonly strings: MessageBodyStrings;
}

/**
 * A received mail's body: a preview of about 200 characters and the whole text on demand. The text is
 * plain text already (HTML was converted in the adapter); React renders it as text, so nothing of the
 * mail can add markup or scripts to the page.
 */
export function MessageBody(props: MessageBodyProps): React.ReactElement {
  const { text, strings } = props;
  const [expanded, setExpanded] = React.useState(false);
  const id = React.useRef(`vsa-mail-body-${++bodyCount}`).current;
  const preview = previewOf(text);
  if (preview === '') return <p className="vsa-mail-body-preview">{strings.noBodyText}</p>;
  const longer = preview !== text.replace(/\s+/g, ' ').trim();
  return (
    <div className="vsa-mail-body">
      {!expanded && <p className="vsa-mail-body-preview">{preview}</p>}
      {expanded && (
        <div id={id} className="vsa-mail-body-full" style={{ whiteSpace: 'pre-wrap', maxHeight: '24em', overflowY: 'auto' }}>
          {text}
        </div>
      )}
      {longer && (
        <ActionButton aria-expanded={expanded} aria-controls={expanded ? id : undefined} onClick={() => setExpanded(!expanded)}>
          {expanded ? strings.hideFullText : strings.showFullText}
        </ActionButton>
      )}
    </div>
  );
}

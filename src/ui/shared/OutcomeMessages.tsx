import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { formatError } from '../../domain/formatError';
import type { Lang } from '../../domain/types';
import type { UiStrings } from '../strings';
import { formatText } from './format';
import type { CommandOutcome } from './outcome';

/** Props of `OutcomeMessages`. */
export interface OutcomeMessagesProps {
  readonly outcome?: CommandOutcome;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

/** Shows every refusal of the domain (not just the first), a conflict, a failure, or warnings. */
export function OutcomeMessages({ outcome, lang, strings }: OutcomeMessagesProps): React.ReactElement {
  if (!outcome) return <></>;
  if (outcome.ok) {
    if (!outcome.warnings || outcome.warnings.length === 0) return <></>;
    return (
      <MessageBar messageBarType={MessageBarType.warning}>
        {strings.warningsHeading}
        <ul>{outcome.warnings.map((warning, i) => <li key={i}>{formatError(warning, lang)}</li>)}</ul>
      </MessageBar>
    );
  }
  if (outcome.kind === 'conflict') return <MessageBar messageBarType={MessageBarType.severeWarning}>{strings.conflict}</MessageBar>;
  if (outcome.kind === 'failed') {
    return <MessageBar messageBarType={MessageBarType.error}>{formatText(strings.genericError, { message: outcome.message })}</MessageBar>;
  }
  return (
    <MessageBar messageBarType={MessageBarType.error} isMultiline>
      {strings.refusedHeading}
      <ul>{outcome.errors.map((error, i) => <li key={i}>{formatError(error, lang)}</li>)}</ul>
    </MessageBar>
  );
}

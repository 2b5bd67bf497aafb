import * as React from 'react';
import { PrimaryButton } from '@fluentui/react/lib/Button';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { TextField } from '@fluentui/react/lib/TextField';
import { Stack } from '@fluentui/react/lib/Stack';
import type { DossierEvent } from '../../domain/events';
import type { Lang } from '../../domain/types';
import type { UiStrings } from '../strings';
import { formatDateTime, formatText } from '../shared/format';
import type { CommandOutcome } from '../shared/outcome';
import { OutcomeMessages } from '../shared/OutcomeMessages';
import { runAsync } from '../shared/runAsync';
import { uiTokens } from '../shared/tokens';
import { eventDetails, newestFirst } from './timeline';

/** Props of the timeline and comment box. */
export interface TimelineSectionProps {
  readonly events: readonly DossierEvent[];
  /** Absent when the user may not comment (`addComment` not allowed). */
  readonly onAddComment?: (text: string, restriction?: 'dpo') => Promise<CommandOutcome>;
  /** True for the DPO and the Chief Statistician: the box offers "Alleen voor de DPO en de hoofdstatisticus". */
  readonly canRestrict?: boolean;
  /** The texts of the notes for the DPO by note id (only for the DPO and the Chief Statistician). */
  readonly restrictedNotes?: ReadonlyMap<string, string>;
  /** The user's text for an unexpected failure (the host renders it in the user's language). */
  readonly describeFailure: (error: unknown) => string;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

/** Every event, newest first: who, when, what, the comment; and a box to add a comment. */
export function TimelineSection({ events, onAddComment, canRestrict, restrictedNotes, describeFailure, lang, strings }: TimelineSectionProps): React.ReactElement {
  const tokens = uiTokens();
  const [text, setText] = React.useState('');
  const [restricted, setRestricted] = React.useState(false);
  const [outcome, setOutcome] = React.useState<CommandOutcome | undefined>(undefined);
  const [saving, setSaving] = React.useState(false);

  const add = async (): Promise<void> => {
    if (!onAddComment) return;
    setSaving(true);
    try {
      const result = await onAddComment(text, canRestrict && restricted ? 'dpo' : undefined);
      setOutcome(result);
      if (result.ok) {
        setText('');
        setRestricted(false);
      }
    } catch (error) {
      setOutcome({ ok: false, kind: 'failed', message: describeFailure(error) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      {onAddComment && (
        <Stack tokens={{ childrenGap: 4 }}>
          <TextField label={strings.commentLabel} multiline rows={2} value={text} onChange={(_, v) => setText(v ?? '')} />
          {canRestrict && <Checkbox label={strings.restrictedNoteOption} checked={restricted} onChange={(_, checked) => setRestricted(checked === true)} />}
          <Stack horizontal>
            <PrimaryButton text={saving ? strings.saving : strings.commentAdd} disabled={saving} onClick={() => runAsync(add(), (error) => setOutcome({ ok: false, kind: 'failed', message: String(error) }))} />
          </Stack>
          <OutcomeMessages outcome={outcome} lang={lang} strings={strings} />
        </Stack>
      )}
      {events.length === 0 ? (
        <p>{strings.timelineEmpty}</p>
      ) : (
        <ol style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={strings.tabTimeline}>
          {newestFirst(events).map((event) => (
            <li key={event.id} data-event-type={event.type} style={{ borderLeft: `3px solid ${tokens.accent}`, padding: '4px 8px', marginBottom: 8 }}>
              <div><strong>{strings.eventLabels[event.type]}</strong></div>
              <div style={{ color: tokens.subtle, fontSize: 12 }}>
                {formatText(strings.timelineBy, { who: event.actor.displayName, when: formatDateTime(event.at, lang) })}
              </div>
              {eventDetails(event, lang, strings, restrictedNotes).map((line, index) => (
                <div key={index} style={{ whiteSpace: 'pre-wrap' }}>{line}</div>
              ))}
              {event.comment && <div style={{ fontStyle: 'italic', whiteSpace: 'pre-wrap' }}>{event.comment}</div>}
            </li>
          ))}
        </ol>
      )}
    </Stack>
  );
}

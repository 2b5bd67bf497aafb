import * as React from 'react';
import { Checkbox } from '@fluentui/react/lib/Checkbox';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import type { DossierFinding, FindingAudience } from '../../domain/findings';
import { getFieldDef } from '../../forms/catalog';
import type { DocumentComment } from '../source/formSource';
import type { OwnComment } from '../review/reviewerFindings';
import { interpolate } from '../../domain/i18n/interpolate';
import type { WordPaneStrings } from './strings';

/** Props of {@link OwnComments}. */
export interface OwnCommentsProps {
  readonly comments: readonly OwnComment[];
  readonly internalFindings: readonly DossierFinding[];
  readonly busy: boolean;
  readonly language: 'nl' | 'en';
  readonly strings: WordPaneStrings;
  readonly onAudience: (comment: DocumentComment, audience: FindingAudience) => void;
}

function fieldLabel(fieldId: string | undefined, rowIndex: number | undefined, language: 'nl' | 'en', fallback: string): string {
  if (!fieldId) return fallback;
  const def = getFieldDef(fieldId);
  const label = def ? (language === 'nl' ? def.labelNl : def.labelEn) : fieldId;
  return rowIndex === undefined ? label : `${label} (${rowIndex + 1})`;
}

/**
 * The reviewer's comments in the document, each with its "intern" choice (default: for the requester),
 * and the dossier's internal findings of this form, which are never written into the document.
 */
export function OwnComments(props: OwnCommentsProps): React.ReactElement {
  const { strings, language } = props;
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <section aria-label={interpolate(strings.ownCommentsHeading, { count: props.comments.length })}>
        <Text as="h2" variant="large" block>
          {interpolate(strings.ownCommentsHeading, { count: props.comments.length })}
        </Text>
        <Text block variant="small">
          {strings.ownCommentsNote}
        </Text>
        <ul>
          {props.comments.map((own) => (
            <li key={own.comment.id}>
              <Text block>
                <strong>{fieldLabel(own.comment.field?.fieldId, own.comment.field?.rowIndex, language, strings.ownCommentNoField)}</strong>: {own.text}
                {own.comment.resolved ? ` (${strings.ownCommentResolved})` : ''}
              </Text>
              <Checkbox
                label={strings.ownCommentInternal}
                ariaLabel={`${strings.ownCommentInternal}: ${own.text}`}
                checked={own.audience === 'internal'}
                // Once recorded (read back from the dossier), who a remark is for is fixed (the domain refuses a change too).
                disabled={props.busy || own.findingId !== undefined}
                onChange={(_, checked) => props.onAudience(own.comment, checked ? 'internal' : 'requester')}
              />
            </li>
          ))}
        </ul>
      </section>
      {props.internalFindings.length > 0 && (
        <section aria-label={interpolate(strings.internalFindingsHeading, { count: props.internalFindings.length })}>
          <Text as="h3" variant="mediumPlus" block>
            {interpolate(strings.internalFindingsHeading, { count: props.internalFindings.length })}
          </Text>
          <Text block variant="small">
            {strings.internalFindingsNote}
          </Text>
          <ul>
            {props.internalFindings.map((finding) => (
              <li key={finding.id}>
                <Text>
                  <strong>{fieldLabel(finding.fieldId, finding.rowIndex, language, strings.ownCommentNoField)}</strong>: {finding.text}
                </Text>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Stack>
  );
}

import * as React from 'react';
import { Label } from '@fluentui/react/lib/Label';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { TextField } from '@fluentui/react/lib/TextField';
import { groupByDocumentAndField, type DossierFinding } from '../../domain/findings';
import { documentKindLabel } from '../../domain/labels';
import type { Lang } from '../../domain/types';
import { formatText } from '../shared/format';
import { uiTokens } from '../shared/tokens';
import type { UiStrings } from '../strings';
import { catalogFieldLabel, findingMessage, findingPlace } from './findingText';

/** Props of the findings a return sends. */
export interface RequesterFindingsListProps {
  /** The open requester findings (`openRequesterFindings`). */
  readonly findings: readonly DossierFinding[];
  readonly lang: Lang;
  readonly strings: UiStrings;
}

/** `returnForChanges`: the open findings for the requester the return sends, by document and field. */
export function RequesterFindingsList({ findings, lang, strings }: RequesterFindingsListProps): React.ReactElement {
  const review = strings.review;
  if (findings.length === 0) return <MessageBar messageBarType={MessageBarType.info}>{review.returnNoFindings}</MessageBar>;
  return (
    <section aria-label={formatText(review.returnFindingsHeading, { count: findings.length })} data-testid="return-findings">
      <Label>{formatText(review.returnFindingsHeading, { count: findings.length })}</Label>
      {groupByDocumentAndField(findings).map((group) => (
        <div key={group.documentKind}>
          <strong>{documentKindLabel(group.documentKind, lang)}</strong>
          <ul style={{ margin: '2px 0 6px', paddingLeft: 20 }}>
            {group.fields.map((field) => (
              <li key={field.fieldId ?? ''}>
                {field.fieldId ? catalogFieldLabel(field.fieldId, lang) : review.wholeDocument}
                <ul style={{ paddingLeft: 16 }}>
                  {field.findings.map((finding) => <li key={finding.id} data-finding-id={finding.id}>{findingMessage(finding, lang)}</li>)}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** Props of the per-finding overrides at deliberation. */
export interface FindingOverridesInputProps {
  readonly findings: readonly DossierFinding[];
  /** The reason typed per finding id. */
  readonly reasons: Readonly<Record<string, string>>;
  readonly onChange: (findingId: string, reason: string) => void;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

/**
 * `startDeliberation`: every open requester finding with its own override reason; a finding without a
 * reason is marked as blocking deliberation (the domain's guard refuses it by name).
 */
export function FindingOverridesInput({ findings, reasons, onChange, lang, strings }: FindingOverridesInputProps): React.ReactElement {
  const review = strings.review;
  const tokens = uiTokens();
  if (findings.length === 0) return <></>;
  return (
    <section aria-label={formatText(review.deliberationFindingsHeading, { count: findings.length })} data-testid="deliberation-findings">
      <Label>{formatText(review.deliberationFindingsHeading, { count: findings.length })}</Label>
      <p style={{ margin: '0 0 4px' }}>{review.deliberationFindingsHelp}</p>
      <Stack tokens={{ childrenGap: 8 }}>
        {findings.map((finding) => {
          const blocking = (reasons[finding.id] ?? '').trim() === '';
          return (
            <div key={finding.id} data-finding-id={finding.id} data-blocks={blocking ? 'true' : 'false'}>
              <div>
                <strong>{documentKindLabel(finding.documentKind, lang)} · {findingPlace(finding, lang, review)}:</strong> {findingMessage(finding, lang)}
                {blocking && <span style={{ color: tokens.error, marginLeft: 8, fontSize: 12 }}>({review.blocksDeliberation})</span>}
              </div>
              <TextField label={review.overrideFindingReason} ariaLabel={`${review.overrideFindingReason}: ${findingMessage(finding, lang)}`}
                value={reasons[finding.id] ?? ''} onChange={(_, value) => onChange(finding.id, value ?? '')} />
            </div>
          );
        })}
      </Stack>
    </section>
  );
}

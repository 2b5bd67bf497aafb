import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Link } from '@fluentui/react/lib/Link';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { TextField } from '@fluentui/react/lib/TextField';
import { getFieldDef } from '../../forms/catalog';
import type { FieldAnchor, Finding } from '../../forms/types';
import type { CommentDraft } from '../review/commentPlan';
import { groupBySeverity } from '../review/severity';
import { interpolate } from '../../domain/i18n/interpolate';
import type { WordPaneStrings } from './strings';

/** Props of {@link FindingsList}. */
export interface FindingsListProps {
  readonly findings: readonly Finding[];
  /** One draft per finding, same order. */
  readonly drafts: readonly CommentDraft[];
  readonly commentedKeys: ReadonlySet<string>;
  readonly commentsEnabled: boolean;
  readonly language: 'nl' | 'en';
  readonly strings: WordPaneStrings;
  readonly onSelect: (anchor: FieldAnchor) => void;
  readonly onDraftChange: (key: string, text: string) => void;
  /** Replaces the finding's field by one of its suggestions (codebook names); no buttons without it. */
  readonly onReplace?: (anchor: FieldAnchor, suggestion: string) => void;
  readonly busy?: boolean;
}

const SEVERITY_COLOURS: Record<Finding['severity'], string> = { blocking: '#a4262c', warning: '#8a6100', info: '#005a9e' };

/** The findings grouped by severity; each one selects its field and carries an editable comment text. */
export function FindingsList(props: FindingsListProps): React.ReactElement {
  const { strings, language } = props;
  if (props.findings.length === 0) return <Text>{strings.noFindings}</Text>;
  const indexed = props.findings.map((finding, index) => ({ finding, draft: props.drafts[index], severity: finding.severity, index }));
  return (
    <Stack tokens={{ childrenGap: 12 }}>
      {groupBySeverity(indexed).map((group) => (
        <section key={group.severity} aria-label={`${strings.severity[group.severity]} (${group.findings.length})`}>
          <Text as="h3" variant="mediumPlus" styles={{ root: { color: SEVERITY_COLOURS[group.severity], margin: '4px 0' } }}>
            {strings.severity[group.severity]} ({group.findings.length})
          </Text>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {group.findings.map(({ finding, draft, index }) => {
              const field = finding.fieldId ? getFieldDef(finding.fieldId) : undefined;
              const commented = draft !== undefined && props.commentedKeys.has(draft.key);
              return (
                <li key={index} style={{ borderLeft: `3px solid ${SEVERITY_COLOURS[finding.severity]}`, padding: '4px 8px', marginBottom: 8 }}>
                  <Link onClick={() => props.onSelect(finding.anchor)} title={strings.selectFinding}>
                    {finding.message[language]}
                  </Link>
                  {field && (
                    <Text block variant="small">
                      {language === 'nl' ? field.labelNl : field.labelEn}
                    </Text>
                  )}
                  {props.onReplace && (finding.suggestions ?? []).length > 0 && (
                    <div role="group" aria-label={strings.suggestionsLabel} style={{ display: 'flex', flexWrap: 'wrap', gap: 4, margin: '4px 0' }}>
                      {(finding.suggestions ?? []).map((suggestion) => (
                        <DefaultButton
                          key={suggestion}
                          text={interpolate(strings.replaceWith, { name: suggestion })}
                          disabled={props.busy}
                          onClick={() => props.onReplace?.(finding.anchor, suggestion)}
                        />
                      ))}
                    </div>
                  )}
                  {commented && (
                    <Text block variant="small" styles={{ root: { fontStyle: 'italic' } }}>
                      {strings.alreadyCommented}
                    </Text>
                  )}
                  {draft && props.commentsEnabled && !commented && (
                    <TextField
                      label={strings.commentTextLabel}
                      multiline
                      autoAdjustHeight
                      value={draft.text}
                      onChange={(_, value) => props.onDraftChange(draft.key, value ?? '')}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </Stack>
  );
}

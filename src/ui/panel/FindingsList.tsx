import * as React from 'react';
import { getFieldDef } from '../../forms/catalog';
import type { Finding, Severity } from '../../forms/types';
import type { Lang } from '../../domain/types';
import type { UiStrings } from '../strings';
import { uiTokens } from '../shared/tokens';

/** Props of a document's findings. */
export interface FindingsListProps {
  readonly findings: readonly Finding[];
  readonly lang: Lang;
  readonly strings: UiStrings;
}

const severities: readonly Severity[] = ['blocking', 'warning', 'info'];

/** The label of the field a finding is about, from the form catalog; the id when unknown. */
export function fieldLabel(fieldId: string | undefined, lang: Lang, strings: UiStrings): string {
  if (!fieldId) return strings.findingDocument;
  const field = getFieldDef(fieldId);
  if (!field) return fieldId;
  return lang === 'nl' ? field.labelNl : field.labelEn;
}

/** Findings grouped by severity (blocking first): the field and the message of each. */
export function FindingsList({ findings, lang, strings }: FindingsListProps): React.ReactElement {
  const tokens = uiTokens();
  if (findings.length === 0) return <p>{strings.findingsNone}</p>;
  const heading: Readonly<Record<Severity, string>> = {
    blocking: strings.severityBlocking,
    warning: strings.severityWarning,
    info: strings.severityInfo
  };
  const colour: Readonly<Record<Severity, string>> = { blocking: tokens.error, warning: tokens.warning, info: tokens.subtle };
  return (
    <div>
      {severities.map((severity) => {
        const group = findings.filter((finding) => finding.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} aria-label={`${heading[severity]} (${group.length})`} data-severity={severity}>
            <h4 style={{ color: colour[severity], margin: '8px 0 4px' }}>{heading[severity]} ({group.length})</h4>
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {group.map((finding, index) => (
                <li key={`${finding.checkId}-${finding.fieldId ?? ''}-${index}`}>
                  <strong>{fieldLabel(finding.fieldId, lang, strings)}</strong>: {finding.message[lang]}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

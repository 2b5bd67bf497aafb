import * as React from 'react';
import type { ClockStatus } from '../../domain/clocks/status';
import { phaseLabel, sideLabel, unitLabel } from '../../domain/clocks/labels';
import { formatError } from '../../domain/formatError';
import type { Lang } from '../../domain/types';
import { formatDate, formatText } from '../shared/format';
import { uiTokens } from '../shared/tokens';
import type { ClockStrings } from './clockStrings';

export interface ClockSectionProps {
  readonly status: ClockStatus;
  readonly lang: Lang;
  readonly strings: ClockStrings;
}

/**
 * The panel's "Termijnen": the current phase, who holds the dossier, days used of the limit, the due
 * and escalation dates, VSA days against requester days, and the protocol-end reminder when it
 * applies. A clock that could not be computed shows its message.
 */
export function ClockSection({ status, lang, strings }: ClockSectionProps): React.ReactElement {
  const tokens = uiTokens();
  const current = status.current;
  const rows: [string, React.ReactNode][] = [];
  if (current) {
    const unit = unitLabel(current.limit.unit, lang);
    rows.push([strings.phase, phaseLabel(current.phase, lang)]);
    rows.push([strings.side, sideLabel(current.side, lang)]);
    rows.push([strings.used, formatText(strings.usedOf, { used: current.usedDays, limit: current.limit.days, unit })]);
    rows.push([
      strings.dueOn,
      <span key="due" data-overdue={current.overdue ? 'true' : undefined} style={current.overdue ? { color: tokens.error, fontWeight: 600 } : undefined}>
        {formatDate(current.dueOn, lang)}
        {current.overdue ? ` · ${formatText(strings.overdue, { days: current.overdueDays, unit })}` : ''}
      </span>
    ]);
    rows.push([strings.escalationOn, `${formatDate(current.escalationOn, lang)}${current.escalated ? ` · ${strings.escalated}` : ''}`]);
  }
  if (status.kind === 'protocolEnd' && status.dueOn && status.protocolEndDate) {
    rows.push([formatText(strings.protocolEnd, { end: formatDate(status.protocolEndDate, lang) }), formatDate(status.dueOn, lang)]);
  }
  if (status.vsaDays !== undefined) {
    rows.push([strings.vsaDays, String(status.vsaDays)]);
    rows.push([strings.requesterDays, String(status.requesterDays ?? 0)]);
  }
  return (
    <section aria-label={strings.heading} data-section="clocks">
      <h3>{strings.heading}</h3>
      {status.problem && (
        <p role="alert" style={{ color: tokens.error }}>
          {formatError({ code: status.problem.code, params: status.problem.params }, lang)}
        </p>
      )}
      {!current && !status.problem && <p>{strings.noClock}</p>}
      {rows.length > 0 && (
        <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 12, rowGap: 4, margin: 0 }}>
          {rows.map(([label, value]) => (
            <React.Fragment key={label}>
              <dt style={{ fontWeight: 600 }}>{label}</dt>
              <dd style={{ margin: 0 }}>{value}</dd>
            </React.Fragment>
          ))}
        </dl>
      )}
    </section>
  );
}

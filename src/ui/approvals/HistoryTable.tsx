import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { decisionOutcomeLabel } from '../../domain/labels';
import type { Lang } from '../../domain/types';
import { formatDate } from '../shared/format';
import type { ApprovalsStrings } from './ApprovalsTab.types';
import type { DecisionHistoryModel, HistoryKind } from './decisionHistory';
import { cultureOf } from '../../domain/i18n/language';
import { formatText } from '../shared/format';

/** Props of `HistoryTable`. */
export interface HistoryTableProps {
  readonly history: DecisionHistoryModel;
  readonly strings: ApprovalsStrings;
  readonly lang: Lang;
  /** Opens the revocation of a dossier's protocol (lifecycle, issue 16); absent: not offered. */
  readonly onRevoke?: (reference: string) => void;
}

/** The Chief Statistician's decisions of the last 12 months with lead times, as an accessible table. */
export function HistoryTable({ history, strings, lang, onRevoke }: HistoryTableProps): React.ReactElement {
  if (history.rows.length === 0) return <p>{strings.HistoryEmpty}</p>;
  const kindLabel: Record<HistoryKind, string> = {
    approved: strings.HistoryApproved,
    rejected: strings.HistoryRejected,
    moreInformation: strings.HistoryMoreInformation
  };
  const number = (value: number | undefined): string => (value === undefined ? '—' : value.toLocaleString(cultureOf(lang)));
  return (
    <>
      <p>
        {formatText(strings.HistorySummary, {
          approved: history.counts.approved,
          rejected: history.counts.rejected,
          asked: history.counts.moreInformation,
          median: number(history.medianLeadTimeDays)
        })}
      </p>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            {[strings.HistoryDate, strings.HistoryDossier, strings.HistoryDecision, strings.HistoryLeadTime, strings.HistoryTotal, strings.HistoryActor, strings.HistoryText].map(
              (header) => (
                <th key={header} scope="col" style={{ textAlign: 'left', borderBottom: '1px solid #c8c6c4', padding: 4 }}>
                  {header}
                </th>
              )
            )}
          </tr>
        </thead>
        <tbody>
          {history.rows.map((row) => (
            <tr key={row.eventId}>
              <td style={{ padding: 4 }}>{formatDate(row.at, lang)}</td>
              <td style={{ padding: 4 }}>
                {row.reference}
                {row.subject && ` · ${row.subject}`}
              </td>
              <td style={{ padding: 4 }}>
                {row.withConditions ? decisionOutcomeLabel('approvedWithConditions', lang) : kindLabel[row.kind]}
                {row.revokedOn && <div data-revoked="true"><strong>{formatText(strings.RevokedOn, { date: formatDate(row.revokedOn, lang) })}</strong></div>}
                {row.revocable && onRevoke && (
                  <div><DefaultButton text={strings.RevokeAction} ariaLabel={`${strings.RevokeAction} ${row.reference}`} onClick={() => onRevoke(row.reference)} /></div>
                )}
              </td>
              <td style={{ padding: 4 }}>{number(row.leadTimeDays)}</td>
              <td style={{ padding: 4 }}>{number(row.totalDays)}</td>
              <td style={{ padding: 4 }}>{row.actorName}</td>
              <td style={{ padding: 4 }}>{row.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

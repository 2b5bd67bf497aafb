import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import type { AdherenceReport } from '../../domain/clocks/adherence';
import { phaseLabel } from '../../domain/clocks/labels';
import type { Lang } from '../../domain/types';
import { formatText } from '../shared/format';
import type { ClockStrings } from './clockStrings';

export interface AdherenceSectionProps {
  readonly report: AdherenceReport;
  /** Downloads the CSV of dossiers with their phase times; the button shows when given. */
  readonly onExportCsv?: () => void;
  readonly lang: Lang;
  readonly strings: ClockStrings;
  readonly noData: string;
}

const percent = (share: number, lang: Lang): string => new Intl.NumberFormat(lang === 'nl' ? 'nl-BE' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(share);
const days = (value: number, lang: Lang): string => new Intl.NumberFormat(lang === 'nl' ? 'nl-BE' : 'en-GB', { maximumFractionDigits: 1 }).format(value);

/** The dashboard's adherence per phase and month (count, share on time, median, p90) and the CSV export. */
export function AdherenceSection({ report, onExportCsv, lang, strings, noData }: AdherenceSectionProps): React.ReactElement {
  return (
    <section aria-label={strings.adherenceHeading} data-section="adherence">
      <h3>{strings.adherenceHeading}</h3>
      {onExportCsv && <DefaultButton text={strings.exportCsv} iconProps={{ iconName: 'Download' }} onClick={onExportCsv} />}
      {report.failures.length > 0 && <p role="status">{formatText(strings.adherenceFailures, { count: report.failures.length })}</p>}
      {report.rows.length === 0 ? (
        <p>{noData}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{strings.adherenceMonth}</th>
              <th scope="col">{strings.adherencePhase}</th>
              <th scope="col">{strings.adherenceCount}</th>
              <th scope="col">{strings.adherenceOnTime}</th>
              <th scope="col">{strings.adherenceMedian}</th>
              <th scope="col">{strings.adherenceP90}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((row) => (
              <tr key={`${row.month}-${row.phase}`} data-phase={row.phase} data-month={row.month}>
                <td>{row.month}</td>
                <td>{phaseLabel(row.phase, lang)}</td>
                <td>{row.count}</td>
                <td>{percent(row.onTimeShare, lang)}</td>
                <td>{days(row.medianDays, lang)}</td>
                <td>{days(row.p90Days, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

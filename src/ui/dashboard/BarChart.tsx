import * as React from 'react';
import { uiTokens } from '../shared/tokens';

/** One bar; several values draw several bars per label (e.g. median and p90). */
export interface BarDatum {
  readonly label: string;
  readonly values: readonly (number | undefined)[];
}

/** Props of the bar chart. */
export interface BarChartProps {
  readonly title: string;
  /** Header of the label column, e.g. "Status". */
  readonly labelHeader: string;
  /** Names of the series, shown in the legend and in each cell's text. */
  readonly series: readonly string[];
  readonly data: readonly BarDatum[];
  readonly unit: string;
  readonly emptyText: string;
  /** Decimals of the numbers shown. */
  readonly decimals?: number;
}

const seriesColours = (accent: string): string[] => [accent, '#8764b8', '#498205'];

/**
 * A horizontal bar chart as a table: the bars are decoration (CSS widths), the numbers are text, so
 * screen readers read a plain table. Chosen over a chart library to stay inside the bundle budget.
 */
export function BarChart({ title, labelHeader, series, data, unit, emptyText, decimals = 0 }: BarChartProps): React.ReactElement {
  const tokens = uiTokens();
  const colours = seriesColours(tokens.accent);
  const max = Math.max(0, ...data.flatMap((d) => d.values.map((v) => v ?? 0)));
  const format = (value: number | undefined): string => (value === undefined ? '–' : value.toFixed(decimals));
  return (
    <figure style={{ margin: 0 }} aria-label={title}>
      <figcaption><h3 style={{ margin: '0 0 8px' }}>{title}</h3></figcaption>
      {series.length > 1 && (
        <ul aria-hidden="true" style={{ display: 'flex', gap: 12, listStyle: 'none', padding: 0, margin: '0 0 4px' }}>
          {series.map((name, i) => (
            <li key={name}><span style={{ display: 'inline-block', width: 10, height: 10, background: colours[i % colours.length], marginRight: 4 }} />{name}</li>
          ))}
        </ul>
      )}
      {data.length === 0 || max === 0 ? (
        <p>{emptyText}</p>
      ) : (
        <table style={{ width: '100%', borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: 'left', width: '35%' }}>{labelHeader}</th>
              <th scope="col" style={{ textAlign: 'left' }}>{series.length > 1 ? `${series.join(' / ')} (${unit})` : unit}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((datum) => (
              <tr key={datum.label}>
                <th scope="row" style={{ textAlign: 'left', fontWeight: 400, paddingRight: 8 }}>{datum.label}</th>
                <td>
                  {datum.values.map((value, i) => (
                    <div key={i} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
                      <span
                        aria-hidden="true"
                        data-bar-value={value ?? 0}
                        style={{ display: 'inline-block', height: 12, width: `${max > 0 ? ((value ?? 0) / max) * 80 : 0}%`, background: colours[i % colours.length] }}
                      />
                      <span>{series.length > 1 ? `${series[i]}: ` : ''}{format(value)}</span>
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}

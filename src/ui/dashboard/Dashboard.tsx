import * as React from 'react';
import { Link } from '@fluentui/react/lib/Link';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { ExtensionReminder } from '../../publication/extension';
import { Stack } from '@fluentui/react/lib/Stack';
import { stateLabel } from '../../domain/labels';
import type { Dossier, IsoDateTime, Lang } from '../../domain/types';
import type { DossierRow } from '../register/registerRows';
import type { UiStrings } from '../strings';
import { formatDate, formatText } from '../shared/format';
import { BarChart } from './BarChart';
import { phaseTimesCsv } from '../../domain/clocks/csv';
import type { ClockSetup } from '../../domain/clocks/status';
import { AdherenceSection } from '../clocks/AdherenceSection';
import { phaseTimesOf } from '../clocks/phaseTimes';
import type { RegisterEntry } from '../register/registerRows';
import { leadTimeNote, type HistoryCoverage } from './leadTimeNote';
import { countsByState, countsByStep, leadTimesPerStep, medianReturnToNextVersion, overdueRows, reviewRoundsPerDossier, workloadPerStatistician } from './metrics';

/** Props of the dashboard. */
export interface DashboardProps {
  /** Register lines of every loaded dossier (counts, overdue, workload). */
  readonly rows: readonly DossierRow[];
  /** State histories for lead times: every register row that has one, plus dossiers loaded in full. */
  readonly histories: readonly Pick<Dossier, 'stateHistory'>[];
  /** How many rows lack a history; the lead-time chart notes it when some do. */
  readonly historyCoverage?: HistoryCoverage;
  readonly onOpen: (reference: string) => void;
  /** Protocols due for an extension reminder (`extensionReminders`); the section shows when given. */
  readonly reminders?: readonly ExtensionReminder[];
  /** One-click "Verlenging starten"; offered only when given (DPO team). */
  readonly onStartExtension?: (reminder: ExtensionReminder) => void;
  /** Protocol number whose extension is being started (its button is disabled). */
  readonly startingExtension?: string;
  /** What the last start did (or why it failed). */
  readonly extensionStatus?: { readonly ok: boolean; readonly text: string };
  /** Dossiers in the review loop loaded in full (rounds and open requester findings); the section shows when given. */
  readonly reviewDossiers?: readonly Pick<Dossier, 'reference' | 'state' | 'returnRounds' | 'findings'>[];
  /** Loads `reviewDossiers` (offered until they are given); `reviewDossiersLoading` while it runs. */
  readonly onLoadReviewDossiers?: () => void;
  readonly reviewDossiersLoading?: boolean;
  /**
   * The register entries and clock setup for adherence per phase and month (issue 16); the section
   * shows when given. Entries without a state history are left out.
   */
  readonly clocks?: { readonly entries: readonly RegisterEntry[]; readonly setup: ClockSetup };
  /** Saves a file (the "CSV exporteren" download); the button shows when given. */
  readonly onSaveFile?: (fileName: string, bytes: Uint8Array) => void;
  readonly now: IsoDateTime;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

/** Counts per state and step, lead time per step, overdue dossiers and workload per statistician. */
export function Dashboard(props: DashboardProps): React.ReactElement {
  const { rows, histories, onOpen, now, lang, strings } = props;
  const byState = React.useMemo(() => countsByState(rows), [rows]);
  const byStep = React.useMemo(() => countsByStep(rows), [rows]);
  const leadTimes = React.useMemo(() => leadTimesPerStep(histories, now), [histories, now]);
  const overdue = React.useMemo(() => overdueRows(rows), [rows]);
  const workload = React.useMemo(() => workloadPerStatistician(rows), [rows]);
  const rounds = React.useMemo(() => reviewRoundsPerDossier(props.reviewDossiers ?? []), [props.reviewDossiers]);
  const returnMedian = React.useMemo(() => medianReturnToNextVersion(histories), [histories]);
  const coverageNote = leadTimeNote(props.historyCoverage, lang);
  const clocks = props.clocks;
  const phaseTimes = React.useMemo(() => (clocks ? phaseTimesOf(clocks.entries, clocks.setup, now) : undefined), [clocks, now]);
  const onSaveFile = props.onSaveFile;
  const exportCsv = phaseTimes && onSaveFile
    ? (): void => onSaveFile(formatText(strings.clocks.csvFileName, { date: now.slice(0, 10) }), new TextEncoder().encode(phaseTimesCsv(phaseTimes.csvRows, lang)))
    : undefined;
  const stepName = (step: number | undefined): string =>
    step === undefined ? strings.finalGroup : `${formatText(strings.stepGroup, { step })} – ${strings.stepNames[step - 1]}`;

  const openLink = (reference: string): React.ReactElement => (
    <Link href={`?dossier=${encodeURIComponent(reference)}`} onClick={(event) => { event.preventDefault(); onOpen(reference); }}>
      {reference}
    </Link>
  );

  return (
    <Stack tokens={{ childrenGap: 24 }}>
      {phaseTimes && <AdherenceSection report={phaseTimes.adherence} onExportCsv={exportCsv} lang={lang} strings={strings.clocks} noData={strings.noData} />}
      {props.reminders && (
        <section aria-label={strings.remindersHeading}>
          <h3>{strings.remindersHeading} ({props.reminders.length})</h3>
          {props.extensionStatus && (
            <MessageBar messageBarType={props.extensionStatus.ok ? MessageBarType.success : MessageBarType.error}>{props.extensionStatus.text}</MessageBar>
          )}
          {props.reminders.length === 0 ? <p>{strings.noData}</p> : (
            <ul>
              {props.reminders.map((reminder) => (
                <li key={reminder.protocolNumber}>
                  {openLink(reminder.dossierReference)}{' '}
                  {formatText(strings.reminderLine, {
                    protocol: reminder.protocolNumber,
                    institution: reminder.institution,
                    title: reminder.projectTitle,
                    date: formatDate(reminder.effectiveEndDate, lang),
                    days: reminder.daysLeft
                  })}{' '}
                  {reminder.extensionsUnderWay.length > 0 ? (
                    <span>
                      {formatText(strings.extensionUnderWay, { references: '' })}
                      {reminder.extensionsUnderWay.map((reference, index) => <React.Fragment key={reference}>{index > 0 && ', '}{openLink(reference)}</React.Fragment>)}
                    </span>
                  ) : props.onStartExtension && (
                    <DefaultButton
                      text={formatText(strings.startExtension, { protocol: reminder.protocolNumber })}
                      disabled={props.startingExtension !== undefined}
                      onClick={() => props.onStartExtension?.(reminder)}
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <Stack horizontal wrap tokens={{ childrenGap: 24 }}>
        <Stack.Item grow styles={{ root: { minWidth: 320, flexBasis: 0 } }}>
          <BarChart title={strings.chartByState} labelHeader={strings.columnState} series={[strings.countUnit]} unit={strings.countUnit} emptyText={strings.noData}
            data={byState.filter((c) => c.count > 0).map((c) => ({ label: stateLabel(c.state, lang), values: [c.count] }))} />
        </Stack.Item>
        <Stack.Item grow styles={{ root: { minWidth: 320, flexBasis: 0 } }}>
          <BarChart title={strings.chartByStep} labelHeader={strings.columnStep} series={[strings.countUnit]} unit={strings.countUnit} emptyText={strings.noData}
            data={byStep.map((c) => ({ label: stepName(c.step), values: [c.count] }))} />
        </Stack.Item>
      </Stack>
      <BarChart
        title={strings.chartLeadTime}
        labelHeader={strings.columnStep}
        series={[strings.median, strings.p90]}
        unit={strings.daysUnit}
        emptyText={strings.noData}
        decimals={1}
        data={leadTimes.filter((t) => t.count > 0).map((t) => ({ label: `${stepName(t.step)} (n=${t.count})`, values: [t.medianDays, t.p90Days] }))}
      />
      {coverageNote && <p data-testid="lead-time-coverage">{coverageNote}</p>}
      <Stack horizontal wrap tokens={{ childrenGap: 24 }}>
        <Stack.Item grow styles={{ root: { minWidth: 320, flexBasis: 0 } }}>
          <section aria-label={strings.overdueHeading}>
            <h3>{strings.overdueHeading} ({overdue.length})</h3>
            {overdue.length === 0 ? <p>{strings.noData}</p> : (
              <ul>
                {overdue.slice(0, 50).map((row) => (
                  <li key={row.reference}>
                    <Link href={`?dossier=${encodeURIComponent(row.reference)}`} onClick={(event) => { event.preventDefault(); onOpen(row.reference); }}>
                      {row.reference}
                    </Link>{' '}
                    {row.institution} · {row.stateLabel} · {formatDate(row.dueAt, lang)} · {formatText(strings.overdueBadge, { days: row.overdueDays })}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </Stack.Item>
        <Stack.Item grow styles={{ root: { minWidth: 320, flexBasis: 0 } }}>
          <section aria-label={strings.review.dashboardHeading}>
            <h3>{strings.review.dashboardHeading}</h3>
            <p data-testid="return-median">
              {returnMedian.medianDays === undefined
                ? strings.review.dashboardMedianNone
                : formatText(strings.review.dashboardMedianReturn, { days: returnMedian.medianDays.toFixed(1), count: returnMedian.count })}
            </p>
            {!props.reviewDossiers && props.onLoadReviewDossiers && (
              <DefaultButton text={props.reviewDossiersLoading ? strings.loading : strings.review.dashboardLoad} disabled={props.reviewDossiersLoading} onClick={props.onLoadReviewDossiers} />
            )}
            {props.reviewDossiers && (rounds.length === 0 ? <p>{strings.review.dashboardNone}</p> : (
              <table style={{ borderCollapse: 'collapse' }}>
                <thead>
                  <tr style={{ textAlign: 'left' }}>
                    <th scope="col" style={{ padding: 4 }}>{strings.columnReference}</th>
                    <th scope="col" style={{ padding: 4 }}>{strings.columnState}</th>
                    <th scope="col" style={{ padding: 4 }}>{strings.review.dashboardRounds}</th>
                    <th scope="col" style={{ padding: 4 }}>{strings.review.dashboardOpenRequester}</th>
                  </tr>
                </thead>
                <tbody>
                  {rounds.slice(0, 50).map((entry) => (
                    <tr key={entry.reference} data-reference={entry.reference}>
                      <td style={{ padding: 4 }}>{openLink(entry.reference)}</td>
                      <td style={{ padding: 4 }}>{stateLabel(entry.state, lang)}</td>
                      <td style={{ padding: 4 }}>{entry.returnRounds}</td>
                      <td style={{ padding: 4 }}>{entry.openRequesterFindings}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ))}
          </section>
        </Stack.Item>
        <Stack.Item grow styles={{ root: { minWidth: 320, flexBasis: 0 } }}>
          <BarChart
            title={strings.workloadHeading}
            labelHeader={strings.columnStatistician}
            series={[strings.workloadOpen, strings.workloadOverdue]}
            unit={strings.countUnit}
            emptyText={strings.noData}
            data={workload.map((w) => ({ label: w.name, values: [w.open, w.overdue] }))}
          />
        </Stack.Item>
      </Stack>
    </Stack>
  );
}

/** Strings of the clocks (issue 16): the panel's "Termijnen" section, the register's phase column, the dashboard's adherence. */
export interface ClockStrings {
  readonly heading: string;
  readonly phase: string;
  readonly side: string;
  /** Placeholders used, limit, unit. */
  readonly usedOf: string;
  readonly used: string;
  readonly dueOn: string;
  readonly escalationOn: string;
  readonly escalated: string;
  /** Placeholders days, unit. */
  readonly overdue: string;
  readonly vsaDays: string;
  readonly requesterDays: string;
  readonly noClock: string;
  /** Placeholder end. */
  readonly protocolEnd: string;
  readonly columnPhase: string;
  /** Placeholders vsa, requester (the register's phase column, second line). */
  readonly sideDays: string;
  readonly adherenceHeading: string;
  readonly adherenceMonth: string;
  readonly adherencePhase: string;
  readonly adherenceCount: string;
  readonly adherenceOnTime: string;
  readonly adherenceMedian: string;
  readonly adherenceP90: string;
  /** Placeholder count. */
  readonly adherenceFailures: string;
  readonly exportCsv: string;
  /** Placeholder date. */
  readonly csvFileName: string;
  readonly settingsHeading: string;
}

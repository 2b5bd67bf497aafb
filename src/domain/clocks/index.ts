/** The clocks of the procedure (issue 16): pure rules over the types of `./types`. */
export * from './types';
export { ClockError, isClockError } from './errors';
export {
  brusselsDate,
  addCalendarDays,
  calendarDaysBetween,
  isoWeekday,
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  addDays,
  daysBetween
} from './workingDays';
export { phaseTable, sideTable, phaseIds, cumulativePhases, isClockState, phaseOfState, sideOfPhase, isPhaseId } from './phases';
export { defaultProcedureSettings, otherSettingKeys, settingKeys, validateProcedureSettings, settingsRows } from './settings';
export type { OtherSettingKey, SettingKey, ProcedureSettingRow, SettingsProblem, ValidatedSettings } from './settings';
export { dossierClock, protocolEndReminderOn } from './dossierClock';
export { adherence, completedStays, median, percentile } from './adherence';
export type { AdherenceReport, AdherenceFailure } from './adherence';
export { phaseTimesCsv, csvField, neutralizeFormula } from './csv';
export type { PhaseTimesRow } from './csv';
export { phaseLabels, sideLabels, unitLabels, phaseLabel, sideLabel, unitLabel } from './labels';
export { generatedHolidayCalendar, fixedHolidayCalendar, defaultClockSetup } from './holidayCalendar';
export { belgianHolidays, holidayYears } from './belgianHolidays';
export { clockStatus, noDeadline } from './status';
export { clockInForce } from './stopped';
export type { ClockStatus, ClockStatusFacts, ClockSetup } from './status';

/**
 * The procedure's time settings: defaults (docs/decisions/clocks.md) and the validation of the rows
 * read from the list `Instellingen van de procedure`. A bad row never stops the clocks: it yields a
 * problem (message code) and its default; the other rows still apply.
 */
import type { MessageCode } from '../messages';
import { defaultProcedureSettings } from './defaults';
import { isPhaseId, phaseIds } from './phases';
import type { DayUnit, PhaseDeadline, PhaseId, ProcedureSettings } from './types';

export { defaultProcedureSettings } from './defaults';

/** The keys of the rows that are not phases. */
export const otherSettingKeys = ['protocolEndReminder', 'destructionEscalation', 'digestWeekday'] as const;
export type OtherSettingKey = (typeof otherSettingKeys)[number];
export type SettingKey = PhaseId | OtherSettingKey;

/** Every key a settings row can have, in list order. */
export const settingKeys: readonly SettingKey[] = [...phaseIds, ...otherSettingKeys];

/** One row as read from the list (raw: anything may be wrong). */
export interface ProcedureSettingRow {
  /** Phase id or one of `otherSettingKeys`. */
  readonly key: unknown;
  /** Days (the weekday number for `digestWeekday`). */
  readonly days: unknown;
  /** Phases only: `calendar`/`working` (or `kalenderdagen`/`werkdagen`). */
  readonly unit?: unknown;
  /** Phases only: days after the deadline before escalation. */
  readonly escalateAfterDays?: unknown;
}

/** What is wrong with one row; the row's default was used instead. */
export interface SettingsProblem {
  readonly key: string;
  readonly code: MessageCode;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ValidatedSettings {
  readonly settings: ProcedureSettings;
  readonly problems: readonly SettingsProblem[];
}

const unitWords: Readonly<Record<string, DayUnit>> = {
  calendar: 'calendar',
  working: 'working',
  kalenderdagen: 'calendar',
  kalenderdag: 'calendar',
  werkdagen: 'working',
  werkdag: 'working'
};

/** A whole number from a number or a numeric string; `undefined` otherwise. */
function wholeNumber(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^-?\d+$/.test(text)) return undefined;
  return Number(text);
}

/** The most days a phase's deadline or escalation may have (a year); more is a typo (3000), not a deadline. */
export const MAX_PHASE_DAYS = 366;
/** The most days of the protocol-end reminder and the destruction escalation (two years). */
export const MAX_LONG_DAYS = 730;

const shown = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

function phaseRow(id: PhaseId, row: ProcedureSettingRow): { deadline: PhaseDeadline; problems: SettingsProblem[] } {
  const fallback = defaultProcedureSettings.phases[id];
  const problems: SettingsProblem[] = [];
  const problem = (code: MessageCode, value: unknown, defaultValue: string | number): void => {
    problems.push({ key: id, code, params: { key: id, value: shown(value), default: defaultValue, ...(code === 'settings.error.tooLarge' ? { max: MAX_PHASE_DAYS } : {}) } });
  };
  const days = wholeNumber(row.days);
  if (days === undefined) problem('settings.error.notANumber', row.days, fallback.days);
  else if (days <= 0) problem('settings.error.notPositive', row.days, fallback.days);
  else if (days > MAX_PHASE_DAYS) problem('settings.error.tooLarge', row.days, fallback.days);
  const unitText = row.unit === undefined || row.unit === null || row.unit === '' ? fallback.unit : String(row.unit).trim().toLowerCase();
  const unit = unitWords[unitText];
  if (!unit) problem('settings.error.unknownUnit', row.unit, fallback.unit);
  const escalation = row.escalateAfterDays === undefined || row.escalateAfterDays === null || row.escalateAfterDays === '' ? fallback.escalateAfterDays : wholeNumber(row.escalateAfterDays);
  if (escalation === undefined) problem('settings.error.notANumber', row.escalateAfterDays, fallback.escalateAfterDays);
  else if (escalation < 0) problem('settings.error.negative', row.escalateAfterDays, fallback.escalateAfterDays);
  else if (escalation > MAX_PHASE_DAYS) problem('settings.error.tooLarge', row.escalateAfterDays, fallback.escalateAfterDays);
  if (problems.length > 0 || days === undefined || !unit || escalation === undefined) return { deadline: fallback, problems };
  return { deadline: { phase: id, days, unit, escalateAfterDays: escalation }, problems };
}

function otherRow(key: OtherSettingKey, row: ProcedureSettingRow, fallback: number): { value: number; problems: SettingsProblem[] } {
  const value = wholeNumber(row.days);
  const problem = (code: MessageCode): { value: number; problems: SettingsProblem[] } => ({
    value: fallback,
    problems: [{ key, code, params: { key, value: shown(row.days), default: fallback, ...(code === 'settings.error.tooLarge' ? { max: MAX_LONG_DAYS } : {}) } }]
  });
  if (value === undefined) return problem('settings.error.notANumber');
  if (key === 'digestWeekday') return value >= 1 && value <= 7 ? { value, problems: [] } : problem('settings.error.weekdayOutOfRange');
  if (value <= 0) return problem('settings.error.notPositive');
  return value <= MAX_LONG_DAYS ? { value, problems: [] } : problem('settings.error.tooLarge');
}

/**
 * The settings from the list's rows: every valid row applies; a row with a problem keeps its default
 * and yields a problem; a missing row keeps its default silently; an unknown or repeated key is a problem.
 */
export function validateProcedureSettings(rows: readonly ProcedureSettingRow[]): ValidatedSettings {
  const phases: Record<PhaseId, PhaseDeadline> = { ...defaultProcedureSettings.phases };
  const others: Record<OtherSettingKey, number> = {
    protocolEndReminder: defaultProcedureSettings.protocolEndReminderDays,
    destructionEscalation: defaultProcedureSettings.destructionEscalationDays,
    digestWeekday: defaultProcedureSettings.digestWeekday
  };
  const problems: SettingsProblem[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const key = typeof row.key === 'string' ? row.key.trim() : shown(row.key);
    if (seen.has(key)) {
      problems.push({ key, code: 'settings.error.duplicateKey', params: { key } });
      continue;
    }
    seen.add(key);
    if (isPhaseId(key)) {
      const result = phaseRow(key, row);
      phases[key] = result.deadline;
      problems.push(...result.problems);
    } else if ((otherSettingKeys as readonly string[]).includes(key)) {
      const otherKey = key as OtherSettingKey;
      const result = otherRow(otherKey, row, others[otherKey]);
      others[otherKey] = result.value;
      problems.push(...result.problems);
    } else {
      problems.push({ key, code: 'settings.error.unknownKey', params: { key } });
    }
  }
  return {
    settings: {
      phases,
      protocolEndReminderDays: others.protocolEndReminder,
      destructionEscalationDays: others.destructionEscalation,
      digestWeekday: others.digestWeekday
    },
    problems
  };
}

/** The rows that describe `settings` (the seed of the list, and a round trip for tests). */
export function settingsRows(settings: ProcedureSettings = defaultProcedureSettings): ProcedureSettingRow[] {
  return [
    ...phaseIds.map((id): ProcedureSettingRow => {
      const deadline = settings.phases[id];
      return { key: id, days: deadline.days, unit: deadline.unit, escalateAfterDays: deadline.escalateAfterDays };
    }),
    { key: 'protocolEndReminder', days: settings.protocolEndReminderDays },
    { key: 'destructionEscalation', days: settings.destructionEscalationDays },
    { key: 'digestWeekday', days: settings.digestWeekday }
  ];
}

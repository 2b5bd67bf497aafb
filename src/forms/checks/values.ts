import type { ChoiceOption } from '../types';

const MONTHS: Record<string, number> = {
  januari: 1, februari: 2, maart: 3, april: 4, mei: 5, juni: 6, juli: 7, augustus: 8, september: 9, oktober: 10, november: 11, december: 12,
  january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, august: 8, october: 10
};

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd and "1 januari 2027" into an ISO date. */
export function parseDate(value: string): string | undefined {
  const text = value.trim().toLowerCase();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/.exec(text);
  if (match && MONTHS[match[2]]) return isoDate(Number(match[3]), MONTHS[match[2]], Number(match[1]));
  return undefined;
}

/** ISO date plus whole years. */
export function addYears(iso: string, years: number): string {
  return `${String(Number(iso.slice(0, 4)) + years).padStart(4, '0')}${iso.slice(4)}`;
}

/** Splits a list typed in one field: semicolons, commas and line breaks separate items. */
export function splitList(value: string): string[] {
  return value
    .split(/[;\n,]/)
    .map((item) => item.trim().replace(/\.$/, ''))
    .filter((item) => item.length > 0);
}

function choiceKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.]$/, '');
}

/** The option a typed value stands for (value, labels or aliases, case-insensitive). */
export function matchChoice(value: string, options: readonly ChoiceOption[]): ChoiceOption | undefined {
  const key = choiceKey(value);
  return options.find((option) => [option.value, option.labelNl, option.labelEn, ...(option.aliases ?? [])].some((candidate) => choiceKey(candidate) === key));
}

/** Splits "ja: toelichting" / "Nee" into the answer and the explanation. */
export function parseYesNo(value: string): { answer: 'ja' | 'nee' | undefined; text: string } {
  const match = /^\s*(ja|nee|neen|yes|no)\b[\s:;,.\-–—]*([\s\S]*)$/i.exec(value);
  if (!match) return { answer: undefined, text: value.trim() };
  const word = match[1].toLowerCase();
  return { answer: word === 'ja' || word === 'yes' ? 'ja' : 'nee', text: match[2].trim() };
}

/** Syntax of an e-mail address (not deliverability). */
export function isValidEmail(value: string): boolean {
  return /^[^\s@<>(),;:]+@[^\s@<>(),;:]+\.[a-z]{2,}$/i.test(value.trim());
}

/** Belgian or international phone number after removing spaces, dots, slashes, dashes, brackets. */
export function isValidPhone(value: string): boolean {
  const compact = value.replace(/[\s./()-]/g, '');
  return /^(\+|00)[1-9]\d{7,14}$/.test(compact) || /^0\d{8,9}$/.test(compact);
}

import type { ChoiceOption } from '../types';

/** Month names and the abbreviations people write ("dec.", "mrt", "sept"), Dutch and English. */
const MONTHS: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, feb: 2, febr: 2, february: 2,
  maart: 3, mrt: 3, maa: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  augustus: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, october: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12
};

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Words people put before a date that still mean that very day: "tot", "tot en met", "t/m",
 * "uiterlijk", "ten laatste", "until", "by", a weekday. "vóór"/"before" are not among them: they
 * name the day after the last one, so such a text stays unread (decision, docs/decisions/forms.md).
 */
const DATE_LEAD = /^(?:(?:tot en met|tot|t\/m|uiterlijk(?: op| tot)?|ten laatste(?: op| tot)?|op|until|till|up to(?: and including)?|through|by|no later than|not later than|on)\s+)+/;
const WEEKDAY = /^(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+/;
/** "1 december 2028", "31 dec. 2028", "31-dec-2028"; "1ste", "1e", "2de", "21st": an ordinal day is the same day (decision). */
const DAY_MONTH_YEAR = /^(\d{1,2})(?:ste|de|e|st|nd|rd|th)?[\s.-]+([a-z]+)\.?[\s.-]+(\d{4})$/;
/** "December 31, 2028". */
const MONTH_DAY_YEAR = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/;

/**
 * Parses a date as people write it in a form into an ISO date: dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy
 * (one or two digits for day and month), yyyy-mm-dd, "1 januari 2027", "31 dec. 2028", "1ste maart
 * 2029", "December 31, 2028", with a leading "tot", "uiterlijk", "ten laatste", "until" or a weekday.
 * Two-digit years are not read (which century?).
 */
export function parseDate(value: string): string | undefined {
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.,;]+$/, '').replace(DATE_LEAD, '').replace(WEEKDAY, '');
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (match) return isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
  match = DAY_MONTH_YEAR.exec(text);
  if (match && MONTHS[match[2]]) return isoDate(Number(match[3]), MONTHS[match[2]], Number(match[1]));
  match = MONTH_DAY_YEAR.exec(text);
  if (match && MONTHS[match[1]]) return isoDate(Number(match[3]), MONTHS[match[1]], Number(match[2]));
  return undefined;
}

function fromUtc(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** ISO date plus whole months; a day the target month lacks becomes its last day (31/08 + 6 months = 28/02). */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtc(target);
}

/** ISO date plus whole years (29 February becomes 28 February in a common year). */
export function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12);
}

/** ISO date plus days. */
export function addDays(iso: string, days: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  return fromUtc(new Date(Date.UTC(year, month - 1, day + days)));
}

/**
 * The templates ask to write "niet van toepassing" rather than leave a field empty. These texts (any
 * case, with or without dots and spaces) are an explicit empty answer: no value, but not an omission
 * either. A short reason may follow: after a space for the long forms ("niet van toepassing want ...");
 * after ":", "(", ",", ";" or a dash for the abbreviations, so that a name such as "NVT Consult" stays a name.
 */
const EXPLICIT_EMPTY =
  /^(?:(?:niet van toepassing|niet toepasselijk|not applicable)(?:[\s:(,;–—-][\s\S]*)?|(?:n ?\.? ?v ?\.? ?t ?\.?|n ?\/ ?a\.?)(?: ?[:(,;–—-][\s\S]*)?)$/;

/** True when a field's text is an explicit empty answer ("niet van toepassing", "n.v.t.", "nvt", "not applicable", "n/a"). */
export function isExplicitEmpty(value: string): boolean {
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.\s]+$/, '');
  return text.length > 0 && EXPLICIT_EMPTY.test(text);
}

/** The text of a field as an answer: '' for an explicit empty answer, else the text itself. */
export function answerText(value: string): string {
  return isExplicitEmpty(value) ? '' : value;
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

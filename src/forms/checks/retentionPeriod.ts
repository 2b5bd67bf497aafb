/**
 * The retention field as people fill it in: a date ("31/12/2030", "tot 31 december 2030") or a period
 * after the end of the project ("5 jaar na het einde van het project", "6 maanden na de einddatum van
 * het project", "tot 2 jaar na projecteinde"). Pure.
 */
import { addDays, addMonths, parseDate } from './values';

/** A retention period counted from the project end. */
export interface RetentionDuration {
  readonly amount: number;
  readonly unit: 'years' | 'months' | 'weeks' | 'days';
}

/** What a retention text says: a date, or a duration after the project end. */
export type RetentionPeriod = { readonly kind: 'date'; readonly date: string } | { readonly kind: 'afterProjectEnd'; readonly duration: RetentionDuration };

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  een: 1, één: 1, one: 1, twee: 2, two: 2, drie: 3, three: 3, vier: 4, four: 4, vijf: 5, five: 5, zes: 6, six: 6,
  zeven: 7, seven: 7, acht: 8, eight: 8, negen: 9, nine: 9, tien: 10, ten: 10, elf: 11, eleven: 11, twaalf: 12, twelve: 12,
  achttien: 18, eighteen: 18, twintig: 20, twenty: 20, dertig: 30, thirty: 30, zestig: 60, sixty: 60
};

const UNITS: ReadonlyArray<readonly [RegExp, RetentionDuration['unit']]> = [
  [/^(?:jaar|jaren|year|years|yr|yrs|j)$/, 'years'],
  [/^(?:maand|maanden|month|months|mnd)$/, 'months'],
  [/^(?:week|weken|weeks)$/, 'weeks'],
  [/^(?:dag|dagen|day|days)$/, 'days']
];

/**
 * A period after the project end: words before it that do not change it ("tot", "maximaal", "up to"),
 * a number (digits or a word), a unit, "na"/"after", and the project end as people name it ("het einde
 * van het project", "de einddatum van het project", "projecteinde", "afloop van het onderzoek", "the end of the project").
 */
const DURATION =
  /^(?:(?:tot|maximaal|maximum|max\.?|ten hoogste|hoogstens|uiterlijk|ten laatste|bewaring|bewaard|gedurende|tot en met|up to|until|at most|for|kept for|maximum of) )*(\d{1,3}|[a-zéë]+) ([a-z]+)\.? (?:na|after|following|vanaf|from) (?:(?:het |de |the )?(?:einde|afloop|afronding|beëindiging|einddatum|end|end date|completion)(?: (?:van|of) (?:het |de |the )?(?:(?:onderzoeks)?project|onderzoek|studie|research|study))|(?:het |de |the )?(?:projecteinde|einddatum project|project end(?: date)?|end of (?:the )?project)|(?:het |de |the )?(?:einde|end) (?:project|onderzoek))$/;
/** "tot het einde van het project": the project end itself. */
const AT_END =
  /^(?:(?:tot|maximaal|maximum|max\.?|ten hoogste|hoogstens|uiterlijk|ten laatste|bewaring|bewaard|gedurende|tot en met|up to|until|at most|for|kept for|maximum of) )*(?:(?:het |de |the )?(?:einde|afloop|afronding|beëindiging|einddatum|end|end date|completion)(?: (?:van|of) (?:het |de |the )?(?:(?:onderzoeks)?project|onderzoek|studie|research|study))|(?:het |de |the )?(?:projecteinde|einddatum project|project end(?: date)?|end of (?:the )?project)|(?:het |de |the )?(?:einde|end) (?:project|onderzoek))$/;

/** Reads a retention text: a date, a period after the project end, or undefined when it is neither. */
export function parseRetention(value: string): RetentionPeriod | undefined {
  const date = parseDate(value);
  if (date) return { kind: 'date', date };
  const text = value.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.;,]+$/, '');
  if (AT_END.test(text)) return { kind: 'afterProjectEnd', duration: { amount: 0, unit: 'days' } };
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const amount = /^\d+$/.test(match[1]) ? Number(match[1]) : NUMBER_WORDS[match[1]];
  const unit = UNITS.find(([pattern]) => pattern.test(match[2]))?.[1];
  return amount !== undefined && unit ? { kind: 'afterProjectEnd', duration: { amount, unit } } : undefined;
}

/** The ISO date a duration after `projectEnd` (ISO) ends on. */
export function addDuration(projectEnd: string, duration: RetentionDuration): string {
  switch (duration.unit) {
    case 'years':
      return addMonths(projectEnd, duration.amount * 12);
    case 'months':
      return addMonths(projectEnd, duration.amount);
    case 'weeks':
      return addDays(projectEnd, duration.amount * 7);
    case 'days':
      return addDays(projectEnd, duration.amount);
  }
}

/**
 * The retention end a text states, as an ISO date: the date itself, or the duration counted from the
 * project end (ISO, when known). undefined when the text is neither, or a duration without a project end.
 */
export function retentionEndOf(value: string, projectEnd: string | undefined): string | undefined {
  const period = parseRetention(value);
  if (!period) return undefined;
  if (period.kind === 'date') return period.date;
  return projectEnd ? addDuration(projectEnd, period.duration) : undefined;
}

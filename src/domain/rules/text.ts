/** True for a string with at least one non-space character (payloads come from JSON, so check the type). */
export function isNonBlank(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Plain syntax check of an e-mail address. */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && emailPattern.test(value.trim());
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

const isoDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** True for an ISO 8601 date-time with an explicit zone (`Z` or offset). */
export function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && isoDateTimePattern.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Belgian enterprise number (KBO/BCE): 10 digits, first digit 0 or 1, last two digits equal
 * 97 - (first eight digits mod 97). Accepts dots, spaces, a "BE" prefix and the old 9-digit form.
 */
export function normalizeEnterpriseNumber(value: string): string {
  const digits = value.replace(/^\s*BE\s*/i, '').replace(/[\s.\-/]/g, '');
  return /^\d{9}$/.test(digits) ? `0${digits}` : digits;
}

/** True when `value` is a valid enterprise number. */
export function isValidEnterpriseNumber(value: string): boolean {
  const digits = normalizeEnterpriseNumber(value);
  if (!/^[01]\d{9}$/.test(digits)) return false;
  const base = Number(digits.slice(0, 8));
  const check = Number(digits.slice(8));
  return 97 - (base % 97) === check;
}

import type { MessageCode } from '../messages';

/**
 * A clock that cannot be computed: a broken state history (`clock.error.brokenHistory`) or a year
 * the holiday calendar does not cover (`calendar.error.yearNotCovered`). Carries a message code and
 * its params, so a host shows it in the reader's language (`formatError`) and logs it; the job goes
 * on with the other dossiers.
 */
export class ClockError extends Error {
  public readonly code: MessageCode;
  public readonly params: Readonly<Record<string, string | number>>;

  constructor(code: MessageCode, params: Readonly<Record<string, string | number>> = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'ClockError';
    this.code = code;
    this.params = params;
  }
}

/** True for a `ClockError` (also across bundles, by name). */
export function isClockError(error: unknown): error is ClockError {
  return error instanceof ClockError || (error instanceof Error && error.name === 'ClockError' && 'code' in error);
}

/**
 * A refusal of an application service: a message code with parameters, rendered in Dutch or English
 * by the domain's catalog (`formatError`), never an English sentence carried to a Dutch screen.
 */
import type { MessageCode } from '../domain/messages';

/** The codes an application service refuses with (texts in `src/domain/messages.ts`). */
export type AppErrorCode = Extract<MessageCode, `app.error.${string}`>;

/** A coded refusal; `message` is the code, for logs and stack traces only (no document content). */
export class AppError extends Error {
  public readonly code: AppErrorCode;
  public readonly params: Readonly<Record<string, string | number>>;

  public constructor(code: AppErrorCode, params: Readonly<Record<string, string | number>> = {}) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    // Keeps instanceof working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, AppError.prototype);
  }
}

/** True when `error` is an AppError (also across bundle copies). */
export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError || (error instanceof Error && error.name === 'AppError' && typeof (error as AppError).code === 'string');
}

import { interpolate } from '../../domain/i18n/interpolate';
import { messageCatalogs } from '../../domain/messages';

/** Why no publication version could be made (codes of `src/domain/messages.ts`). */
export type PublicationVersionErrorCode =
  | 'app.error.publicationUnsupportedFile'
  | 'app.error.publicationEncrypted'
  | 'app.error.publicationUnreadable'
  | 'app.error.publicationNoPages'
  | 'app.error.publicationSignatureDataLeft';

/**
 * A file that cannot be turned into a publication version: a code with params (for `formatError` and
 * the UI), the Dutch message as `message` and the English one as `messageEn`. `detailEn` replaces the
 * `detail` param in English when the detail itself was localised.
 */
export class PublicationVersionError extends Error {
  public readonly code: PublicationVersionErrorCode;
  public readonly params: Readonly<Record<string, string>>;
  public readonly messageEn: string;

  public constructor(code: PublicationVersionErrorCode, params: Readonly<Record<string, string>>, detailEn?: string) {
    super(interpolate(messageCatalogs.nl[code], params));
    this.name = 'PublicationVersionError';
    this.code = code;
    this.params = params;
    this.messageEn = interpolate(messageCatalogs.en[code], detailEn === undefined ? params : { ...params, detail: detailEn });
    Object.setPrototypeOf(this, PublicationVersionError.prototype);
  }

  /** The message in a language. */
  public messageIn(lang: 'nl' | 'en'): string {
    return lang === 'nl' ? this.message : this.messageEn;
  }
}

/** True when `error` is a PublicationVersionError (also across bundle copies). */
export function isPublicationVersionError(error: unknown): error is PublicationVersionError {
  return error instanceof PublicationVersionError || (error instanceof Error && error.name === 'PublicationVersionError');
}

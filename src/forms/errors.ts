import { interpolate } from '../domain/i18n/interpolate';

/** Why a file could not be read as a form. Codes double as translation keys `forms.read.<code>`. */
export type FormReadErrorCode =
  | 'empty'
  | 'tooLarge'
  | 'notZip'
  | 'notWordDocument'
  | 'legacyDoc'
  | 'encrypted'
  | 'oleUnknown'
  | 'zipBomb'
  | 'tooManyEntries'
  | 'doctype'
  | 'xmlInvalid'
  | 'partTooLarge';

/** Texts of the read errors per code, Dutch first (`{name}` placeholders from the error params). */
export const formReadMessages: Readonly<Record<FormReadErrorCode, { readonly nl: string; readonly en: string }>> = {
  empty: { nl: 'het bestand is leeg', en: 'the file is empty' },
  tooLarge: { nl: 'het bestand is te groot ({size}, maximum {max})', en: 'the file is too large ({size}, maximum {max})' },
  notZip: { nl: 'dit is geen Word-document (.docx): geen zip-bestand', en: 'this is not a Word document (.docx): not a zip file' },
  notWordDocument: {
    nl: 'dit zip-bestand is geen Word-document (word/document.xml ontbreekt)',
    en: 'this zip file is not a Word document (word/document.xml is missing)'
  },
  legacyDoc: {
    nl: 'dit is een oud Word-document (.doc); bewaar het als .docx en stuur het opnieuw',
    en: 'this is a legacy Word document (.doc); save it as .docx and send it again'
  },
  encrypted: {
    nl: 'het document is met een wachtwoord beveiligd (versleuteld); stuur een versie zonder wachtwoord',
    en: 'the document is password-protected (encrypted); send a version without a password'
  },
  oleUnknown: {
    nl: 'dit is een ouder Office-bestand (OLE) maar geen Word-document',
    en: 'this is a legacy Office (OLE) file but not a Word document'
  },
  zipBomb: {
    nl: 'het document pakt uit tot een verdacht grote omvang ({reason}); het wordt niet gelezen',
    en: 'the document expands to a suspiciously large size ({reason}); it is not read'
  },
  tooManyEntries: {
    nl: 'het document bevat te veel onderdelen ({count}, maximum {max})',
    en: 'the document contains too many parts ({count}, maximum {max})'
  },
  doctype: {
    nl: 'onderdeel {part} bevat een DOCTYPE of entiteitsdeclaratie; dat wordt geweigerd',
    en: 'part {part} contains a DOCTYPE or entity declaration; refused'
  },
  xmlInvalid: { nl: 'onderdeel {part} is geen geldige XML ({detail})', en: 'part {part} is not valid XML ({detail})' },
  partTooLarge: {
    nl: 'onderdeel {part} is te groot ({size}, maximum {max})',
    en: 'part {part} is too large ({size}, maximum {max})'
  }
};

/**
 * A file that cannot be read as a form: names the file and the reason, in Dutch (`message`) and
 * English (`messageEn`). The CLI maps it to exit code 2.
 */
export class FormReadError extends Error {
  public readonly code: FormReadErrorCode;
  public readonly fileName: string;
  public readonly messageEn: string;
  public readonly params: Record<string, string>;

  public constructor(code: FormReadErrorCode, fileName: string, params: Record<string, string> = {}) {
    const text = formReadMessages[code];
    super(`${fileName}: ${interpolate(text.nl, params)}`);
    this.name = 'FormReadError';
    this.code = code;
    this.fileName = fileName;
    this.params = params;
    this.messageEn = `${fileName}: ${interpolate(text.en, params)}`;
    // Keeps instanceof working when compiled to ES5-style classes.
    Object.setPrototypeOf(this, FormReadError.prototype);
  }
}

/** True when `error` is a FormReadError (also across bundle copies). */
export function isFormReadError(error: unknown): error is FormReadError {
  return error instanceof FormReadError || (error instanceof Error && error.name === 'FormReadError');
}

/** Human-readable byte size for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} B`;
}

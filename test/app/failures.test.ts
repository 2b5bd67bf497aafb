import { DataError, type DataErrorCode } from '../../src/data/errors';
import { formatFailure } from '../../src/app/failures';
import { AppError } from '../../src/app/appError';
import { FormReadError } from '../../src/forms/errors';
import { enFailureMessages, nlFailureMessages } from '../../src/app/failureMessages';
import * as fs from 'node:fs';
import * as path from 'node:path';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The codes of the `DataErrorCode` union as written in the source, so a new code without text fails here. */
function dataErrorCodesInSource(): string[] {
  const source = fs.readFileSync(path.join(__dirname, '../../src/data/errors.ts'), 'utf8');
  const union = /export type DataErrorCode =([^;]+);/.exec(source)?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

describe('the failure catalog', () => {
  it('has a Dutch and an English text for every DataError code', () => {
    const codes = dataErrorCodesInSource();
    expect(codes.length).toBeGreaterThanOrEqual(9);
    for (const code of codes) {
      expect([code, nlFailureMessages[code as DataErrorCode]]).toEqual([code, expect.any(String)]);
      expect([code, enFailureMessages[code as DataErrorCode]]).toEqual([code, expect.any(String)]);
    }
  });

  it('has exactly the same keys and placeholders in Dutch and English', () => {
    expect(Object.keys(enFailureMessages).sort()).toEqual(Object.keys(nlFailureMessages).sort());
    for (const [code, nl] of Object.entries(nlFailureMessages)) {
      expect([code, placeholders(enFailureMessages[code as keyof typeof enFailureMessages])]).toEqual([code, placeholders(nl)]);
      expect(nl).not.toBe(enFailureMessages[code as keyof typeof enFailureMessages]);
    }
  });
});

describe('formatFailure', () => {
  it('renders a DataError by its code in the user language, never its English message', () => {
    const error = new DataError('data.error.accessDenied', 'load dossier VSA-2026-0001: access denied (403).', 403);
    expect(formatFailure(error, 'nl')).toBe('U hebt geen toegang tot deze gegevens (HTTP 403).');
    expect(formatFailure(error, 'en')).toBe('You have no access to this data (HTTP 403).');
  });

  it('renders a DataError without an HTTP status with a dash', () => {
    expect(formatFailure(new DataError('data.error.unavailable', 'x'), 'nl')).toBe('De dienst is tijdelijk niet beschikbaar (HTTP —); probeer het later opnieuw.');
  });

  it('renders a coded application error with its parameters through the domain catalog', () => {
    const error = new AppError('app.error.unsupportedFileType', { fileName: 'scan.jpg' });
    expect(formatFailure(error, 'nl')).toBe('scan.jpg is geen .docx- of .pdf-bestand.');
    expect(formatFailure(error, 'en')).toBe('scan.jpg is not a .docx or .pdf file.');
  });

  it('renders a domain refusal through the domain catalog', () => {
    const refusal = { kind: 'validation', code: 'dossier.error.reviewCommentRequired' } as const;
    expect(formatFailure(refusal, 'nl')).toBe('Geef minstens één opmerking voor de aanvrager.');
  });

  it('renders an unreadable form in the user language', () => {
    const error = new FormReadError('empty', 'leeg.docx');
    expect(formatFailure(error, 'nl')).toBe('leeg.docx: het bestand is leeg');
    expect(formatFailure(error, 'en')).toBe('leeg.docx: the file is empty');
  });

  it('renders anything else as a localized unexpected error with its message as detail', () => {
    expect(formatFailure(new Error('Graph unavailable'), 'nl')).toBe('Onverwachte fout (Graph unavailable).');
    expect(formatFailure(new Error('Graph unavailable'), 'en')).toBe('Unexpected error (Graph unavailable).');
    expect(formatFailure({ some: 'object' }, 'nl')).toBe('Onverwachte fout (—).');
  });
});

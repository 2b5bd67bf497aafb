/**
 * What the register takes from a checked form: the document registration a command carries (kind,
 * version, check summary, signatory) and the project details the application form states.
 */
import { isIsoDate } from '../domain/rules/text';
import { parseSignatoryCapacity } from '../domain/signatories';
import type { DocumentKind, DocumentPhase, DocumentRegistration, IsoDate, Project } from '../domain/types';
import type { FormDocument } from '../forms/types';
import type { CheckedDocument } from './formsEngine';

/** The fields of a stored document a registration needs (a `StoredDocument` of the library fits). */
export interface RegistrableDocument {
  readonly id: string;
  readonly fileName: string;
  readonly version: string;
  readonly kind?: DocumentKind;
  readonly phase?: DocumentPhase;
}

/**
 * What a command registers for a stored document: kind, version, check summary and, when the
 * document is not a draft and the form names a signatory and a capacity, the signatory.
 * undefined when the kind is neither stored nor read from the form.
 */
export function registrationOf<T extends RegistrableDocument>(document: T, checked?: Pick<CheckedDocument, 'form' | 'summary'>): DocumentRegistration | undefined {
  const kind: DocumentKind | undefined = document.kind ?? (checked?.form.formType as DocumentKind | undefined);
  if (!kind) return undefined;
  const name = checked?.form.fields['ondertekening.naam']?.value ?? '';
  const capacity = parseSignatoryCapacity(checked?.form.fields['ondertekening.hoedanigheid']?.value ?? '');
  const signed = document.phase !== undefined && document.phase !== 'draft' && name.length > 0 && capacity !== undefined;
  return {
    id: document.id,
    kind,
    fileName: document.fileName,
    version: document.version,
    checkSummary: checked?.summary,
    signatory: signed && capacity ? { name, capacity } : undefined
  };
}

const isoOrUndefined = (value: string | undefined): IsoDate | undefined => (value && isIsoDate(value) ? value : undefined);

const isResearchType = (value: string | undefined): value is NonNullable<Project['researchType']> =>
  value === 'statistisch' || value === 'beleidsvoorbereidend' || value === 'wetenschappelijk';

/** Project details as the application form states them (replacing the registered ones). */
export function projectFromForm(form: FormDocument | undefined): Project | undefined {
  const title = form?.fields['project.titel']?.value;
  if (!form || !title) return undefined;
  const purposes = form.fields['project.doeleinden']?.value;
  const researchType = form.fields['project.onderzoekstype']?.value;
  return {
    title,
    purposes: purposes ? [purposes] : [],
    researchType: isResearchType(researchType) ? researchType : undefined,
    // Only ISO dates travel; other spellings are the form check's business, not the register's.
    startDate: isoOrUndefined(form.fields['project.startdatum']?.value),
    endDate: isoOrUndefined(form.fields['project.einddatum']?.value)
  };
}

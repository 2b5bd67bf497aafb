/**
 * The rules of the institution register (`institutions.ts`): the Belgian enterprise number, what makes
 * an institution's record valid, finding an institution by number or name, who may sign for it on a
 * date, and what step 1's eligibility makes of a requester against the register. Pure.
 */
import type { AuthorisedCapacity, AuthorisedSignatory, Institution, InstitutionKind, InstitutionMandate } from './institutions';
import type { MessageCode } from './messages';
import { isIsoDate, isEmailAddress, isNonBlank } from './rules/text';
import type { IsoDate, Requester } from './types';

/** Every institution kind of the register, in the order the forms list them. */
export const INSTITUTION_KINDS: readonly InstitutionKind[] = ['overheidsdienst', 'onderzoeksinstelling', 'andere'];

/** Every capacity in which a person signs by their own authority. */
export const AUTHORISED_CAPACITIES: readonly AuthorisedCapacity[] = ['verwerkingsverantwoordelijke', 'wettelijk vertegenwoordiger'];

/**
 * An enterprise number as 10 digits: separators (dots, spaces, hyphens, slashes) and a `BE` prefix
 * dropped; the old 9-digit form gets its leading 0. Anything else is returned as typed (and is invalid).
 */
export function normalizeEnterpriseNumber(value: string): string {
  const digits = value.replace(/^\s*BE\s*/i, '').replace(/[\s.\-/]/g, '');
  return /^\d{9}$/.test(digits) ? `0${digits}` : digits;
}

/**
 * True for a valid Belgian enterprise number (KBO/BCE), separators allowed: 10 digits, the first 0 or 1,
 * and the last two equal to 97 − (the first eight mod 97).
 */
export function isValidEnterpriseNumber(value: string): boolean {
  const digits = normalizeEnterpriseNumber(value);
  if (!/^[01]\d{9}$/.test(digits)) return false;
  return 97 - (Number(digits.slice(0, 8)) % 97) === Number(digits.slice(8));
}

/** `0123456749` as people write it: `0123.456.749`. Input that is not 10 digits comes back as typed. */
export function formatEnterpriseNumber(value: string): string {
  const digits = normalizeEnterpriseNumber(value);
  return /^\d{10}$/.test(digits) ? `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}` : value;
}

/**
 * A name as the register compares it: without diacritics, case, punctuation or repeated white space
 * ("Universiteit  Gent" = "universiteit gent", "Département" = "departement").
 */
export function normalizeInstitutionName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The register's kind of an institution type as the forms write it (`aanvrager.type`). */
export function institutionKindOf(type: string | undefined): InstitutionKind | undefined {
  const normalized = normalizeInstitutionName(type ?? '');
  if (normalized === 'overheidsdienst') return 'overheidsdienst';
  if (normalized === 'onderzoeksinstelling') return 'onderzoeksinstelling';
  if (normalized === 'andere instelling' || normalized === 'andere' || normalized === 'other institution') return 'andere';
  return undefined;
}

/** One thing wrong with an institution's record: a message code, its parameters, and where (a path). */
export interface InstitutionProblem {
  readonly code: MessageCode;
  readonly params?: Readonly<Record<string, string | number>>;
  /** `name`, `enterpriseNumber`, `kind`, `signatories.0.validTo`, `mandates.1.scope`, `dpo.email`, … */
  readonly path: string;
}

/** `from` ≤ `to` (both ISO dates), an open end always. */
function periodProblems(prefix: string, validFrom: unknown, validTo: unknown, position: number): InstitutionProblem[] {
  if (!isIsoDate(validFrom)) return [{ code: 'institution.error.validFromInvalid', params: { position }, path: `${prefix}.validFrom` }];
  if (validTo === undefined || validTo === null || validTo === '') return [];
  if (!isIsoDate(validTo)) return [{ code: 'institution.error.validToInvalid', params: { position }, path: `${prefix}.validTo` }];
  return validFrom <= validTo ? [] : [{ code: 'institution.error.periodReversed', params: { position, from: validFrom, to: validTo }, path: `${prefix}.validTo` }];
}

function signatoryProblems(signatory: AuthorisedSignatory, index: number): InstitutionProblem[] {
  const prefix = `signatories.${index}`;
  const position = index + 1;
  const problems: InstitutionProblem[] = [];
  if (!isNonBlank(signatory?.name)) problems.push({ code: 'institution.error.signatoryNameRequired', params: { position }, path: `${prefix}.name` });
  if (!AUTHORISED_CAPACITIES.includes(signatory?.capacity)) {
    problems.push({ code: 'institution.error.capacityInvalid', params: { position, value: String(signatory?.capacity ?? '') }, path: `${prefix}.capacity` });
  }
  return [...problems, ...periodProblems(prefix, signatory?.validFrom, signatory?.validTo, position)];
}

function mandateProblems(mandate: InstitutionMandate, index: number): InstitutionProblem[] {
  const prefix = `mandates.${index}`;
  const position = index + 1;
  const problems: InstitutionProblem[] = [];
  if (!isNonBlank(mandate?.mandatedPerson)) problems.push({ code: 'institution.error.mandatedPersonRequired', params: { position }, path: `${prefix}.mandatedPerson` });
  if (!isNonBlank(mandate?.scope)) problems.push({ code: 'institution.error.mandateScopeRequired', params: { position }, path: `${prefix}.scope` });
  return [...problems, ...periodProblems(prefix, mandate?.validFrom, mandate?.validTo, position)];
}

/**
 * Everything wrong with an institution's record (empty: valid): a name, a valid enterprise number, a
 * known kind, signatories with a name, a capacity and a period (from ≤ to), mandates with a person, a
 * scope and a period, a DPO with both name and a valid e-mail address or none at all. `others` are the
 * other institutions of the register: a number or name already there is refused (one record each).
 */
export function institutionProblems(institution: Institution, others: readonly Institution[] = []): InstitutionProblem[] {
  const problems: InstitutionProblem[] = [];
  if (!isNonBlank(institution.name)) problems.push({ code: 'institution.error.nameRequired', path: 'name' });
  const number = normalizeEnterpriseNumber(institution.enterpriseNumber ?? '');
  if (!isNonBlank(institution.enterpriseNumber)) problems.push({ code: 'institution.error.enterpriseNumberRequired', path: 'enterpriseNumber' });
  else if (!isValidEnterpriseNumber(number)) problems.push({ code: 'institution.error.enterpriseNumberInvalid', params: { number: institution.enterpriseNumber }, path: 'enterpriseNumber' });
  if (!INSTITUTION_KINDS.includes(institution.kind)) problems.push({ code: 'institution.error.kindInvalid', params: { value: String(institution.kind ?? '') }, path: 'kind' });
  (institution.signatories ?? []).forEach((signatory, index) => problems.push(...signatoryProblems(signatory, index)));
  (institution.mandates ?? []).forEach((mandate, index) => problems.push(...mandateProblems(mandate, index)));
  const dpo = institution.dpo;
  if (dpo && (isNonBlank(dpo.name) || isNonBlank(dpo.email))) {
    if (!isNonBlank(dpo.name)) problems.push({ code: 'institution.error.dpoNameRequired', path: 'dpo.name' });
    if (!isNonBlank(dpo.email)) problems.push({ code: 'institution.error.dpoEmailRequired', path: 'dpo.email' });
    else if (!isEmailAddress(dpo.email.trim())) problems.push({ code: 'institution.error.dpoEmailInvalid', params: { email: dpo.email }, path: 'dpo.email' });
  }
  const rest = others.filter((other) => other.id !== institution.id);
  if (isValidEnterpriseNumber(number) && rest.some((other) => normalizeEnterpriseNumber(other.enterpriseNumber) === number)) {
    problems.push({ code: 'institution.error.enterpriseNumberTaken', params: { number: formatEnterpriseNumber(number) }, path: 'enterpriseNumber' });
  }
  const name = normalizeInstitutionName(institution.name ?? '');
  if (name !== '' && rest.some((other) => normalizeInstitutionName(other.name) === name)) {
    problems.push({ code: 'institution.error.nameTaken', params: { name: institution.name.trim() }, path: 'name' });
  }
  return problems;
}

/**
 * The record as it is stored: name and texts trimmed, the enterprise number as 10 digits, open ends
 * without `validTo`, an empty DPO dropped. Apply after `institutionProblems` found nothing.
 */
export function normalizeInstitution(institution: Institution): Institution {
  const period = <T extends { validFrom: IsoDate; validTo?: IsoDate }>(item: T): T => {
    const { validTo, ...rest } = item;
    return (isNonBlank(validTo) ? { ...rest, validTo } : rest) as T;
  };
  const dpo = institution.dpo && isNonBlank(institution.dpo.name) && isNonBlank(institution.dpo.email)
    ? { name: institution.dpo.name.trim(), email: institution.dpo.email.trim() }
    : undefined;
  const rest: Institution = { ...institution };
  delete (rest as { dpo?: unknown }).dpo;
  return {
    ...rest,
    name: institution.name.trim(),
    enterpriseNumber: normalizeEnterpriseNumber(institution.enterpriseNumber),
    signatories: institution.signatories.map((signatory) => period({ ...signatory, name: signatory.name.trim() })),
    mandates: institution.mandates.map((mandate) => {
      const { documentFileName, ...other } = mandate;
      return period({
        ...other,
        mandatedPerson: mandate.mandatedPerson.trim(),
        scope: mandate.scope.trim(),
        ...(isNonBlank(documentFileName) ? { documentFileName: documentFileName.trim() } : {})
      });
    }),
    ...(dpo ? { dpo } : {})
  };
}

/** What to look an institution up by: its enterprise number (first), else its name. */
export interface InstitutionQuery {
  readonly name?: string;
  readonly enterpriseNumber?: string;
}

/**
 * The institution of the register a requester names: by enterprise number first (separators ignored),
 * then by name (case, diacritics, punctuation and white space ignored). A valid number that matches
 * nothing falls back to the name: the form's number may be a typo, the name is what people read.
 */
export function findInstitution(institutions: readonly Institution[], query: InstitutionQuery): Institution | undefined {
  const number = normalizeEnterpriseNumber(query.enterpriseNumber ?? '');
  if (number !== '') {
    const byNumber = institutions.find((institution) => normalizeEnterpriseNumber(institution.enterpriseNumber) === number);
    if (byNumber) return byNumber;
  }
  const name = normalizeInstitutionName(query.name ?? '');
  if (name === '') return undefined;
  return institutions.find((institution) => normalizeInstitutionName(institution.name) === name);
}

/** True when `date` lies in the period (inclusive both ends; an open end never ends). */
export function inPeriod(period: { readonly validFrom: IsoDate; readonly validTo?: IsoDate }, date: IsoDate): boolean {
  const day = date.slice(0, 10);
  return period.validFrom <= day && (period.validTo === undefined || period.validTo === '' || day <= period.validTo);
}

/** The authorised signatories of the institution on a date (ISO date or date-time; the day counts). */
export function signatoriesAt(institution: Institution, date: IsoDate): AuthorisedSignatory[] {
  return institution.signatories.filter((signatory) => inPeriod(signatory, date));
}

/** The mandates of the institution in force on a date (ISO date or date-time; the day counts). */
export function mandatesAt(institution: Institution, date: IsoDate): InstitutionMandate[] {
  return institution.mandates.filter((mandate) => inPeriod(mandate, date));
}

/**
 * Step 1's eligibility of a requester against the register:
 * - `individual`: an individual without institution, refused as the procedure says (`isRequesterEligible`);
 * - `registered`: the institution is in the register (by number, else name);
 * - `notInRegister`: an institution the register does not hold: not a refusal, a notice for the DPO team.
 */
export type InstitutionEligibility =
  | { readonly status: 'individual' }
  | { readonly status: 'registered'; readonly institution: Institution }
  | { readonly status: 'notInRegister'; readonly name: string; readonly enterpriseNumber?: string };

/** Where a requester stands against the register (see `InstitutionEligibility`). */
export function institutionEligibility(requester: Requester, institutions: readonly Institution[]): InstitutionEligibility {
  const name = requester.institution?.trim() ?? '';
  if (requester.isIndividual && name === '') return { status: 'individual' };
  const institution = findInstitution(institutions, { name, enterpriseNumber: requester.kbo });
  if (institution) return { status: 'registered', institution };
  return { status: 'notInRegister', name, ...(requester.kbo ? { enterpriseNumber: requester.kbo } : {}) };
}

/** The notice for the DPO team when the requester's institution is not in the register; else nothing. */
export function institutionNotice(requester: Requester, institutions: readonly Institution[]): { readonly code: MessageCode; readonly params: Readonly<Record<string, string>> } | undefined {
  const eligibility = institutionEligibility(requester, institutions);
  if (eligibility.status !== 'notInRegister') return undefined;
  return { code: 'institution.warning.notInRegister', params: { name: eligibility.name } };
}

/**
 * Who signed, and may that person sign for the institution (step 4)? A signature's name comes from its
 * certificate only (never from a PDF's free `/Name` field, which anyone can type); it is matched to an
 * authorised signatory of the institution register, or to a mandated person (a mandate in the register,
 * or a mandate document registered in the dossier), valid at the signing time. Pure: the register entry
 * and the dossier's mandates are data the shell (the trusted command service) assembles.
 */
import type { AuthorisedCapacity, Institution } from './institutions';
import type { SignatureReport } from './signatures';
import type { IsoDate, IsoDateTime, Signatory } from './types';

/** The eID certificate suffixes that name the key, not the person. */
const EID_SUFFIX = /\s*\((signature|authentication|handtekening|authenticatie)\)\s*$/i;

/**
 * A person's name as the matching compares it: without the eID's " (Signature)" / " (Authentication)"
 * suffix, without diacritics, lower case, punctuation (hyphens, commas, dots) as spaces, and its words
 * sorted, so that "Peeters, An" = "An Peeters" = "AN  PEETERS (Signature)" and "Müller" = "Muller".
 * Empty for a blank name.
 */
export function normalizePersonName(name: string | undefined): string {
  const withoutSuffix = (name ?? '').replace(EID_SUFFIX, '');
  const plain = withoutSuffix.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const words = plain.replace(/[^a-z0-9']+/g, ' ').trim().split(' ').filter((word) => word.length > 0);
  return [...words].sort().join(' ');
}

/** True when two names are the same person's name after normalisation (both non-blank). */
export function samePersonName(a: string | undefined, b: string | undefined): boolean {
  const first = normalizePersonName(a);
  return first.length > 0 && first === normalizePersonName(b);
}

/**
 * The signer's name from the certificate: its common name (without the eID suffix), else given name
 * and surname. undefined when the certificate names no one (or is missing).
 */
export function signerName(signature: Pick<SignatureReport, 'signer'>): string | undefined {
  const signer = signature.signer;
  if (!signer) return undefined;
  const common = (signer.commonName ?? '').replace(EID_SUFFIX, '').trim();
  if (common.length > 0) return common;
  const parts = [signer.givenName, signer.surname].map((part) => (part ?? '').trim()).filter((part) => part.length > 0);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * A mandate document registered in the dossier, and whom it covers: the persons the signed forms name
 * as signing by delegation (`gevolmachtigde`). The document itself is the proof the DPO team reads.
 */
export interface MandateInDossier {
  readonly mandatedPerson: string;
  readonly documentId: string;
  readonly fileName: string;
}

/** Why a signature matched no one. */
export type NoMatchReason =
  /** The certificate names no one. */
  | 'noName'
  /** The institution is not in the register, and no mandate in the dossier names the signer. */
  | 'institutionUnknown'
  /** Neither an authorised signatory nor a mandated person of that name. */
  | 'notListed'
  /** Listed, but not at the signing time (before `validFrom` or after `validTo`). */
  | 'notValidAtSigningTime';

/** To whom a signature is matched. */
export type SignerMatch =
  | { readonly kind: 'authorised'; readonly name: string; readonly capacity: AuthorisedCapacity }
  | { readonly kind: 'mandated'; readonly name: string; readonly source: 'register'; readonly scope: string; readonly documentFileName?: string }
  | { readonly kind: 'mandated'; readonly name: string; readonly source: 'dossier'; readonly documentId: string; readonly documentFileName: string }
  | { readonly kind: 'none'; readonly name?: string; readonly reason: NoMatchReason };

/** The calendar day of a signing time (UTC; the register's periods are whole days, inclusive). */
const dayOf = (at: IsoDateTime): IsoDate => at.slice(0, 10);

/** True when `day` lies in [validFrom, validTo] (validTo open-ended when absent). */
export function validOn(period: { readonly validFrom: IsoDate; readonly validTo?: IsoDate }, day: IsoDate): boolean {
  return period.validFrom <= day && (period.validTo === undefined || day <= period.validTo);
}

/**
 * The person a signature is matched to at `at` (the report's `signingTime`): an authorised signatory
 * of the institution valid then, else a mandated person of the register valid then, else a person a
 * mandate document in the dossier covers; otherwise none, with the reason.
 */
export function matchSigner(
  signature: Pick<SignatureReport, 'signer'>,
  institution: Institution | undefined,
  mandatesInDossier: readonly MandateInDossier[],
  at: IsoDateTime
): SignerMatch {
  const name = signerName(signature);
  if (!name) return { kind: 'none', reason: 'noName' };
  const day = dayOf(at);
  const signatories = (institution?.signatories ?? []).filter((entry) => samePersonName(entry.name, name));
  const authorised = signatories.find((entry) => validOn(entry, day));
  if (authorised) return { kind: 'authorised', name, capacity: authorised.capacity };
  const mandates = (institution?.mandates ?? []).filter((entry) => samePersonName(entry.mandatedPerson, name));
  const mandate = mandates.find((entry) => validOn(entry, day));
  if (mandate) {
    return { kind: 'mandated', name, source: 'register', scope: mandate.scope, ...(mandate.documentFileName ? { documentFileName: mandate.documentFileName } : {}) };
  }
  const inDossier = mandatesInDossier.find((entry) => samePersonName(entry.mandatedPerson, name));
  if (inDossier) return { kind: 'mandated', name, source: 'dossier', documentId: inDossier.documentId, documentFileName: inDossier.fileName };
  if (signatories.length > 0 || mandates.length > 0) return { kind: 'none', name, reason: 'notValidAtSigningTime' };
  return { kind: 'none', name, reason: institution ? 'notListed' : 'institutionUnknown' };
}

/** True when the form's typed signatory is the person of one of the signatures (names normalised). */
export function typedSignatoryMatches(signatory: Pick<Signatory, 'name'>, signatures: readonly Pick<SignatureReport, 'signer'>[]): boolean {
  return signatures.some((signature) => samePersonName(signatory.name, signerName(signature)));
}

/**
 * What the signed-set findings mean, in plain words (Dutch first, English second): a short title and
 * an explanation of what is wrong and what to do. The register panel, the guard's refusals and the
 * timeline read these; one text per code.
 */
import { interpolate } from './i18n/interpolate';
import type { SignedSetFindingCode } from './signedSet';
import type { NoMatchReason } from './signerMatching';
import type { Lang } from './types';

interface FindingText {
  readonly title: string;
  readonly explanation: string;
}

const nl: Readonly<Record<SignedSetFindingCode, FindingText>> = {
  digestMismatch: {
    title: 'Inhoud gewijzigd',
    explanation: 'De inhoud van het bestand komt niet overeen met wat ondertekend werd: het document werd na de handtekening gewijzigd of beschadigd. Vraag een nieuw ondertekend exemplaar.'
  },
  signatureInvalid: {
    title: 'Handtekening ongeldig',
    explanation: 'De handtekening klopt niet met de sleutel van het certificaat van de ondertekenaar. Vraag een nieuw ondertekend exemplaar.'
  },
  byteRangeInvalid: {
    title: 'Handtekening slecht ingebed',
    explanation: 'De handtekening dekt niet het hele bestand of verwijst naar delen buiten het bestand. Zo kan inhoud buiten de handtekening verborgen zitten. Vraag een nieuw ondertekend exemplaar.'
  },
  signatureMalformed: {
    title: 'Handtekening onleesbaar',
    explanation: 'De handtekeninggegevens in het bestand zijn geen geldige elektronische handtekening. Vraag een nieuw ondertekend exemplaar.'
  },
  signerCertificateMissing: {
    title: 'Certificaat ontbreekt',
    explanation: 'De handtekening bevat het certificaat van de ondertekenaar niet; we kunnen niet nagaan wie ondertekende.'
  },
  certificateNotValidAtSigning: {
    title: 'Certificaat niet geldig bij ondertekening',
    explanation: 'Het certificaat van de ondertekenaar was op het moment van ondertekenen verlopen of nog niet geldig (bv. een vervallen eID).'
  },
  chainUntrusted: {
    title: 'Certificaat niet vertrouwd',
    explanation: 'Het certificaat van de ondertekenaar is niet uitgegeven door een vertrouwde instantie (zoals de Belgische eID-overheidsinstantie). Iedereen kan zo\'n certificaat met een willekeurige naam maken.'
  },
  certificateRevoked: {
    title: 'Certificaat ingetrokken',
    explanation: 'Het certificaat van de ondertekenaar of van een uitgevende instantie was ingetrokken (bv. een gestolen of verloren eID).'
  },
  modifiedAfterSigning: {
    title: 'Gewijzigd na ondertekening',
    explanation: 'Na deze handtekening werd de inhoud van het document gewijzigd (tekst, formuliervelden of aantekeningen in versie {revision}). Alleen extra handtekeningen en tijdstempels mogen erna komen. Vraag een nieuw ondertekend exemplaar.'
  },
  unsupported: {
    title: 'Niet ondersteund',
    explanation: 'Deze soort handtekening ({name}) kunnen we niet controleren. Vraag een handtekening met de eID (PDF) of een digitale handtekening in Word.'
  },
  notQualified: {
    title: 'Geen gekwalificeerde handtekening',
    explanation: 'Het certificaat is geen gekwalificeerd certificaat op een veilig middel (zoals de eID). De procedure vraagt bij voorkeur een gekwalificeerde handtekening; het DPO-team kan dit met een reden aanvaarden.'
  },
  revocationNotChecked: {
    title: 'Intrekking niet nagegaan',
    explanation: 'Of het certificaat ingetrokken was, kon niet nagegaan worden: het bestand bevat geen validatiegegevens en de controle gebeurt zonder internet. Het DPO-team kan dit met een reden aanvaarden.'
  },
  timestampInvalid: {
    title: 'Tijdstempel ongeldig',
    explanation: 'Het tijdstempel van de handtekening klopt niet; het tijdstip van ondertekenen is dan alleen wat de ondertekenaar zelf opgaf.'
  },
  noSignature: {
    title: 'Geen handtekening',
    explanation: 'Dit document heeft geen elektronische handtekening van een persoon. Een getypte naam is geen handtekening. Vraag een ondertekend exemplaar (eID of digitale handtekening).'
  },
  fileUnreadable: {
    title: 'Bestand onleesbaar',
    explanation: 'Het bestand kon niet gelezen worden om de handtekeningen te controleren ({error}). Vraag het bestand opnieuw.'
  },
  chainIncomplete: {
    title: 'Certificaatketen onvolledig',
    explanation: 'Een certificaat tussen de ondertekenaar en de vertrouwde instantie ontbreekt, waardoor we de handtekening niet kunnen vertrouwen.'
  },
  signerNotAllowed: {
    title: 'Ondertekenaar niet bevoegd',
    explanation: '{name} staat niet in het register van de instelling als verwerkingsverantwoordelijke, wettelijk vertegenwoordiger of gevolmachtigde.'
  },
  typedSignatoryDiffers: {
    title: 'Andere ondertekenaar dan vermeld',
    explanation: 'Het formulier vermeldt {typed} als ondertekenaar, maar ondertekend werd door {signers}.'
  },
  signedBeforeDecision: {
    title: 'Ondertekend vóór de beslissing',
    explanation: 'Ondertekend op {signingTime}, vóór de beslissing van de hoofdstatisticus ({decisionAt}). Controleer of de ondertekende versie de goedgekeurde is; het DPO-team kan dit met een reden aanvaarden.'
  },
  mandateToCheck: {
    title: 'Volmacht nakijken',
    explanation: '{name} ondertekende met de volmacht {fileName} uit het dossier. Ga na dat die volmacht {name} aanwijst, deze bevoegdheid geeft en op {signingTime} geldig was; het DPO-team aanvaardt dit met een reden (of neemt de volmacht op in het register van instellingen).'
  },
  notVerified: {
    title: 'Handtekening niet gecontroleerd',
    explanation: 'Dit document werd geregistreerd zonder controle van de elektronische handtekening; alleen de getypte ondertekenaar is gekend.'
  }
};

const en: Readonly<Record<SignedSetFindingCode, FindingText>> = {
  digestMismatch: { title: 'Content changed', explanation: 'The file\'s content does not match what was signed: the document was changed or damaged after signing. Ask for a newly signed copy.' },
  signatureInvalid: { title: 'Invalid signature', explanation: 'The signature does not verify with the key of the signer\'s certificate. Ask for a newly signed copy.' },
  byteRangeInvalid: {
    title: 'Signature badly embedded',
    explanation: 'The signature does not cover the whole file or points outside it, so content outside the signature may be hidden. Ask for a newly signed copy.'
  },
  signatureMalformed: { title: 'Signature unreadable', explanation: 'The signature data in the file is not a valid electronic signature. Ask for a newly signed copy.' },
  signerCertificateMissing: { title: 'Certificate missing', explanation: 'The signature does not hold the signer\'s certificate; who signed cannot be verified.' },
  certificateNotValidAtSigning: {
    title: 'Certificate not valid at signing',
    explanation: 'The signer\'s certificate was expired or not yet valid at the signing time (e.g. an expired eID).'
  },
  chainUntrusted: {
    title: 'Certificate not trusted',
    explanation: 'The signer\'s certificate was not issued by a trusted authority (such as the Belgian eID authority). Anyone can make such a certificate with any name.'
  },
  certificateRevoked: { title: 'Certificate revoked', explanation: 'The certificate of the signer or of an issuing authority was revoked (e.g. a stolen or lost eID).' },
  modifiedAfterSigning: {
    title: 'Modified after signing',
    explanation: 'After this signature the document\'s content was changed (text, form fields or annotations in revision {revision}). Only further signatures and time-stamps may follow. Ask for a newly signed copy.'
  },
  unsupported: { title: 'Not supported', explanation: 'This kind of signature ({name}) cannot be verified. Ask for an eID signature (PDF) or a digital signature in Word.' },
  notQualified: {
    title: 'Not a qualified signature',
    explanation: 'The certificate is not a qualified certificate on a secure device (such as the eID). The procedure prefers a qualified signature; the DPO team may accept this with a reason.'
  },
  revocationNotChecked: {
    title: 'Revocation not checked',
    explanation: 'Whether the certificate was revoked could not be checked: the file holds no validation data and the check runs offline. The DPO team may accept this with a reason.'
  },
  timestampInvalid: { title: 'Invalid time-stamp', explanation: 'The signature\'s time-stamp does not verify; the signing time is then only what the signer stated.' },
  noSignature: {
    title: 'No signature',
    explanation: 'This document carries no person\'s electronic signature. A typed name is not a signature. Ask for a signed copy (eID or digital signature).'
  },
  fileUnreadable: { title: 'File unreadable', explanation: 'The file could not be read to verify its signatures ({error}). Ask for the file again.' },
  chainIncomplete: {
    title: 'Certificate chain incomplete',
    explanation: 'A certificate between the signer and the trusted authority is missing, so the signature cannot be trusted.'
  },
  signerNotAllowed: { title: 'Signer not authorised', explanation: '{name} is not in the institution\'s register as controller, legal representative or mandated person.' },
  typedSignatoryDiffers: { title: 'Signer differs from the form', explanation: 'The form names {typed} as signatory, but it was signed by {signers}.' },
  signedBeforeDecision: {
    title: 'Signed before the decision',
    explanation: 'Signed on {signingTime}, before the Chief Statistician\'s decision ({decisionAt}). Check that the signed version is the approved one; the DPO team may accept this with a reason.'
  },
  mandateToCheck: {
    title: 'Check the mandate',
    explanation: '{name} signed under the mandate {fileName} in the dossier. Check that it names {name}, gives this authority and was valid on {signingTime}; the DPO team accepts this with a reason (or adds the mandate to the institution register).'
  },
  notVerified: { title: 'Signature not verified', explanation: 'This document was registered without verifying its electronic signature; only the typed signatory is known.' }
};

/** Why a signer matched no one, as a second sentence of `signerNotAllowed`. */
const noMatchReasons: Readonly<Record<Lang, Readonly<Record<NoMatchReason, string>>>> = {
  nl: {
    noName: 'Het certificaat vermeldt geen naam.',
    institutionUnknown: 'De instelling staat niet in het register Instellingen en het dossier bevat geen volmacht voor deze persoon. Voeg de instelling toe of vraag het bewijs van volmacht.',
    notListed: 'Voeg de persoon toe aan de instelling in het register, of vraag het bewijs van volmacht.',
    notValidAtSigningTime: 'De persoon staat in het register, maar was op het moment van ondertekenen niet (meer) bevoegd.'
  },
  en: {
    noName: 'The certificate names no one.',
    institutionUnknown: 'The institution is not in the Institutions register and the dossier holds no mandate for this person. Add the institution or ask for the proof of mandate.',
    notListed: 'Add the person to the institution in the register, or ask for the proof of mandate.',
    notValidAtSigningTime: 'The person is in the register, but was not (or no longer) authorised at the signing time.'
  }
};

const catalogs: Readonly<Record<Lang, Readonly<Record<SignedSetFindingCode, FindingText>>>> = { nl, en };

/** Every finding code with a text (for completeness tests). */
export const signatureFindingCodes = Object.keys(nl) as SignedSetFindingCode[];

/** The short title of a finding code ("Ondertekenaar niet bevoegd"); the code itself when unknown. */
export function signatureFindingTitle(code: string, lang: Lang): string {
  return catalogs[lang][code as SignedSetFindingCode]?.title ?? code;
}

/** The plain explanation of a finding, its parameters filled in. */
export function signatureFindingExplanation(finding: { readonly code: string; readonly params?: Readonly<Record<string, string | number>> }, lang: Lang): string {
  const text = catalogs[lang][finding.code as SignedSetFindingCode];
  if (!text) return finding.code;
  const given = finding.params ?? {};
  const unnamed = lang === 'nl' ? 'De ondertekenaar' : 'The signer';
  const params = finding.code === 'signerNotAllowed' && !String(given.name ?? '').trim() ? { ...given, name: unnamed } : given;
  const explanation = interpolate(text.explanation, params);
  const reason = finding.code === 'signerNotAllowed' ? noMatchReasons[lang][String(params.reason) as NoMatchReason] : undefined;
  return reason ? `${explanation} ${reason}` : explanation;
}

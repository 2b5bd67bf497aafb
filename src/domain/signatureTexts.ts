/**
 * Plain explanations of a signature report (Dutch first, English second): every problem code, why a
 * file could not be read, the statuses and what a later revision changed. The CLI, the register panel,
 * the Teams card and the Word pane show these same texts.
 */
import { defineCatalog } from './i18n/catalog';
import { interpolate } from './i18n/interpolate';
import type { DocumentSignatureReport, LaterRevision, SignatureProblem } from './signatures';
import type { Lang } from './types';

export const signatureTexts = defineCatalog(
  {
    status: { valid: 'GELDIG', invalid: 'ONGELDIG', indeterminate: 'ONBEPAALD' },
    severity: { blocking: 'BLOKKEREND', warning: 'WAARSCHUWING' },
    problem: {
      digestMismatch:
        'De ondertekende inhoud klopt niet: de vingerafdruk van het document verschilt van de ondertekende (de inhoud is gewijzigd, of de handtekening hoort bij een ander document).',
      signatureInvalid: 'De handtekening klopt niet met de sleutel van het certificaat van de ondertekenaar.',
      byteRangeInvalid: 'De handtekening zegt niet correct welk deel van het bestand ze dekt: {reason}.',
      signatureMalformed: 'De handtekening is geen leesbare CMS-handtekening ({reason}).',
      signerCertificateMissing: 'Het certificaat van de ondertekenaar zit niet in de handtekening.',
      certificateNotValidAtSigning: 'Het certificaat was niet geldig op het ogenblik van ondertekenen ({signingTime}); het is geldig van {notBefore} tot {notAfter}.',
      issuerNotValidAtSigning: 'Het certificaat van de uitgever {certificate} was niet geldig op het ogenblik van ondertekenen ({signingTime}).',
      chainUntrusted: 'Het certificaat leidt niet naar een vertrouwd basiscertificaat: wie ondertekende, is niet bevestigd.',
      chainIncomplete: 'Een tussencertificaat ontbreekt: de keten naar een vertrouwd basiscertificaat kan niet opgebouwd worden.',
      certificateRevoked: 'Het certificaat was ingetrokken op het ogenblik van ondertekenen (volgens de intrekkingsgegevens in het bestand).',
      modifiedAfterSigning: 'Het document is na deze handtekening gewijzigd (versie {revision} van het bestand: {change}).',
      notQualified: 'Geen gekwalificeerd certificaat (QcCompliance of QSCD ontbreekt): geen gekwalificeerde elektronische handtekening.',
      revocationNotChecked: 'Intrekking niet gecontroleerd: dat kan offline niet, en het bestand bevat geen intrekkingsgegevens.',
      timestampInvalid: 'Het tijdstempel van de handtekening is ongeldig of niet vertrouwd; het tijdstip dat de ondertekenaar opgaf, geldt.',
      unsupported: 'Niet ondersteund: {name}.'
    },
    byteRangeReason: {
      notFourIntegers: 'geen vier gehele getallen',
      doesNotStartAtZero: 'begint niet bij het begin van het bestand',
      overlapping: 'de delen overlappen',
      outsideFile: 'valt buiten het bestand',
      notAroundContents: 'ligt niet rond de handtekening zelf',
      notRevisionEnd: 'eindigt niet op het einde van een versie van het bestand'
    },
    change: {
      signature: 'handtekening',
      timestamp: 'tijdstempel',
      validationData: 'validatiegegevens',
      pageContent: 'pagina-inhoud',
      formValues: 'formulierwaarden',
      annotations: 'annotaties',
      other: 'andere wijziging'
    },
    fileError: {
      notPdfOrDocx: 'Geen PDF- of Word-bestand (.docx).',
      truncated: 'Het bestand is onvolledig (afgebroken).',
      encrypted: 'Het bestand is versleuteld; de handtekeningen kunnen niet gelezen worden.',
      malformed: 'Het bestand is beschadigd of onleesbaar.',
      tooLarge: 'Het bestand is te groot.'
    }
  },
  {
    status: { valid: 'VALID', invalid: 'INVALID', indeterminate: 'INDETERMINATE' },
    severity: { blocking: 'BLOCKING', warning: 'WARNING' },
    problem: {
      digestMismatch: 'The signed content does not match: the document digest differs from the signed one (the content changed, or the signature belongs to another document).',
      signatureInvalid: "The signature does not verify with the key of the signer's certificate.",
      byteRangeInvalid: 'The signature does not correctly say which part of the file it covers: {reason}.',
      signatureMalformed: 'The signature is not a readable CMS signature ({reason}).',
      signerCertificateMissing: "The signer's certificate is not in the signature.",
      certificateNotValidAtSigning: 'The certificate was not valid at the signing time ({signingTime}); it is valid from {notBefore} to {notAfter}.',
      issuerNotValidAtSigning: "The issuer's certificate {certificate} was not valid at the signing time ({signingTime}).",
      chainUntrusted: 'The certificate does not lead to a trusted root certificate: who signed is not confirmed.',
      chainIncomplete: 'An intermediate certificate is missing: the chain to a trusted root cannot be built.',
      certificateRevoked: 'The certificate was revoked at the signing time (according to the revocation data in the file).',
      modifiedAfterSigning: 'The document was changed after this signature (version {revision} of the file: {change}).',
      notQualified: 'Not a qualified certificate (QcCompliance or QSCD missing): not a qualified electronic signature.',
      revocationNotChecked: 'Revocation not checked: impossible offline, and the file holds no revocation data.',
      timestampInvalid: "The signature's time-stamp is invalid or not trusted; the time the signer gave applies.",
      unsupported: 'Not supported: {name}.'
    },
    byteRangeReason: {
      notFourIntegers: 'not four integers',
      doesNotStartAtZero: 'does not start at the beginning of the file',
      overlapping: 'the parts overlap',
      outsideFile: 'lies outside the file',
      notAroundContents: 'does not lie around the signature itself',
      notRevisionEnd: 'does not end at the end of a version of the file'
    },
    change: {
      signature: 'signature',
      timestamp: 'time-stamp',
      validationData: 'validation data',
      pageContent: 'page content',
      formValues: 'form values',
      annotations: 'annotations',
      other: 'other change'
    },
    fileError: {
      notPdfOrDocx: 'Not a PDF or Word file (.docx).',
      truncated: 'The file is incomplete (cut off).',
      encrypted: 'The file is encrypted; its signatures cannot be read.',
      malformed: 'The file is damaged or unreadable.',
      tooLarge: 'The file is too large.'
    }
  }
);

type ChangeKind = LaterRevision['changes'][number];

/** What a later revision changed, as text: "pagina-inhoud, formulierwaarden". */
export function describeChanges(changes: readonly string[], lang: Lang): string {
  const texts = signatureTexts[lang].change as Readonly<Record<ChangeKind, string>>;
  return changes.map((change) => texts[change as ChangeKind] ?? change).join(', ');
}

/** A problem as a sentence in the language. */
export function describeSignatureProblem(problem: SignatureProblem, lang: Lang): string {
  const texts = signatureTexts[lang];
  const params = problem.params ?? {};
  switch (problem.code) {
    case 'byteRangeInvalid': {
      const reasons = texts.byteRangeReason as Readonly<Record<string, string>>;
      return interpolate(texts.problem.byteRangeInvalid, { reason: reasons[String(params.reason)] ?? params.reason });
    }
    case 'certificateNotValidAtSigning':
      return interpolate(params.certificate !== undefined ? texts.problem.issuerNotValidAtSigning : texts.problem.certificateNotValidAtSigning, params);
    case 'chainUntrusted':
      return params.chain === 'incomplete' ? texts.problem.chainIncomplete : texts.problem.chainUntrusted;
    case 'modifiedAfterSigning':
      return interpolate(texts.problem.modifiedAfterSigning, { revision: params.revision, change: describeChanges(String(params.change ?? '').split(/,\s*/).filter(Boolean), lang) });
    default:
      return interpolate(texts.problem[problem.code], params);
  }
}

/** Why the file could not be read, as a sentence. */
export function describeFileError(error: NonNullable<DocumentSignatureReport['error']>, lang: Lang): string {
  return signatureTexts[lang].fileError[error.code];
}

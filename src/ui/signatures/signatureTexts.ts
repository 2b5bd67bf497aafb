/**
 * What a reader sees of a signature report, in plain words (Dutch first, English second): the status,
 * whether the certificate is qualified, and an explanation per problem code. Pure data; components
 * render it. (The signed-set work writes the same explanations for the dossier panel; one copy stays.)
 */
import type { SignatureProblemCode, SignatureReport } from '../../domain/signatures';
import type { Lang } from '../../domain/types';

/** The texts of a signature list in one language; `{name}` placeholders filled by `formatText`. */
export interface SignatureTexts {
  readonly status: Readonly<Record<SignatureReport['status'], string>>;
  readonly qualified: string;
  readonly notQualified: string;
  /** A signature without a signer certificate. */
  readonly unknownSigner: string;
  /** The signing time (placeholder time). */
  readonly signedAt: string;
  readonly documentTimestamp: string;
  readonly none: string;
  readonly problems: Readonly<Record<SignatureProblemCode, string>>;
}

export const signatureTexts: Readonly<Record<Lang, SignatureTexts>> = {
  nl: {
    status: { valid: 'geldig', invalid: 'ongeldig', indeterminate: 'niet te bevestigen' },
    qualified: 'gekwalificeerd',
    notQualified: 'niet gekwalificeerd',
    unknownSigner: 'onbekende ondertekenaar',
    signedAt: 'ondertekend op {time}',
    documentTimestamp: 'tijdstempel van het document',
    none: 'Geen elektronische handtekening gevonden.',
    problems: {
      digestMismatch: 'De ondertekende inhoud werd nadien gewijzigd: de handtekening past niet meer bij het document.',
      signatureInvalid: 'De handtekening klopt niet met de sleutel van het certificaat.',
      byteRangeInvalid: 'De handtekening dekt niet het hele document (ongeldig ondertekend bereik).',
      signatureMalformed: 'De handtekening is beschadigd of onleesbaar.',
      signerCertificateMissing: 'Het certificaat van de ondertekenaar ontbreekt.',
      certificateNotValidAtSigning: 'Het certificaat was niet geldig op het moment van ondertekenen.',
      chainUntrusted: 'Het certificaat komt niet van een vertrouwde uitgever.',
      certificateRevoked: 'Het certificaat werd ingetrokken.',
      modifiedAfterSigning: 'Het document werd na deze handtekening inhoudelijk gewijzigd.',
      notQualified: 'Geen gekwalificeerde handtekening (bijvoorbeeld niet met de eID).',
      revocationNotChecked: 'Of het certificaat ingetrokken is, kon niet nagekeken worden (geen verbinding of geen gegevens in het bestand).',
      timestampInvalid: 'Het tijdstempel van de handtekening is ongeldig.',
      unsupported: 'Deze soort handtekening wordt niet ondersteund ({name}).'
    }
  },
  en: {
    status: { valid: 'valid', invalid: 'invalid', indeterminate: 'cannot be confirmed' },
    qualified: 'qualified',
    notQualified: 'not qualified',
    unknownSigner: 'unknown signer',
    signedAt: 'signed on {time}',
    documentTimestamp: 'document time-stamp',
    none: 'No electronic signature found.',
    problems: {
      digestMismatch: 'The signed content was changed afterwards: the signature no longer matches the document.',
      signatureInvalid: "The signature does not verify with the certificate's key.",
      byteRangeInvalid: 'The signature does not cover the whole document (invalid signed range).',
      signatureMalformed: 'The signature is damaged or unreadable.',
      signerCertificateMissing: "The signer's certificate is missing.",
      certificateNotValidAtSigning: 'The certificate was not valid at the time of signing.',
      chainUntrusted: 'The certificate does not come from a trusted issuer.',
      certificateRevoked: 'The certificate was revoked.',
      modifiedAfterSigning: 'The document was changed in content after this signature.',
      notQualified: 'Not a qualified signature (for instance not made with the eID).',
      revocationNotChecked: 'Whether the certificate was revoked could not be checked (offline, or no data in the file).',
      timestampInvalid: "The signature's time-stamp is invalid.",
      unsupported: 'This kind of signature is not supported ({name}).'
    }
  }
};

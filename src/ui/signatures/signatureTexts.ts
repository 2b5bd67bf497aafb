/**
 * What a reader sees of a signature report in a list, in plain words (Dutch first, English second):
 * the status and whether the certificate is qualified. The explanation of each problem is the one of
 * the signed-set findings (`signatureMessages.ts`), so the panel and the Teams card say the same.
 */
import type { SignatureReport } from '../../domain/signatures';
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
}

export const signatureTexts: Readonly<Record<Lang, SignatureTexts>> = {
  nl: {
    status: { valid: 'geldig', invalid: 'ongeldig', indeterminate: 'niet te bevestigen' },
    qualified: 'gekwalificeerd',
    notQualified: 'niet gekwalificeerd',
    unknownSigner: 'onbekende ondertekenaar',
    signedAt: 'ondertekend op {time}',
    documentTimestamp: 'tijdstempel van het document',
    none: 'Geen elektronische handtekening gevonden.'
  },
  en: {
    status: { valid: 'valid', invalid: 'invalid', indeterminate: 'cannot be confirmed' },
    qualified: 'qualified',
    notQualified: 'not qualified',
    unknownSigner: 'unknown signer',
    signedAt: 'signed on {time}',
    documentTimestamp: 'document time-stamp',
    none: 'No electronic signature found.'
  }
};

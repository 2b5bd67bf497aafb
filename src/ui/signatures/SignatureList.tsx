import * as React from 'react';
import type { SignatureReport } from '../../domain/signatures';
import { signerName } from '../../domain/signerMatching';
import type { Lang } from '../../domain/types';
import { formatDateTime, formatText } from '../shared/format';
import { uiTokens } from '../shared/tokens';
import { signatureTexts } from './signatureTexts';
import { signatureFindingExplanation, signatureFindingTitle } from '../../domain/signatureMessages';

/** Props of `SignatureList`. */
export interface SignatureListProps {
  /** The signatures to show, in order (as the report gives them). */
  readonly signatures: readonly SignatureReport[];
  readonly lang: Lang;
  /** The list's accessible name (e.g. "Handtekeningen van de aanvrager"). */
  readonly label: string;
}

/**
 * One line per signature of a report: the signer's name from the certificate (never a PDF's free
 * `/Name`), qualified or not, the signing time and the status, then every problem with the title and
 * explanation the dossier panel gives it (`signatureMessages.ts`).
 * Renders only what the report says.
 */
export function SignatureList(props: SignatureListProps): React.ReactElement {
  const { signatures, lang, label } = props;
  const texts = signatureTexts[lang];
  const tokens = uiTokens();
  if (signatures.length === 0) return <p aria-label={label} style={{ margin: '2px 0' }}>{texts.none}</p>;
  return (
    <ul aria-label={label} style={{ margin: '2px 0', paddingLeft: 20 }}>
      {signatures.map((signature) => {
        const timestamp = signature.format === 'documentTimestamp';
        const name = timestamp ? texts.documentTimestamp : (signerName(signature) ?? texts.unknownSigner);
        const color = signature.status === 'valid' ? tokens.success : signature.status === 'invalid' ? tokens.error : tokens.warning;
        return (
          <li key={`${signature.index}-${signature.fieldName ?? ''}`} data-status={signature.status}>
            <strong>{name}</strong>
            {!timestamp && signature.signer && ` · ${signature.signer.qualified.qualified ? texts.qualified : texts.notQualified}`}
            {` · ${formatText(texts.signedAt, { time: formatDateTime(signature.signingTime, lang) })} · `}
            <span style={{ color, fontWeight: 600 }}>{texts.status[signature.status]}</span>
            {signature.problems.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {signature.problems.map((problem, index) => (
                  <li key={`${problem.code}-${index}`} style={{ color: problem.severity === 'blocking' ? tokens.error : undefined }}>
                    <strong>{signatureFindingTitle(problem.code, lang)}</strong>: {signatureFindingExplanation(problem, lang)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

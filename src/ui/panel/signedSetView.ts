/**
 * What the documents tab shows of the signed set: per signed document (the dossier's current ones)
 * its signatures with the person each is matched to, and the findings of the signed-set rule, per
 * signature and for the whole document. Computed from the dossier only (the reports the service
 * stored); the rules are the domain's.
 */
import { signedSetContextOf, signedSetFindings, signedSetOf, matchedSignatures, type SignedSetFinding } from '../../domain/signedSet';
import type { SignerMatch } from '../../domain/signerMatching';
import type { SignatureReport } from '../../domain/signatures';
import type { DocumentKind, Dossier } from '../../domain/types';

/** One signature as the panel lists it. */
export interface SignatureLineView {
  readonly index: number;
  readonly signature: SignatureReport;
  readonly match: SignerMatch;
  readonly findings: readonly SignedSetFinding[];
}

/** One signed document with its signatures. */
export interface SignedDocumentView {
  readonly documentId: string;
  readonly version: string;
  readonly fileName: string;
  readonly kind: DocumentKind;
  /** False when the document was registered without a report (not verified). */
  readonly verified: boolean;
  readonly signatures: readonly SignatureLineView[];
  /** Findings about the document as a whole (no signature, unreadable, typed signatory differs, not verified). */
  readonly documentFindings: readonly SignedSetFinding[];
}

/** The signed set of a dossier as the panel shows it; empty before any signed document. */
export function signedSetView(dossier: Pick<Dossier, 'documents' | 'decision' | 'signerInstitution' | 'signatureAcceptances'>): SignedDocumentView[] {
  const documents = signedSetOf(dossier);
  const context = signedSetContextOf(dossier, documents);
  const findings = signedSetFindings(documents, context);
  return documents.map((document) => {
    const own = findings.filter((finding) => finding.documentId === document.id && finding.version === document.version);
    return {
      documentId: document.id,
      version: document.version,
      fileName: document.fileName,
      kind: document.kind,
      verified: document.signatures !== undefined,
      signatures: matchedSignatures(document, context).map(({ signature, match }) => ({
        index: signature.index, signature, match, findings: own.filter((finding) => finding.signatureIndex === signature.index)
      })),
      documentFindings: own.filter((finding) => finding.signatureIndex === undefined)
    };
  });
}

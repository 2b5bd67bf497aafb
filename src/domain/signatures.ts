/**
 * Electronic signatures of a dossier's documents (steps 4 and 5): the report a verifier computes for
 * one file, as plain data. The verifier lives in `src/signatures` (PDF/PAdES and Office XML
 * signatures); the trusted command service computes the report that counts when a document is
 * registered, and the register, the Word add-in and the CLI show the same report before upload.
 * The rules that judge a report (blocking or warning, who may sign) live in the domain and read only
 * this data.
 *
 * Personal data: a report carries the signer's name as the certificate gives it, never the
 * certificate's subject serial number (on a Belgian eID the national register number).
 */
import type { IsoDateTime } from './types';

/** The container the signature came in. */
export type SignatureFormat =
  /** PDF, `/SubFilter /ETSI.CAdES.detached` (PAdES). */
  | 'pades'
  /** PDF, `/SubFilter /adbe.pkcs7.detached` (the older Acrobat form; what many eID tools write). */
  | 'pkcs7Detached'
  /** PDF, `/SubFilter /ETSI.RFC3161` (a document time-stamp, not a person's signature). */
  | 'documentTimestamp'
  /** Office Open XML, `_xmlsignatures/sig*.xml` (XML-DSig, XAdES). */
  | 'xmldsig';

/** Qualified status as far as the certificate itself can prove it (ETSI EN 319 412-5 QcStatements). */
export interface QualifiedStatus {
  /** `id-etsi-qcs-QcCompliance` (0.4.0.1862.1.1): the issuer declares the certificate qualified. */
  readonly qcCompliance: boolean;
  /** `id-etsi-qcs-QcSSCD` (0.4.0.1862.1.4): the private key lives in a qualified signature creation device. */
  readonly qscd: boolean;
  /** `id-etsi-qct-esign` (0.4.0.1862.1.6.1) among the QcTypes, or no QcType at all (then e-sign is implied). */
  readonly esign: boolean;
  /** Certificate policy OIDs (e.g. 0.4.0.194112.1.2 QCP-n-qscd). */
  readonly policies: readonly string[];
  /** qcCompliance && qscd && esign: a qualified electronic signature's certificate, as far as offline data can show. */
  readonly qualified: boolean;
}

/** What a report says about a certificate (signer or chain member). */
export interface CertificateSummary {
  /** Subject as RFC 4514-like text without the serialNumber attribute: `CN=An Peeters, SN=Peeters, G=An, C=BE`. */
  readonly subject: string;
  /** The subject's common name, without the eID's " (Signature)" suffix. */
  readonly commonName?: string;
  readonly givenName?: string;
  readonly surname?: string;
  /** The certificate serial number, hex, lower case. */
  readonly serialNumber: string;
  /** Issuer as text (same form as `subject`). */
  readonly issuer: string;
  readonly notBefore: IsoDateTime;
  readonly notAfter: IsoDateTime;
  /** SHA-256 of the DER certificate, hex lower case: a stable id that names no person. */
  readonly fingerprintSha256: string;
  readonly qualified: QualifiedStatus;
}

/** The codes of what is wrong with, or worth knowing about, one signature. */
export type SignatureProblemCode =
  /** The digest of the signed byte ranges (or XML references) differs from the signed digest. */
  | 'digestMismatch'
  /** The signature value does not verify with the signer's public key. */
  | 'signatureInvalid'
  /** `ByteRange` malformed, outside the file, overlapping, or not around the `Contents`. */
  | 'byteRangeInvalid'
  /** `Contents` is not DER CMS SignedData (or the XML signature is malformed). */
  | 'signatureMalformed'
  /** No signer certificate in the signature. */
  | 'signerCertificateMissing'
  /** The signing time lies outside the signer certificate's validity. */
  | 'certificateNotValidAtSigning'
  /** No path from the signer certificate to a configured trust anchor. */
  | 'chainUntrusted'
  /** Revocation of a chain certificate is proven by embedded validation data. */
  | 'certificateRevoked'
  /** A later revision changes page content, form values or annotations (params: revision, change). */
  | 'modifiedAfterSigning'
  /** Not a qualified certificate (no QcCompliance or no QSCD). */
  | 'notQualified'
  /** Revocation could not be checked offline and no embedded validation data answers it. */
  | 'revocationNotChecked'
  /** The signature time-stamp token does not verify or does not cover the signature value. */
  | 'timestampInvalid'
  /** A sub-filter or algorithm this verifier does not support (params: name). */
  | 'unsupported';

/** One problem, with its severity for the report (the signed-set guard may judge more strictly). */
export interface SignatureProblem {
  readonly code: SignatureProblemCode;
  readonly severity: 'blocking' | 'warning';
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A later incremental update of a PDF, as seen from a signature. */
export interface LaterRevision {
  /** 1-based revision number in the file (revision 1 is the original save). */
  readonly revision: number;
  /**
   * What it changed. `signature`, `timestamp` and `validationData` (DSS, VRI) are acceptable after a
   * signature; `pageContent`, `formValues`, `annotations` and `other` are modifications.
   */
  readonly changes: readonly ('signature' | 'timestamp' | 'validationData' | 'pageContent' | 'formValues' | 'annotations' | 'other')[];
}

/** The report of one signature. */
export interface SignatureReport {
  /** 0-based, in the order the signatures were made (PDF revision order; XML file order). */
  readonly index: number;
  readonly format: SignatureFormat;
  /** The PDF signature field name, or the Office signature's id. */
  readonly fieldName?: string;
  /** Digest over the signed bytes matches the signed attributes / references. */
  readonly integrity: 'ok' | 'failed';
  /** The signature value verifies with the signer's public key. */
  readonly cryptographic: 'ok' | 'failed';
  readonly signer?: CertificateSummary;
  /** `trusted`: a path to an anchor; `untrusted`: a path to no anchor; `incomplete`: a certificate missing. */
  readonly chain: 'trusted' | 'untrusted' | 'incomplete';
  /** Subjects from the signer to the anchor (or as far as the path goes). */
  readonly chainSubjects: readonly string[];
  /**
   * SHA-256 of the signature value, hex: the same signature copied into another file has the same value,
   * a new signature by the same person over another document does not (the countersigned original must
   * carry the requester's very signatures). Absent in reports stored before it existed.
   */
  readonly signatureValueSha256?: string;
  /** The signing-time attribute (or the PDF's `/M`), as claimed by the signer. */
  readonly claimedSigningTime?: IsoDateTime;
  /** The RFC 3161 signature time-stamp, if any. */
  readonly timestamp?: { readonly time: IsoDateTime; readonly valid: boolean; readonly authority?: string };
  /** The time the report judges validity at: the time-stamp, else the claimed time, else the verification time. */
  readonly signingTime: IsoDateTime;
  /** `good`/`revoked` only when embedded validation data (DSS, adbe-revocationInfoArchival) answers it. */
  readonly revocation: 'good' | 'revoked' | 'notChecked';
  /** PDF: the revision this signature signs (1-based); 1 for XML signatures. */
  readonly signedRevision: number;
  /** PDF: the revisions after this signature; empty when it covers the whole file. */
  readonly laterRevisions: readonly LaterRevision[];
  /** True when a later revision is a modification (not only signatures, time-stamps, validation data). */
  readonly modifiedAfterSigning: boolean;
  readonly problems: readonly SignatureProblem[];
  /**
   * `valid`: integrity, cryptography, trusted chain, certificate valid at signing time, not modified.
   * `invalid`: integrity or cryptography failed, or modified after signing, or revoked.
   * `indeterminate`: intact but the chain is untrusted or incomplete, or the certificate was not valid.
   */
  readonly status: 'valid' | 'invalid' | 'indeterminate';
}

/** Why a file could not be read at all (no report per signature then). */
export type SignatureFileErrorCode =
  | 'notPdfOrDocx'
  | 'truncated'
  | 'encrypted'
  | 'malformed'
  | 'tooLarge';

/** The report of one file. */
export interface DocumentSignatureReport {
  readonly fileName: string;
  readonly format: 'pdf' | 'docx' | 'unknown';
  /** False when the file could not be read (`error` says why); `signatures` is then empty. */
  readonly readable: boolean;
  readonly error?: { readonly code: SignatureFileErrorCode; readonly params?: Readonly<Record<string, string | number>> };
  /** PDF: number of revisions (1 + incremental updates). */
  readonly revisions: number;
  readonly signatures: readonly SignatureReport[];
  /** When the report was computed, and the time asked for (`--at`), if any. */
  readonly verifiedAt: IsoDateTime;
  /** Fingerprints (SHA-256) of the trust anchors used. */
  readonly trustAnchors: readonly string[];
}

/** Every person's signature of a report (document time-stamps aside). */
export function personSignatures(report: DocumentSignatureReport): readonly SignatureReport[] {
  return report.signatures.filter((signature) => signature.format !== 'documentTimestamp');
}

/** True when the file has at least one valid signature and none invalid (the CLI's exit 0). */
export function hasValidSignaturesOnly(report: DocumentSignatureReport): boolean {
  const signatures = personSignatures(report);
  return report.readable && signatures.length > 0 && signatures.every((signature) => signature.status === 'valid');
}

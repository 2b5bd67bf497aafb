/**
 * Signature reports as plain data, for tests of the rules, guards and components that read them (the
 * verifier itself is tested on real signed files in `test/signatures`). Fictitious people only.
 */
import type { CertificateSummary, DocumentSignatureReport, SignatureReport } from '../../src/domain/signatures';

/** A signer certificate summary for a person (`Given Surname`). */
export function signer(name: string, options: { qualified?: boolean; fingerprint?: string } = {}): CertificateSummary {
  const [givenName, ...rest] = name.split(' ');
  const surname = rest.join(' ');
  const qualified = options.qualified ?? true;
  return {
    subject: `CN=${name}, SN=${surname}, G=${givenName}, C=BE`,
    commonName: name,
    givenName,
    surname,
    serialNumber: '1a2b',
    issuer: 'CN=Test Citizen CA, C=BE',
    notBefore: '2025-01-01T00:00:00.000Z',
    notAfter: '2030-01-01T00:00:00.000Z',
    fingerprintSha256: options.fingerprint ?? `fp-${name.toLowerCase().replace(/\s+/g, '-')}`,
    qualified: { qcCompliance: qualified, qscd: qualified, esign: true, policies: [], qualified }
  };
}

/** One person's signature (valid, qualified, not modified unless said otherwise). */
export function signature(index: number, name: string, overrides: Partial<SignatureReport> = {}): SignatureReport {
  return {
    index,
    format: 'pades',
    fieldName: `Signature${index + 1}`,
    integrity: 'ok',
    cryptographic: 'ok',
    signer: signer(name),
    chain: 'trusted',
    chainSubjects: [`CN=${name}`, 'CN=Test Citizen CA, C=BE', 'CN=Test Root CA, C=BE'],
    claimedSigningTime: '2026-11-20T10:00:00.000Z',
    signingTime: '2026-11-20T10:00:00.000Z',
    revocation: 'notChecked',
    signedRevision: index + 1,
    laterRevisions: [],
    modifiedAfterSigning: false,
    problems: [{ code: 'revocationNotChecked', severity: 'warning' }],
    status: 'valid',
    ...overrides
  };
}

/** The report of a file with these signatures. */
export function report(fileName: string, signatures: readonly SignatureReport[], overrides: Partial<DocumentSignatureReport> = {}): DocumentSignatureReport {
  return {
    fileName,
    format: fileName.toLowerCase().endsWith('.docx') ? 'docx' : 'pdf',
    readable: true,
    revisions: Math.max(1, signatures.length),
    signatures,
    verifiedAt: '2026-11-21T09:00:00.000Z',
    trustAnchors: ['fp-test-root'],
    ...overrides
  };
}

/** A countersigned original: the requester's signature, then the VSA signatory's. */
export function countersignedReport(fileName: string, requester: string, vsa: string): DocumentSignatureReport {
  return report(fileName, [
    signature(0, requester, { laterRevisions: [{ revision: 2, changes: ['signature'] }] }),
    signature(1, vsa, { claimedSigningTime: '2026-11-21T08:00:00.000Z', signingTime: '2026-11-21T08:00:00.000Z' })
  ]);
}

/**
 * Constructed signature reports and an institution for the tests of the signed-set rule, the service
 * and the panel: plain data as a verifier would return it. Made-up people; no real certificate.
 */
import type { Institution } from '../../src/domain/institutions';
import type { CertificateSummary, DocumentSignatureReport, QualifiedStatus, SignatureReport } from '../../src/domain/signatures';

export const qualifiedStatus: QualifiedStatus = { qcCompliance: true, qscd: true, esign: true, policies: ['0.4.0.194112.1.2'], qualified: true };
export const notQualifiedStatus: QualifiedStatus = { qcCompliance: false, qscd: false, esign: true, policies: [], qualified: false };

/** A signer certificate summary as the eID gives it (common name without " (Signature)"). */
export function certificate(name: string, overrides: Partial<CertificateSummary> = {}): CertificateSummary {
  const [givenName, ...rest] = name.split(' ');
  return {
    subject: `CN=${name}, SN=${rest.join(' ')}, G=${givenName}, C=BE`,
    commonName: name,
    givenName,
    surname: rest.join(' '),
    serialNumber: '10000000000000000000000000000001',
    issuer: 'CN=Test Citizen CA, C=BE',
    notBefore: '2024-01-01T00:00:00.000Z',
    notAfter: '2034-01-01T00:00:00.000Z',
    fingerprintSha256: 'ab'.repeat(32),
    qualified: qualifiedStatus,
    ...overrides
  };
}

/** A valid, qualified PAdES signature by `name` with revocation answered, unless overridden. */
export function signature(name: string | undefined, overrides: Partial<SignatureReport> = {}): SignatureReport {
  return {
    index: 0,
    format: 'pades',
    fieldName: 'Signature1',
    integrity: 'ok',
    cryptographic: 'ok',
    ...(name !== undefined ? { signer: certificate(name) } : {}),
    chain: 'trusted',
    chainSubjects: [`CN=${name ?? '?'}`, 'CN=Test Citizen CA, C=BE', 'CN=Test Root CA, C=BE'],
    claimedSigningTime: '2026-02-01T10:00:00.000Z',
    signingTime: '2026-02-01T10:00:00.000Z',
    revocation: 'good',
    signedRevision: 1,
    laterRevisions: [],
    modifiedAfterSigning: false,
    problems: [],
    status: 'valid',
    ...overrides
  };
}

/** The report of one file with the given signatures. */
export function fileReport(fileName: string, signatures: readonly SignatureReport[], overrides: Partial<DocumentSignatureReport> = {}): DocumentSignatureReport {
  return {
    fileName,
    format: fileName.toLowerCase().endsWith('.docx') ? 'docx' : 'pdf',
    readable: true,
    revisions: 1 + signatures.length,
    signatures: signatures.map((entry, index) => ({ ...entry, index })),
    verifiedAt: '2026-02-02T08:00:00.000Z',
    trustAnchors: ['cd'.repeat(32)],
    ...overrides
  };
}

/** A file the verifier could not read. */
export function unreadableReport(fileName: string): DocumentSignatureReport {
  return { fileName, format: 'unknown', readable: false, error: { code: 'notPdfOrDocx' }, revisions: 0, signatures: [], verifiedAt: '2026-02-02T08:00:00.000Z', trustAnchors: [] };
}

/** The demo institution of the tests: An Peeters (controller), Jan Janssens (legal representative until 2025), a mandate for Piet Pieters. */
export const universiteit: Institution = {
  id: 'universiteit-voorbeeld',
  name: 'Universiteit Voorbeeld',
  enterpriseNumber: '0123456749',
  kind: 'onderzoeksinstelling',
  signatories: [
    { name: 'An Peeters', capacity: 'verwerkingsverantwoordelijke', validFrom: '2020-01-01' },
    { name: 'Jan Janssens', capacity: 'wettelijk vertegenwoordiger', validFrom: '2018-01-01', validTo: '2025-12-31' }
  ],
  mandates: [{ mandatedPerson: 'Piet Pieters', documentFileName: 'volmacht-pieters.pdf', scope: 'protocollen met Statistiek Vlaanderen', validFrom: '2026-01-01' }],
  dpo: { name: 'Dora DPO', email: 'dpo@uni.example' }
};

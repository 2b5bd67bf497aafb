/**
 * The signature report the seed records with a countersigned original. The command service computes
 * it from the stored file with the verifier of `src/signatures`; the seed's forms carry typed
 * signatures only (no digital signature yet), so until the seed stores PDFs signed with the demo PKI
 * (`src/local/pki`) it records the report such a file would give: the requester's signature, then the
 * Chief Statistician's, both by made-up demo certificates (issuer "Demo Citizen CA", never a real
 * person's). Demo data of the local tenant only; no product code path produces it.
 */
import type { DocumentSignatureReport, SignatureReport } from '../../domain/signatures';

const demoIssuer = 'CN=Demo Citizen CA (demo), O=Microdata Dossiers demo PKI, C=BE';

function demoSignature(index: number, name: string, signedAt: string): SignatureReport {
  const [givenName, ...rest] = name.split(' ');
  const surname = rest.join(' ');
  return {
    index,
    format: 'pades',
    fieldName: `Signature${index + 1}`,
    integrity: 'ok',
    cryptographic: 'ok',
    signer: {
      subject: `CN=${name}, SN=${surname}, G=${givenName}, C=BE`,
      commonName: name,
      givenName,
      surname,
      serialNumber: (0x1000 + index).toString(16),
      issuer: demoIssuer,
      notBefore: '2025-01-01T00:00:00.000Z',
      notAfter: '2035-01-01T00:00:00.000Z',
      fingerprintSha256: `demo-${name.toLowerCase().replace(/[^a-z]+/g, '-')}`,
      qualified: { qcCompliance: true, qscd: true, esign: true, policies: [], qualified: true }
    },
    chain: 'trusted',
    chainSubjects: [`CN=${name}`, demoIssuer, 'CN=Demo Root CA (demo), C=BE'],
    claimedSigningTime: signedAt,
    signingTime: signedAt,
    revocation: 'notChecked',
    signedRevision: index + 1,
    laterRevisions: index === 0 ? [{ revision: 2, changes: ['signature'] }] : [],
    modifiedAfterSigning: false,
    problems: [{ code: 'revocationNotChecked', severity: 'warning' }],
    status: 'valid'
  };
}

/** The report of a demo countersigned original: `requester` signed at `signedAt`, then `chief` at `countersignedAt`. */
export function demoCountersignatureReport(fileName: string, requester: string, chief: string, signedAt: string, countersignedAt: string): DocumentSignatureReport {
  return {
    fileName,
    format: fileName.toLowerCase().endsWith('.pdf') ? 'pdf' : 'docx',
    readable: true,
    revisions: 2,
    signatures: [demoSignature(0, requester, signedAt), demoSignature(1, chief, countersignedAt)],
    verifiedAt: countersignedAt,
    trustAnchors: ['demo-root']
  };
}

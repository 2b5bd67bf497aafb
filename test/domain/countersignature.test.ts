import { decide, replay } from '../../src/domain';
import type { DocumentRegistration, DossierEvent } from '../../src/domain';
import { countersignatureErrors, countersignedSetErrors, countersignedSignatures } from '../../src/domain/rules/countersignature';
import { countersignedReport, report, signature } from '../support/countersignatureReports';
import { actors, at, cmd, countersignedDoc, doc } from './support/fixtures';
import { eventsIn } from './support/paths';
import { given } from './support/given';

const { team, chief } = actors;
const codes = (errors: readonly { code: string }[]): string[] => errors.map((error) => error.code);

const countersigned = (signatures: Parameters<typeof report>[1], overrides: Partial<DocumentRegistration> = {}): DocumentRegistration => ({
  id: 'protocol-cs', kind: 'protocol', fileName: 'protocol-cs.pdf', version: '1.0', signatures: report('protocol-cs.pdf', signatures), ...overrides
});

describe('countersignatureErrors: the countersigned original', () => {
  const vsa = ['Hilde Hoofd'];

  it('accepts the requester signature followed by a valid VSA signature', () => {
    expect(countersignatureErrors(countersigned([signature(0, 'Rita Rector'), signature(1, 'Hilde Hoofd')]), vsa)).toEqual([]);
  });

  it('matches the VSA signatory by the certificate name, not word order or case', () => {
    expect(countersignatureErrors(countersigned([signature(0, 'Rita Rector'), signature(1, 'Hilde Hoofd')]), ['HOOFD Hilde'])).toEqual([]);
  });

  it('refuses a document without a report (the service did not verify it) or an unreadable one', () => {
    expect(codes(countersignatureErrors(doc('protocol', 'x'), vsa))).toEqual(['dossier.error.countersignatureNotVerified']);
    const unreadable = countersigned([], { signatures: report('protocol-cs.pdf', [], { readable: false, error: { code: 'truncated' } }) });
    expect(countersignatureErrors(unreadable, vsa)).toEqual([expect.objectContaining({ code: 'dossier.error.countersignedUnreadable', params: { fileName: 'protocol-cs.pdf', reason: 'truncated' } })]);
  });

  it('refuses a document without a VSA signature: the requester-signed document alone', () => {
    expect(codes(countersignatureErrors(countersigned([signature(0, 'Rita Rector')]), vsa))).toEqual(['dossier.error.countersignatureMissing']);
  });

  it('refuses a VSA signature by someone not on the list', () => {
    const errors = countersignatureErrors(countersigned([signature(0, 'Rita Rector'), signature(1, 'Olga Stat')]), vsa);
    expect(codes(errors)).toEqual(['dossier.error.countersignatureMissing']);
    expect(errors[0].params).toMatchObject({ signatories: 'Hilde Hoofd' });
  });

  it('refuses an invalid or untrusted countersignature', () => {
    const errors = countersignatureErrors(countersigned([signature(0, 'Rita Rector'), signature(1, 'Hilde Hoofd', { status: 'indeterminate', chain: 'untrusted' })]), vsa);
    expect(errors).toEqual([expect.objectContaining({ code: 'dossier.error.countersignatureInvalid', params: { fileName: 'protocol-cs.pdf', name: 'Hilde Hoofd' } })]);
  });

  it('refuses a document the VSA signed alone (no requester signature before it)', () => {
    expect(codes(countersignatureErrors(countersigned([signature(0, 'Hilde Hoofd')]), vsa))).toEqual(['dossier.error.requesterSignatureMissing']);
  });

  it('refuses a requester signature that was modified after signing or is invalid', () => {
    const modified = signature(0, 'Rita Rector', { modifiedAfterSigning: true, status: 'invalid', laterRevisions: [{ revision: 2, changes: ['pageContent'] }] });
    expect(codes(countersignatureErrors(countersigned([modified, signature(1, 'Hilde Hoofd')]), vsa))).toEqual(['dossier.error.requesterSignatureModified']);
    const broken = signature(0, 'Rita Rector', { integrity: 'failed', status: 'invalid' });
    expect(codes(countersignatureErrors(countersigned([broken, signature(1, 'Hilde Hoofd')]), vsa))).toEqual(['dossier.error.requesterSignatureInvalid']);
  });

  it('refuses a signature added after the countersignature (the VSA signs last)', () => {
    const errors = countersignatureErrors(countersigned([signature(0, 'Rita Rector'), signature(1, 'Hilde Hoofd'), signature(2, 'Mallory Later')]), vsa);
    expect(errors).toEqual([expect.objectContaining({ code: 'dossier.error.signatureAfterCountersignature', params: { fileName: 'protocol-cs.pdf', name: 'Mallory Later' } })]);
  });

  it('ignores document time-stamps when ordering signatures', () => {
    const stamp = signature(2, 'TSA', { format: 'documentTimestamp', signer: undefined });
    expect(countersignatureErrors(countersigned([signature(0, 'Rita Rector'), signature(1, 'Hilde Hoofd'), stamp]), vsa)).toEqual([]);
  });

  it('refuses another document than the one the requester signed (a signer of the signed document is missing)', () => {
    const signed: DocumentRegistration = { ...doc('protocol', 's', 'wettelijk vertegenwoordiger'), signatures: report('protocol-s.pdf', [signature(0, 'Rita Rector')]) };
    const other = countersigned([signature(0, 'Rita Rector', { signer: { ...signature(0, 'Rita Rector').signer!, fingerprintSha256: 'fp-another-certificate' } }), signature(1, 'Hilde Hoofd')]);
    expect(codes(countersignatureErrors(other, vsa, signed))).toEqual(['dossier.error.countersignedNotSameDocument']);
    expect(countersignatureErrors(countersigned([signature(0, 'Rita Rector'), signature(1, 'Hilde Hoofd')]), vsa, signed)).toEqual([]);
  });

  it('refuses the same requester signing another document: the countersigned original must carry the very signature (same signature value)', () => {
    const signed: DocumentRegistration = { ...doc('protocol', 's', 'wettelijk vertegenwoordiger'), signatures: report('protocol-s.pdf', [signature(0, 'Rita Rector', { signatureValueSha256: 'sig-over-the-signed-protocol' })]) };
    const sameCertificateOtherDocument = countersigned([signature(0, 'Rita Rector', { signatureValueSha256: 'sig-over-another-document' }), signature(1, 'Hilde Hoofd', { signatureValueSha256: 'sig-vsa' })]);
    expect(codes(countersignatureErrors(sameCertificateOtherDocument, vsa, signed))).toEqual(['dossier.error.countersignedNotSameDocument']);
    const sameSignature = countersigned([signature(0, 'Rita Rector', { signatureValueSha256: 'sig-over-the-signed-protocol' }), signature(1, 'Hilde Hoofd', { signatureValueSha256: 'sig-vsa' })]);
    expect(countersignatureErrors(sameSignature, vsa, signed)).toEqual([]);
  });

  it('accepts an unsigned copy beside the countersigned original, but not a signed file that fails, and gives every reason without an original', () => {
    const original = countersigned([signature(0, 'Rita Rector'), signature(1, 'Hilde Hoofd')]);
    const wordCopy: DocumentRegistration = { ...doc('protocol', 'word'), signatures: report('protocol-word.docx', []) };
    const noReport = doc('protocol', 'typed');
    expect(countersignedSetErrors([wordCopy, original, noReport], vsa, () => undefined)).toEqual([]);
    const tampered = countersigned([signature(0, 'Rita Rector', { modifiedAfterSigning: true, status: 'invalid' }), signature(1, 'Hilde Hoofd')], { fileName: 'other.pdf' });
    expect(codes(countersignedSetErrors([original, tampered], vsa, () => undefined))).toEqual(['dossier.error.requesterSignatureModified']);
    expect(codes(countersignedSetErrors([wordCopy, tampered], vsa, () => undefined))).toEqual(['dossier.error.countersignatureMissing', 'dossier.error.requesterSignatureMissing', 'dossier.error.requesterSignatureModified']);
  });

  it('splits the signatures: the last VSA signature, the requester signatures before it, others after it', () => {
    const split = countersignedSignatures(countersignedReport('p.pdf', 'Rita Rector', 'Hilde Hoofd'), vsa);
    expect(split.countersignature?.index).toBe(1);
    expect(split.requester.map((s) => s.index)).toEqual([0]);
    expect(split.after).toEqual([]);
  });
});

describe('countersign requires the countersigned original', () => {
  const awaiting = eventsIn('awaitingCountersignature');

  it('refuses a countersignature without documents', () => {
    given(awaiting).when(cmd.countersign('PROT-2026-001', undefined, []), chief).thenErrors(['dossier.error.countersignedDocumentRequired']);
  });

  it('refuses a countersigned document without a report', () => {
    given(awaiting).when(cmd.countersign('PROT-2026-001', undefined, [doc('protocol', 'cs')]), chief).thenErrors(['dossier.error.countersignatureNotVerified']);
  });

  it('takes the Chief Statistician giving the command as VSA signatory by default', () => {
    given(awaiting).when(cmd.countersign('PROT-2026-001', undefined, [countersignedDoc('protocol', 'Someone Else')]), chief).thenErrors(['dossier.error.countersignatureMissing']);
    given(awaiting).when(cmd.countersign(), chief).thenEvents([{ type: 'Countersigned', protocolNumber: 'PROT-2026-001', documents: [countersignedDoc('protocol')] }]);
  });

  it('takes the configured VSA signatories when the shell gives them', () => {
    const dossier = replay(awaiting);
    const command = cmd.countersign('PROT-2026-001', undefined, [countersignedDoc('protocol', 'Vera Vervanger')]);
    expect(decide(dossier, command, chief, at(50), { vsaSignatories: ['Vera Vervanger', 'Hilde Hoofd'] }).ok).toBe(true);
    expect(decide(dossier, command, chief, at(50), { vsaSignatories: ['Hilde Hoofd'] }).ok).toBe(false);
  });

  it('keeps the report with the registered document', () => {
    const dossier = replay(eventsIn('signed'));
    const original = dossier?.documents.find((document) => document.phase === 'countersigned');
    expect(original?.signatures?.signatures).toHaveLength(2);
  });
});

describe('the mail with both versions and publish', () => {
  const countersignedOnly = (): DossierEvent[] => {
    const events = eventsIn('signed');
    // eventsIn('signed') includes the mail: drop it to get the dossier right after the countersignature.
    return events.filter((event) => event.type !== 'CorrespondenceRecorded');
  };

  it('refuses to publish without the recorded mail (no ticked box stands in for it)', () => {
    given(countersignedOnly()).when(cmd.publish(), team).thenErrors(['dossier.error.bothVersionsNotSent']);
  });

  it('refuses to publish a publication version the mail did not carry', () => {
    const publish = { ...cmd.publish(), publicationDocument: doc('publicationVersion', 'other') };
    given(eventsIn('signed')).when(publish, team).thenErrors(['dossier.error.bothVersionsNotSent']);
  });

  it('publishes once the mail with both versions is recorded', () => {
    given(eventsIn('signed')).when(cmd.publish(), team).thenEvents([{ type: 'Published' }]);
  });

  it('does not count a mail of another kind', () => {
    const other = { ...cmd.sendBothVersions(), kind: 'deliveryNotice' } as ReturnType<typeof cmd.sendBothVersions>;
    const history = given(countersignedOnly()).when(other, team).thenEvents([{ type: 'CorrespondenceRecorded' }]);
    given(history).when(cmd.publish(), team).thenErrors(['dossier.error.bothVersionsNotSent']);
  });

  it('never records the mail with both versions without the countersigned original or the publication version', () => {
    given(countersignedOnly()).when(cmd.sendBothVersions('protocol', ['publicationVersion-pub.docx']), team).thenErrors(['dossier.error.countersignedOriginalNotAttached']);
    given(countersignedOnly()).when(cmd.sendBothVersions('protocol', ['protocol-cs.docx']), team).thenErrors(['dossier.error.publicationVersionNotAttached']);
    given(eventsIn('awaitingCountersignature')).when(cmd.sendBothVersions(), team).thenErrors(['dossier.error.countersignedOriginalMissing']);
  });
});

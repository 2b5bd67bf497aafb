import { evolve, replay } from '../../src/domain';
import { withCurrentShape } from '../../src/domain/evolve';
import type { Command, DocumentRegistration, Dossier, DossierEvent } from '../../src/domain';
import { formatError } from '../../src/domain/formatError';
import { signatureFindingCodes, signatureFindingExplanation, signatureFindingTitle } from '../../src/domain/signatureMessages';
import { dossierSignedSetFindings, signedSetFindings, signedSetSeverity, type SignedSetContext } from '../../src/domain/signedSet';
import type { SignatureReport } from '../../src/domain/signatures';
import { fileReport, notQualifiedStatus, certificate, signature, universiteit, unreadableReport } from '../support/signatureReports';
import { actors, nextId } from './support/fixtures';
import { given } from './support/given';
import { eventsIn } from './support/paths';

const context: SignedSetContext = { institution: universiteit, mandatesInDossier: [], decisionAt: '2026-01-20T10:00:00.000Z', acceptances: [] };

/** A signed form by `name` (typed and signed alike unless `typed` says otherwise). */
function signedForm(kind: DocumentRegistration['kind'], signatures: readonly SignatureReport[], typed: string | undefined = 'An Peeters'): DocumentRegistration {
  const fileName = `${kind}-getekend.pdf`;
  return {
    id: `${kind}-signed`, kind, fileName, version: '1.0',
    ...(typed ? { signatory: { name: typed, capacity: 'verwerkingsverantwoordelijke' as const } } : {}),
    signatures: fileReport(fileName, signatures)
  };
}

const good = (kind: DocumentRegistration['kind']): DocumentRegistration => signedForm(kind, [signature('An Peeters')]);
const codes = (documents: readonly DocumentRegistration[], ctx: SignedSetContext = context): string[] => signedSetFindings(documents, ctx).map((f) => `${f.code}:${f.severity}`);

describe('signed-set rule', () => {
  it('given a valid qualified signature of an authorised signatory who is also the typed one, then no findings', () => {
    expect(codes([good('aanvraagformulier'), good('protocol')])).toEqual([]);
  });

  it('given a form without any person signature (a document time-stamp only), then blocking: no signature', () => {
    const onlyTimestamp = signedForm('protocol', [signature(undefined, { format: 'documentTimestamp' })]);
    expect(codes([onlyTimestamp])).toEqual(['noSignature:blocking']);
  });

  it('given a file the verifier could not read, then blocking: file unreadable with the reason', () => {
    const findings = signedSetFindings([{ ...good('protocol'), signatures: unreadableReport('protocol.pdf') }], context);
    expect(findings).toMatchObject([{ code: 'fileUnreadable', severity: 'blocking', params: { error: 'notPdfOrDocx' } }]);
  });

  it('given an invalid signature (digest mismatch), then blocking', () => {
    const broken = signature('An Peeters', { integrity: 'failed', status: 'invalid', problems: [{ code: 'digestMismatch', severity: 'blocking' }] });
    expect(codes([signedForm('protocol', [broken])])).toEqual(['digestMismatch:blocking']);
  });

  it('given a cryptographic failure the verifier did not code, then blocking: signature invalid (read from the fields)', () => {
    expect(codes([signedForm('protocol', [signature('An Peeters', { cryptographic: 'failed', status: 'invalid' })])])).toEqual(['signatureInvalid:blocking']);
  });

  it('given a content change after signing, then blocking: modified after signing', () => {
    const modified = signature('An Peeters', {
      modifiedAfterSigning: true, status: 'invalid', laterRevisions: [{ revision: 2, changes: ['pageContent'] }],
      problems: [{ code: 'modifiedAfterSigning', severity: 'blocking', params: { revision: 2, change: 'pageContent' } }]
    });
    expect(signedSetFindings([signedForm('protocol', [modified])], context)).toMatchObject([{ code: 'modifiedAfterSigning', severity: 'blocking', params: { revision: 2 } }]);
  });

  it('given an untrusted chain or an incomplete one, then blocking', () => {
    expect(codes([signedForm('protocol', [signature('An Peeters', { chain: 'untrusted', status: 'indeterminate' })])])).toEqual(['chainUntrusted:blocking']);
    expect(codes([signedForm('protocol', [signature('An Peeters', { chain: 'incomplete', status: 'indeterminate' })])])).toEqual(['chainIncomplete:blocking']);
  });

  it('given a signer who is neither authorised nor mandated, then blocking: signer not allowed, with name and reason', () => {
    const findings = signedSetFindings([signedForm('protocol', [signature('Xavier Elders')], 'Xavier Elders')], context);
    expect(findings).toMatchObject([{ code: 'signerNotAllowed', severity: 'blocking', signatureIndex: 0, params: { name: 'Xavier Elders', reason: 'notListed' } }]);
  });

  it('given a signer covered only by a mandate document in the dossier, then not blocked but a warning: the DPO team checks the mandate', () => {
    const ctx = { ...context, mandatesInDossier: [{ mandatedPerson: 'Xavier Elders', documentId: 'm', fileName: 'volmacht.pdf' }] };
    const findings = signedSetFindings([signedForm('protocol', [signature('Xavier Elders')], 'Xavier Elders')], ctx);
    expect(findings).toMatchObject([{ code: 'mandateToCheck', severity: 'warning', params: { name: 'Xavier Elders', fileName: 'volmacht.pdf' } }]);
  });

  it('given a typed signatory who is not among the signers, then blocking: typed signatory differs', () => {
    const findings = signedSetFindings([signedForm('protocol', [signature('An Peeters')], 'Piet Pieters')], context);
    expect(findings).toMatchObject([{ code: 'typedSignatoryDiffers', severity: 'blocking', params: { typed: 'Piet Pieters', signers: 'An Peeters' } }]);
    expect(findings[0].signatureIndex).toBeUndefined();
  });

  it('given a PDF without a typed signatory, then only the signatures are judged', () => {
    expect(codes([signedForm('protocol', [signature('An Peeters')], undefined)])).toEqual([]);
  });

  it('given a non-qualified certificate and an unchecked revocation, then two warnings', () => {
    const plain = signature('An Peeters', { signer: certificate('An Peeters', { qualified: notQualifiedStatus }), revocation: 'notChecked' });
    expect(codes([signedForm('protocol', [plain])])).toEqual(['revocationNotChecked:warning', 'notQualified:warning']);
  });

  it('given the problems the verifier coded, then each counts once (no duplicate from the fields)', () => {
    const plain = signature('An Peeters', {
      revocation: 'notChecked', problems: [{ code: 'revocationNotChecked', severity: 'warning' }]
    });
    expect(codes([signedForm('protocol', [plain])])).toEqual(['revocationNotChecked:warning']);
  });

  it('given a signature made before the decision, then a warning with both times', () => {
    const early = signature('An Peeters', { signingTime: '2026-01-10T10:00:00.000Z' });
    expect(signedSetFindings([signedForm('protocol', [early])], context)).toMatchObject([
      { code: 'signedBeforeDecision', severity: 'warning', params: { signingTime: '2026-01-10T10:00:00.000Z', decisionAt: '2026-01-20T10:00:00.000Z' } }
    ]);
  });

  it('given a form registered without a report, then a warning (typed signatory) or blocking (none)', () => {
    const legacy: DocumentRegistration = { id: 'p', kind: 'protocol', fileName: 'p.docx', version: '1.0', signatory: { name: 'An Peeters', capacity: 'verwerkingsverantwoordelijke' } };
    expect(codes([legacy])).toEqual(['notVerified:warning']);
    expect(codes([{ ...legacy, signatory: undefined }])).toEqual(['noSignature:blocking']);
  });

  it('given a mandate document, then it is not judged', () => {
    expect(codes([{ id: 'm', kind: 'mandate', fileName: 'volmacht.pdf', version: '1.0' }])).toEqual([]);
  });

  it('given an acceptance for the same version, code and signature, then the warning is accepted; for another version not', () => {
    const plain = signedForm('protocol', [signature('An Peeters', { revocation: 'notChecked' })]);
    const acceptance = { documentId: plain.id, version: '1.0', signatureIndex: 0, code: 'revocationNotChecked' as const, reason: 'Offline', by: { id: 'a', displayName: 'A' }, at: '2026-02-03T00:00:00.000Z' };
    expect(signedSetFindings([plain], { ...context, acceptances: [acceptance] })[0].accepted).toEqual(acceptance);
    expect(signedSetFindings([{ ...plain, version: '2.0' }], { ...context, acceptances: [acceptance] })[0].accepted).toBeUndefined();
  });

  it('every code has a severity and a Dutch and English title and explanation', () => {
    for (const code of signatureFindingCodes) {
      expect(['blocking', 'warning']).toContain(signedSetSeverity[code]);
      for (const lang of ['nl', 'en'] as const) {
        expect(signatureFindingTitle(code, lang)).not.toBe(code);
        expect(signatureFindingExplanation({ code }, lang).length).toBeGreaterThan(20);
      }
    }
    expect(Object.keys(signedSetSeverity).sort()).toEqual([...signatureFindingCodes].sort());
  });

  it('explains a signer without permission with the reason and fills the parameters', () => {
    expect(signatureFindingExplanation({ code: 'signerNotAllowed', params: { name: 'Xavier Elders', reason: 'institutionUnknown' } }, 'nl')).toBe(
      'Xavier Elders staat niet in het register van de instelling als verwerkingsverantwoordelijke, wettelijk vertegenwoordiger of gevolmachtigde. ' +
        'De instelling staat niet in het register Instellingen en het dossier bevat geen volmacht voor deze persoon. Voeg de instelling toe of vraag het bewijs van volmacht.'
    );
    expect(signatureFindingExplanation({ code: 'signerNotAllowed', params: { name: '', reason: 'noName' } }, 'en')).toMatch(/^The signer is not in/);
  });
});

const team = actors.team;
const register = (documents: readonly DocumentRegistration[], extra: Partial<Command> = {}): Command =>
  ({ type: 'registerSignedDocuments', commandId: nextId(), documents, ...extra }) as Command;

const standardSigned = (sign: (kind: DocumentRegistration['kind']) => DocumentRegistration = good): DocumentRegistration[] =>
  [sign('aanvraagformulier'), sign('verklaringTOM'), sign('protocol')];

describe('registerSignedDocuments with reports', () => {
  const history = eventsIn('awaitingSignatures');

  it('given a complete set with valid signatures of an authorised signatory, when registered, then the set completes and the institution is recorded', () => {
    const events = given(history).when(register(standardSigned(), { institution: universiteit }), team).thenEvents([
      { type: 'SignedDocumentsRegistered', institution: universiteit }, { type: 'SignedSetCompleted' }
    ]);
    const dossier = replay(events)!;
    expect(dossier.state).toBe('awaitingCountersignature');
    expect(dossier.signerInstitution).toEqual(universiteit);
    expect(dossier.documents.filter((d) => d.phase === 'signed').every((d) => d.signatures?.readable)).toBe(true);
  });

  it('given a PDF signed with the eID and no typed signatory, when registered, then it counts as signed', () => {
    const pdfs = standardSigned((kind) => signedForm(kind, [signature('An Peeters')], undefined));
    given(history).when(register(pdfs, { institution: universiteit }), team).thenEvents([{ type: 'SignedDocumentsRegistered' }, { type: 'SignedSetCompleted' }]);
  });

  it('given a complete set with a blocking finding, when registered, then the documents are recorded but the dossier stays awaiting signatures, with a warning', () => {
    const set = [good('aanvraagformulier'), good('verklaringTOM'), signedForm('protocol', [signature('Xavier Elders')], 'Xavier Elders')];
    const then = given(history).when(register(set, { institution: universiteit }), team);
    const events = then.thenEvents([{ type: 'SignedDocumentsRegistered' }]);
    expect(replay(events)!.state).toBe('awaitingSignatures');
    if (!then.result.ok) return;
    expect(then.result.warnings.map((w) => formatError(w, 'nl'))).toEqual([
      'Geregistreerd, maar 1 blokkerende bevinding(en) bij de handtekeningen houden de set tegen voor medeondertekening.'
    ]);
  });

  it('given the blocking document replaced by a good one later, when registered, then the set completes', () => {
    const set = [good('aanvraagformulier'), good('verklaringTOM'), signedForm('protocol', [signature('Xavier Elders')], 'Xavier Elders')];
    const first = given(history).when(register(set, { institution: universiteit }), team).thenEvents([{ type: 'SignedDocumentsRegistered' }]);
    given(first).when(register([{ ...good('protocol'), id: 'protocol-2', version: '2.0' }], { institution: universiteit }), team)
      .thenEvents([{ type: 'SignedDocumentsRegistered' }, { type: 'SignedSetCompleted' }]);
  });

  it('given a complete set with warnings only, when registered, then the set completes and the warnings are announced', () => {
    const set = standardSigned((kind) => signedForm(kind, [signature('An Peeters', { revocation: 'notChecked' })]));
    const then = given(history).when(register(set, { institution: universiteit }), team);
    then.thenEvents([{ type: 'SignedDocumentsRegistered' }, { type: 'SignedSetCompleted' }]);
    if (then.result.ok) expect(then.result.warnings.map((w) => w.code)).toEqual(['dossier.warning.signatureWarnings']);
  });

  it('given no institution in the register and no mandate, when registered, then blocked: the signer cannot be matched', () => {
    given(history).when(register(standardSigned()), team).thenEvents([{ type: 'SignedDocumentsRegistered' }]);
  });

  it('given a form with neither a signature nor a typed signatory, when registered, then refused (signedDocumentsSigned)', () => {
    const unsigned: DocumentRegistration = { id: 'p', kind: 'protocol', fileName: 'p.pdf', version: '1.0', signatures: fileReport('p.pdf', []) };
    given(history).when(register([unsigned]), team).thenErrors(['dossier.error.signedDocumentUnsigned']);
  });
});

describe('acceptSignatureWarning', () => {
  const history = eventsIn('awaitingSignatures');
  const warned = standardSigned((kind) => signedForm(kind, [signature('An Peeters', { revocation: 'notChecked' })]));
  const accept = (extra: Partial<Command> = {}): Command =>
    ({ type: 'acceptSignatureWarning', commandId: nextId(), documentId: 'protocol-signed', signatureIndex: 0, code: 'revocationNotChecked', reason: ' Offline gecontroleerd via OCSP. ', ...extra }) as Command;

  it('given a warning of the signed set, when the DPO team accepts it with a reason, then the event records version and reason, and the finding shows it', () => {
    const registered = given(history).when(register(warned, { institution: universiteit }), team).thenEvents([{ type: 'SignedDocumentsRegistered' }, { type: 'SignedSetCompleted' }]);
    const events = given(registered).when(accept(), team).thenEvents([
      { type: 'SignatureWarningAccepted', documentId: 'protocol-signed', version: '1.0', signatureIndex: 0, code: 'revocationNotChecked', reason: 'Offline gecontroleerd via OCSP.' }
    ]);
    const dossier = replay(events)!;
    expect(dossier.state).toBe('awaitingCountersignature');
    const finding = dossierSignedSetFindings(dossier).find((f) => f.documentId === 'protocol-signed');
    expect(finding?.accepted).toMatchObject({ reason: 'Offline gecontroleerd via OCSP.', by: { id: team.id } });
  });

  it('given an accepted warning, when accepted again, then refused', () => {
    const registered = given(history).when(register(warned, { institution: universiteit }), team).thenEvents([{}, {}]);
    const accepted = given(registered).when(accept(), team).thenEvents([{}]);
    given(accepted).when(accept(), team).thenErrors(['dossier.error.signatureWarningAlreadyAccepted']);
  });

  it('given a blocking finding, when the team tries to accept it, then refused', () => {
    const set = [good('aanvraagformulier'), good('verklaringTOM'), signedForm('protocol', [signature('Xavier Elders')], 'Xavier Elders')];
    const registered = given(history).when(register(set, { institution: universiteit }), team).thenEvents([{}]);
    given(registered).when(accept({ code: 'signerNotAllowed' } as Partial<Command>), team).thenErrors(['dossier.error.signatureFindingBlocking']);
  });

  it('given no such finding or no reason, then refused', () => {
    const registered = given(history).when(register(warned, { institution: universiteit }), team).thenEvents([{}, {}]);
    given(registered).when(accept({ code: 'notQualified' } as Partial<Command>), team).thenErrors(['dossier.error.signatureFindingUnknown']);
    given(registered).when(accept({ signatureIndex: 3 } as Partial<Command>), team).thenErrors(['dossier.error.signatureFindingUnknown']);
    given(registered).when(accept({ reason: '  ' } as Partial<Command>), team).thenErrors(['dossier.error.reasonRequired']);
  });

  it('given a statistician, when accepting, then forbidden; after countersignature, then wrong state', () => {
    const registered = given(history).when(register(warned, { institution: universiteit }), team).thenEvents([{}, {}]);
    const result = given(registered).when(accept(), actors.statistician).result;
    expect(result.ok ? [] : result.errors.map((e) => e.kind)).toContain('forbidden');
    // The countersigned original: the requester's signed protocol with the Chief Statistician's signature added.
    const original = { ...signedForm('protocol', [signature('An Peeters', { revocation: 'notChecked' }), signature(actors.chief.displayName)]), id: 'protocol-cs', fileName: 'protocol-cs.pdf' };
    const signed = given(registered).when({ type: 'countersign', commandId: nextId(), number: 'PROT-2026-001', documents: [original] } as Command, actors.chief).thenEvents([{ type: 'Countersigned' }]);
    const late = given(signed).when(accept(), team).result;
    expect(late.ok ? [] : late.errors.map((e) => e.kind)).toContain('wrongState');
  });
});

describe('older dossiers', () => {
  it('given a snapshot stored before signature acceptances existed, then it loads with an empty list', () => {
    const dossier = replay(eventsIn('awaitingSignatures'))!;
    const { signatureAcceptances: _ignored, ...old } = dossier;
    expect(withCurrentShape(old as Dossier).signatureAcceptances).toEqual([]);
  });

  it('given a SignedDocumentsRegistered event without reports or institution, then it folds as before', () => {
    const history = eventsIn('awaitingSignatures');
    const event: DossierEvent = {
      id: 'old:0', dossierReference: history[0].dossierReference, actor: actors.team, at: '2026-03-01T00:00:00.000Z',
      type: 'SignedDocumentsRegistered', documents: [{ id: 'p', kind: 'protocol', fileName: 'p.docx', version: '1.0', signatory: { name: 'A B', capacity: 'verwerkingsverantwoordelijke' } }]
    };
    const dossier = evolve(replay(history), event);
    expect(dossier.signerInstitution).toBeUndefined();
    expect(dossierSignedSetFindings(dossier).map((f) => f.code)).toContain('notVerified');
  });
});

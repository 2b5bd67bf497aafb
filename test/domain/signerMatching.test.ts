import { matchSigner, normalizePersonName, samePersonName, signerName, typedSignatoryMatches, validOn } from '../../src/domain/signerMatching';
import { certificate, signature, universiteit } from '../support/signatureReports';

describe('normalizePersonName', () => {
  it.each([
    ['An Peeters', 'Peeters An'],
    ['An Peeters', 'PEETERS, An'],
    ['An  Peeters', ' an peeters '],
    ['An Peeters (Signature)', 'An Peeters'],
    ['An Peeters (Authentication)', 'An Peeters'],
    ['Élodie Müller-Dupré', 'elodie muller dupre'],
    ["Jan D'Hondt", "d'hondt jan"]
  ])('given "%s" and "%s", then both normalise alike', (a, b) => {
    expect(normalizePersonName(a)).toBe(normalizePersonName(b));
    expect(samePersonName(a, b)).toBe(true);
  });

  it('given different people, then they differ', () => {
    expect(samePersonName('An Peeters', 'Ann Peeters')).toBe(false);
    expect(samePersonName('An Peeters', 'An Peeters Janssens')).toBe(false);
  });

  it('given blank names, then no two blanks are the same person', () => {
    expect(normalizePersonName('  ')).toBe('');
    expect(samePersonName('', '')).toBe(false);
    expect(samePersonName(undefined, ' (Signature)')).toBe(false);
  });
});

describe('signerName', () => {
  it('given a common name, then it is the name (without an eID suffix)', () => {
    expect(signerName(signature('An Peeters'))).toBe('An Peeters');
    expect(signerName({ signer: certificate('An Peeters', { commonName: 'An Peeters (Signature)' }) })).toBe('An Peeters');
  });

  it('given no common name, then given name and surname', () => {
    expect(signerName({ signer: certificate('An Peeters', { commonName: undefined }) })).toBe('An Peeters');
  });

  it('given no certificate or no names, then no name (a PDF /Name never counts: the report has none)', () => {
    expect(signerName(signature(undefined))).toBeUndefined();
    expect(signerName({ signer: certificate('X', { commonName: ' ', givenName: undefined, surname: undefined }) })).toBeUndefined();
  });
});

describe('validOn', () => {
  it('is inclusive at both ends and open-ended without validTo', () => {
    expect(validOn({ validFrom: '2026-01-01', validTo: '2026-01-31' }, '2026-01-01')).toBe(true);
    expect(validOn({ validFrom: '2026-01-01', validTo: '2026-01-31' }, '2026-01-31')).toBe(true);
    expect(validOn({ validFrom: '2026-01-01', validTo: '2026-01-31' }, '2026-02-01')).toBe(false);
    expect(validOn({ validFrom: '2026-01-01' }, '2099-01-01')).toBe(true);
    expect(validOn({ validFrom: '2026-01-01' }, '2025-12-31')).toBe(false);
  });
});

describe('matchSigner', () => {
  const at = '2026-02-01T10:00:00.000Z';

  it('given an authorised signatory valid at the signing time (name in another order), then authorised with the capacity', () => {
    expect(matchSigner(signature('Peeters An'), universiteit, [], at)).toEqual({ kind: 'authorised', name: 'Peeters An', capacity: 'verwerkingsverantwoordelijke' });
  });

  it('given a signatory whose period ended before the signing time, then none: not valid at signing time', () => {
    expect(matchSigner(signature('Jan Janssens'), universiteit, [], at)).toEqual({ kind: 'none', name: 'Jan Janssens', reason: 'notValidAtSigningTime' });
    expect(matchSigner(signature('Jan Janssens'), universiteit, [], '2025-12-31T23:00:00.000Z')).toMatchObject({ kind: 'authorised', capacity: 'wettelijk vertegenwoordiger' });
  });

  it('given a mandate in the register valid then, then mandated from the register', () => {
    expect(matchSigner(signature('Piet Pieters'), universiteit, [], at)).toEqual({
      kind: 'mandated', name: 'Piet Pieters', source: 'register', scope: 'protocollen met Statistiek Vlaanderen', documentFileName: 'volmacht-pieters.pdf'
    });
    expect(matchSigner(signature('Piet Pieters'), universiteit, [], '2025-06-01T10:00:00.000Z')).toMatchObject({ kind: 'none', reason: 'notValidAtSigningTime' });
  });

  it('given a mandate document in the dossier for the signer, then mandated from the dossier (even without a register entry)', () => {
    const mandates = [{ mandatedPerson: 'Karel Contact', documentId: 'm1', fileName: 'volmacht.pdf' }];
    expect(matchSigner(signature('Karel Contact'), undefined, mandates, at)).toEqual({
      kind: 'mandated', name: 'Karel Contact', source: 'dossier', documentId: 'm1', documentFileName: 'volmacht.pdf'
    });
  });

  it('given a stranger, then none: not listed; without a register entry: institution unknown', () => {
    expect(matchSigner(signature('Xavier Elders'), universiteit, [], at)).toEqual({ kind: 'none', name: 'Xavier Elders', reason: 'notListed' });
    expect(matchSigner(signature('An Peeters'), undefined, [], at)).toEqual({ kind: 'none', name: 'An Peeters', reason: 'institutionUnknown' });
  });

  it('given a certificate naming no one, then none: no name', () => {
    expect(matchSigner(signature(undefined), universiteit, [], at)).toEqual({ kind: 'none', reason: 'noName' });
  });
});

describe('typedSignatoryMatches', () => {
  it('given the typed name of one of the signers (normalised), then true; another name, then false', () => {
    const signatures = [signature('Piet Pieters'), signature('An Peeters')];
    expect(typedSignatoryMatches({ name: 'peeters an' }, signatures)).toBe(true);
    expect(typedSignatoryMatches({ name: 'Jan Janssens' }, signatures)).toBe(false);
  });
});

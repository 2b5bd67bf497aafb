import {
  draftCompleteness,
  isRequesterEligible,
  isSimplifiedAllowed,
  signedCompleteness,
  simplifiedConditionErrors
} from '../../src/domain';
import { doc, draftSet, individual, organisation, signedSet } from './support/fixtures';

describe('eligibility', () => {
  it('refuses only an individual without institution', () => {
    expect(isRequesterEligible(organisation)).toBe(true);
    expect(isRequesterEligible(individual)).toBe(false);
    expect(isRequesterEligible({ ...individual, institution: '  ' })).toBe(false);
    expect(isRequesterEligible({ ...individual, institution: 'KU Voorbeeld' })).toBe(true);
    expect(isRequesterEligible(undefined)).toBe(false);
  });
});

describe('draft completeness', () => {
  it('standard needs the three standard documents', () => {
    expect(draftCompleteness('standard', draftSet('standard')).complete).toBe(true);
    expect(draftCompleteness('standard', draftSet('standard').slice(0, 2))).toEqual({ complete: false, missing: ['protocol'], mandateMissingFor: [] });
  });

  it('simplified needs the simplified form only', () => {
    expect(draftCompleteness('simplified', draftSet('simplified')).complete).toBe(true);
    expect(draftCompleteness('simplified', draftSet('standard')).missing).toEqual(['vereenvoudigdAanvraagformulier']);
  });
});

describe('signed completeness', () => {
  it('standard: three signed documents', () => {
    expect(signedCompleteness('standard', signedSet('standard')).complete).toBe(true);
    expect(signedCompleteness('standard', draftSet('standard')).missing).toEqual(['aanvraagformulier', 'verklaringTOM', 'protocol']);
  });

  it('simplified: signed form + signed addendum', () => {
    expect(signedCompleteness('simplified', signedSet('simplified')).complete).toBe(true);
    expect(signedCompleteness('simplified', signedSet('simplified').slice(0, 1)).missing).toEqual(['addendum']);
  });

  it('a signatory acting by delegation requires a mandate document', () => {
    const delegated = signedSet('standard', 'gevolmachtigde');
    expect(signedCompleteness('standard', delegated)).toEqual({
      complete: false, missing: [], mandateMissingFor: [{ name: 'Signer s', capacity: 'gevolmachtigde' }]
    });
    expect(signedCompleteness('standard', [...delegated, doc('mandate', 'm')]).complete).toBe(true);
  });
});

describe('simplified-procedure conditions', () => {
  const parent = { number: 'PROT-2025-004', dossierReference: 'VSA-2025-0007', state: 'published' as const };

  it('accepts one or more of the four reasons with a published or delivered parent', () => {
    expect(isSimplifiedAllowed(['extension'], parent)).toBe(true);
    expect(isSimplifiedAllowed(['addVariables', 'newPurposes', 'identityChange'], { ...parent, state: 'delivered' })).toBe(true);
  });

  it('lists every violation', () => {
    const codes = simplifiedConditionErrors('simplified', ['verlenging' as never], { ...parent, state: 'awaitingSignatures' }).map((e) => e.code);
    expect(codes).toEqual(['dossier.error.unknownSimplifiedReason', 'dossier.error.parentProtocolNotPublished']);
    expect(simplifiedConditionErrors('simplified', [], undefined).map((e) => e.code)).toEqual([
      'dossier.error.simplifiedReasonRequired', 'dossier.error.parentProtocolRequired'
    ]);
    expect(simplifiedConditionErrors('simplified', ['extension'], { ...parent, number: '4' }).map((e) => e.code)).toEqual(['dossier.error.invalidParentProtocolNumber']);
  });

  it('refuses simplified fields on a standard request', () => {
    expect(simplifiedConditionErrors('standard', ['extension'], undefined).map((e) => e.code)).toEqual(['dossier.error.simplifiedFieldsNotAllowed']);
    expect(simplifiedConditionErrors('standard', undefined, undefined)).toEqual([]);
  });
});

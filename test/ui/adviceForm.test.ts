import { decide, type Command, type Dossier } from '../../src/domain';
import { adviceCriterionIds } from '../../src/domain/advice';
import { adviceCommand, adviceFieldErrors, initialAdviceDraft, suggestedOutcome, type AdviceDraft } from '../../src/ui/dialogs/adviceForm';
import { actors, dossierIn } from '../webparts/approvals/support/dossiers';
import { adequateCriteria } from '../support/adviceCriteria';

const now = '2026-11-25T12:00:00.000Z';

function deliberating(): Dossier {
  const dossier = dossierIn('deliberation', 'VSA-2026-0001', now, 2);
  return {
    ...dossier,
    requestedData: {
      surveys: ['SV-bevraging 2023-1'], variablesCount: 2,
      variables: [{ name: 'leeftijd', justification: 'Leeftijdsgroepen.' }, { name: 'postcode', justification: 'Regio.' }]
    }
  };
}

/** Every criterion adequate with a reason, every variable needed: a complete favourable advice. */
function completeDraft(dossier: Dossier): AdviceDraft {
  const draft = initialAdviceDraft(dossier);
  return {
    ...draft,
    outcome: 'favourable',
    text: 'Gunstig advies.',
    criteria: draft.criteria.map((criterion) => ({
      ...criterion,
      assessment: 'adequate',
      text: `In orde (${criterion.id}).`,
      article: criterion.id === 'legalBasis' ? 'art. 6.1.e AVG' : '',
      variables: criterion.variables.map((variable) => ({ ...variable, necessity: 'needed' }))
    }))
  };
}

const give = (dossier: Dossier, draft: AdviceDraft) => decide(dossier, { ...adviceCommand(draft), commandId: 'c1' } as Command, actors.dpo, now);

describe('initialAdviceDraft', () => {
  it('has one block per criterion in the order of the domain, and one row per requested variable under necessity', () => {
    const draft = initialAdviceDraft(deliberating());
    expect(draft.criteria.map((criterion) => criterion.id)).toEqual([...adviceCriterionIds]);
    const necessity = draft.criteria.find((criterion) => criterion.id === 'necessity');
    expect(necessity?.variables.map((variable) => variable.name)).toEqual(['leeftijd', 'postcode']);
    expect(necessity?.variables[0]).toMatchObject({ necessity: undefined, conditionCategory: 'variables' });
    expect(draft.criteria.find((criterion) => criterion.id === 'retention')?.conditionCategory).toBe('retention');
    expect(draft.outcome).toBeUndefined();
  });

  it('starts from the earlier advice when the dossier came back to deliberation', () => {
    const earlier = adequateCriteria('art. 6.1.e AVG').map((criterion) =>
      criterion.id === 'retention' ? { ...criterion, assessment: 'adequateWithCondition' as const, recommendedCondition: { text: 'Vernietigen na 5 jaar.', category: 'retention' as const } } : criterion);
    const dossier: Dossier = { ...deliberating(), advice: { outcome: 'favourableWithConditions', legalBasis: 'art. 6.1.e AVG', text: 'Eerder advies.', criteria: earlier, by: { id: 'd', displayName: 'Dirk' }, at: now } };
    const draft = initialAdviceDraft(dossier);
    expect(draft).toMatchObject({ outcome: 'favourableWithConditions', text: 'Eerder advies.' });
    expect(draft.criteria.find((criterion) => criterion.id === 'legalBasis')?.article).toBe('art. 6.1.e AVG');
    expect(draft.criteria.find((criterion) => criterion.id === 'retention')).toMatchObject({ assessment: 'adequateWithCondition', conditionText: 'Vernietigen na 5 jaar.' });
  });
});

describe('adviceCommand', () => {
  it('gives a payload the domain accepts for a complete advice, with the article as the one-line legal basis', () => {
    const dossier = deliberating();
    const payload = adviceCommand(completeDraft(dossier));
    expect(payload.legalBasis).toBe('art. 6.1.e AVG');
    expect(payload.criteria.find((criterion) => criterion.id === 'necessity')?.variables).toEqual([{ name: 'leeftijd', necessity: 'needed' }, { name: 'postcode', necessity: 'needed' }]);
    expect(payload.criteria.find((criterion) => criterion.id === 'retention')).not.toHaveProperty('recommendedCondition');
    const result = give(dossier, completeDraft(dossier));
    expect(result.ok).toBe(true);
  });

  it('carries a variable condition only for "needed with condition", and the guard asks for its text', () => {
    const dossier = deliberating();
    const draft = completeDraft(dossier);
    const withCondition: AdviceDraft = {
      ...draft,
      outcome: 'favourableWithConditions',
      criteria: draft.criteria.map((criterion) => criterion.id !== 'necessity' ? criterion : {
        ...criterion,
        variables: [{ ...criterion.variables[0], necessity: 'neededWithCondition', conditionText: '' }, { ...criterion.variables[1], necessity: 'notNeeded', conditionText: 'vergeten' }]
      })
    };
    const refused = give(dossier, withCondition);
    expect(refused.ok).toBe(false);
    const errors = refused.ok ? [] : refused.errors;
    expect(errors.map((error) => error.params?.field)).toContain('variables.leeftijd.condition');
    const fields = adviceFieldErrors(errors, 'nl');
    expect(fields.get('necessity.variables.leeftijd.condition')?.[0]).toContain('Noodzakelijkheid en minimale gegevensverwerking');
    expect(fields.get('outcome')?.[0]).toBe('Een gunstig advies onder voorwaarden beveelt minstens één voorwaarde aan.');
    const fixed = adviceCommand({
      ...withCondition,
      criteria: withCondition.criteria.map((criterion) => criterion.id !== 'necessity' ? criterion : { ...criterion, variables: [{ ...criterion.variables[0], conditionText: 'Enkel leeftijdsklassen.' }, criterion.variables[1]] })
    });
    expect(fixed.criteria.find((criterion) => criterion.id === 'necessity')?.variables).toEqual([
      { name: 'leeftijd', necessity: 'neededWithCondition', condition: { text: 'Enkel leeftijdsklassen.', category: 'variables' } },
      { name: 'postcode', necessity: 'notNeeded' }
    ]);
  });

  it('leaves an empty dialog empty: the guard refuses every missing part, and each refusal finds its field', () => {
    const dossier = deliberating();
    const refused = give(dossier, initialAdviceDraft(dossier));
    expect(refused.ok).toBe(false);
    const fields = adviceFieldErrors(refused.ok ? [] : refused.errors, 'nl');
    expect(fields.get('outcome')).toEqual(['Kies gunstig, gunstig onder voorwaarden of ongunstig advies.']);
    expect(fields.get('text')).toEqual(['De tekst van het advies ontbreekt.']);
    expect(fields.get('legalBasis.article')?.length).toBe(1);
    expect(fields.get('security.assessment')?.[0]).toBe('Het criterium "Beveiligingsmaatregelen" is onvolledig beoordeeld (beoordeling).');
    expect(fields.has('general')).toBe(false);
  });

  it('names the criterion and the outcome in the reader\'s language when they contradict', () => {
    const dossier = deliberating();
    const draft = completeDraft(dossier);
    const contradicting = { ...draft, criteria: draft.criteria.map((criterion) => criterion.id === 'linking' ? { ...criterion, assessment: 'inadequate' as const } : criterion) };
    const refused = give(dossier, contradicting);
    const fields = adviceFieldErrors(refused.ok ? [] : refused.errors, 'en');
    expect(fields.get('outcome')).toEqual(['A favourable advice does not fit the assessment of "Linking".']);
    expect(suggestedOutcome(contradicting)).toBe('unfavourable');
  });
});

describe('suggestedOutcome', () => {
  it('mirrors the guard as a hint: nothing assessed → none; a condition → favourable with conditions', () => {
    const dossier = deliberating();
    expect(suggestedOutcome(initialAdviceDraft(dossier))).toBeUndefined();
    const draft = completeDraft(dossier);
    expect(suggestedOutcome(draft)).toBe('favourable');
    expect(suggestedOutcome({ ...draft, criteria: draft.criteria.map((c) => c.id === 'publication' ? { ...c, conditionText: 'Geen cellen < 5.' } : c) })).toBe('favourableWithConditions');
  });
});

describe('the field a refusal names', () => {
  it('is shown in the reader\'s language, a variable by its name', async () => {
    const { formatError } = await import('../../src/domain/formatError');
    expect(formatError({ kind: 'guard', code: 'dossier.error.adviceCriterionInvalid', params: { criterion: 'necessity', field: 'variables.postcode.condition' } }, 'nl'))
      .toBe('Het criterium "Noodzakelijkheid en minimale gegevensverwerking" is onvolledig beoordeeld (voorwaarde voor postcode).');
    expect(formatError({ kind: 'guard', code: 'dossier.error.conditionInvalid', params: { conditionId: 'C2', field: 'dueDate' } }, 'en'))
      .toBe('Condition "C2" is incompletely described (due date missing or invalid).');
    expect(formatError({ kind: 'guard', code: 'dossier.error.invalidDate', params: { field: 'deliveredOn', value: 'x' } }, 'nl')).toBe('Ongeldige datum voor deliveredOn: "x".');
  });
});

import { adviceCriterionIds, adviceOutcomes, conditionCategories, criterionAssessments, decisionOutcomes, variableNecessities } from '../../src/domain/advice';
import {
  adviceCriterionHelp,
  adviceCriterionLabels,
  adviceOutcomeLabels,
  conditionCategoryLabels,
  conditionOwnerLabels,
  criterionAssessmentLabels,
  decisionOutcomeLabels,
  variableNecessityLabels
} from '../../src/domain/labels';

describe('labels of the structured advice and the conditions', () => {
  const tables: [string, Readonly<Record<string, Readonly<Record<'nl' | 'en', string>>>>, readonly string[]][] = [
    ['criteria', adviceCriterionLabels, adviceCriterionIds],
    ['criterion help', adviceCriterionHelp, adviceCriterionIds],
    ['assessments', criterionAssessmentLabels, criterionAssessments],
    ['necessities', variableNecessityLabels, variableNecessities],
    ['categories', conditionCategoryLabels, conditionCategories],
    ['owners', conditionOwnerLabels, ['requester', 'vsa']],
    ['advice outcomes', adviceOutcomeLabels, adviceOutcomes],
    ['decision outcomes', decisionOutcomeLabels, decisionOutcomes]
  ];

  it.each(tables)('label every value of the domain in Dutch and English (%s)', (_name, table, values) => {
    expect(Object.keys(table).sort()).toEqual([...values].sort());
    for (const value of values) {
      expect(table[value].nl.trim().length).toBeGreaterThan(0);
      expect(table[value].en.trim().length).toBeGreaterThan(0);
    }
    // Two values never share a label (a reader could not tell them apart).
    expect(new Set(values.map((value) => table[value].nl)).size).toBe(values.length);
  });

  it('are Dutch first', () => {
    expect(adviceCriterionLabels.purposeLimitation.nl).toBe('Doelbinding');
    expect(criterionAssessmentLabels.adequateWithCondition).toEqual({ nl: 'Toereikend onder voorwaarde', en: 'Adequate with condition' });
    expect(decisionOutcomeLabels.approvedWithConditions.nl).toBe('Goedgekeurd onder voorwaarden');
  });
});

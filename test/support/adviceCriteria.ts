import type { AdviceCriterion } from '../../src/domain/advice';
import { adviceCriterionIds } from '../../src/domain/advice';

/** Every criterion assessed adequate with a reason (the legal basis with its article): a complete favourable advice. */
export function adequateCriteria(article = 'Art. 6.1.e AVG'): AdviceCriterion[] {
  return adviceCriterionIds.map((id) => ({ id, assessment: 'adequate', text: `Beoordeling ${id}: in orde.`, ...(id === 'legalBasis' ? { article } : {}) }));
}

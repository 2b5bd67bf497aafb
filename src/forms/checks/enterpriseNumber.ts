/**
 * Belgian enterprise number (KBO/BCE): the rule lives in the domain beside the institution register
 * (`institutionRules.ts`); the form checks use the same one.
 */
export { isValidEnterpriseNumber, normalizeEnterpriseNumber } from '../../domain/institutionRules';

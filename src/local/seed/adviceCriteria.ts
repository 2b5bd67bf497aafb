/**
 * The DPO's structured advice as the demo dossiers carry it: every criterion assessed with the reasoning
 * a DPO writes, the variables of the request assessed one by one, and, for a rejected request, the
 * criterion that fails. Realistic text, no personal data.
 */
import type { AdviceCriterion, AdviceCriterionId, RecommendedCondition } from '../../domain/advice';

const reasoning: Readonly<Record<AdviceCriterionId, string>> = {
  legalBasis: 'De verwerking is noodzakelijk voor een taak van algemeen belang van de instelling.',
  purposeLimitation: 'De doeleinden zijn verenigbaar met de opdracht van de instelling en met het oorspronkelijke doel van de bevraging.',
  necessity: 'De gevraagde variabelen zijn nodig om de onderzoeksvragen te beantwoorden.',
  security: 'De verklaring over de technische en organisatorische maatregelen is volledig en passend.',
  retention: 'De bewaartermijn is beperkt tot de looptijd van het project; de vernietiging wordt bevestigd.',
  transferOutsideEea: 'Er is geen doorgifte buiten de EER.',
  linking: 'Er wordt niet gekoppeld met andere gegevens.',
  publication: 'Enkel geaggregeerde resultaten met een minimale celgrootte van 10 worden gepubliceerd.'
};

/**
 * All criteria assessed; `variables` (names) are each judged needed; `failing` marks one criterion inadequate;
 * `recommended` makes a criterion adequate with the condition the DPO recommends (an advice with conditions).
 */
export function seedAdviceCriteria(options: {
  readonly variables?: readonly string[];
  readonly failing?: AdviceCriterionId;
  readonly legalBasis: string;
  readonly recommended?: Readonly<Partial<Record<AdviceCriterionId, RecommendedCondition>>>;
}): AdviceCriterion[] {
  return (Object.keys(reasoning) as AdviceCriterionId[]).map((id): AdviceCriterion => {
    const failing = options.failing === id;
    const notApplicable = id === 'transferOutsideEea' || id === 'linking';
    const recommendedCondition = failing ? undefined : options.recommended?.[id];
    return {
      id,
      assessment: failing ? 'inadequate' : recommendedCondition ? 'adequateWithCondition' : notApplicable ? 'notApplicable' : 'adequate',
      text: failing ? 'De noodzaak van individuele gegevens is onvoldoende aangetoond.' : reasoning[id],
      ...(recommendedCondition ? { recommendedCondition } : {}),
      ...(id === 'legalBasis' ? { article: options.legalBasis } : {}),
      ...(id === 'necessity' && options.variables ? { variables: options.variables.map((name) => ({ name, necessity: failing ? 'notNeeded' as const : 'needed' as const })) } : {})
    };
  });
}

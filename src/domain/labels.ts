import type { AdviceCriterionId, AdviceOutcome, ConditionCategory, ConditionOwner, CriterionAssessment, DecisionOutcome, VariableNecessity } from './advice';
import { stateDefinition } from './states';
import type {
  CommandType,
  CorrespondenceKind,
  CorrespondenceRecord,
  DeliveryChannel,
  DocumentKind,
  Lang,
  ProcedureId,
  ResearchType,
  RoleRequirement,
  SimplifiedReason,
  StateId,
  StepInfo
} from './types';

type Labels<K extends string> = Readonly<Record<K, Readonly<Record<Lang, string>>>>;

/** Button/audit labels of the commands (verbs, Dutch first). */
export const commandLabels: Labels<CommandType> = {
  registerRequest: { nl: 'Aanvraag registreren', en: 'Register request' },
  assignStatistician: { nl: 'Statisticus toewijzen', en: 'Assign statistician' },
  requestForms: { nl: 'Formulieren opvragen', en: 'Request forms' },
  declareNotAdmissible: { nl: 'Niet ontvankelijk verklaren', en: 'Declare not admissible' },
  registerDraftDocuments: { nl: 'Ontwerpdocumenten registreren', en: 'Register draft documents' },
  returnForChanges: { nl: 'Terugsturen met opmerkingen', en: 'Return with comments' },
  startDeliberation: { nl: 'Beraad starten', en: 'Start deliberation' },
  giveAdvice: { nl: 'Advies geven', en: 'Give advice' },
  decide: { nl: 'Beslissen', en: 'Decide' },
  requestMoreInformation: { nl: 'Bijkomende informatie vragen', en: 'Request more information' },
  registerSignedDocuments: { nl: 'Ondertekende documenten registreren', en: 'Register signed documents' },
  countersign: { nl: 'Ondertekenen', en: 'Countersign' },
  publish: { nl: 'Publiceren', en: 'Publish' },
  registerDelivery: { nl: 'Levering registreren', en: 'Register delivery' },
  withdraw: { nl: 'Intrekken', en: 'Withdraw' },
  addComment: { nl: 'Opmerking toevoegen', en: 'Add comment' },
  recordFindings: { nl: 'Bevindingen vastleggen', en: 'Record findings' },
  changeFindingStatus: { nl: 'Status van een bevinding wijzigen', en: 'Change a finding\'s status' },
  recordConditionMet: { nl: 'Voorwaarde vervuld', en: 'Condition met' },
  acceptSignatureWarning: { nl: 'Waarschuwing bij handtekening aanvaarden', en: 'Accept signature warning' },
  recordCorrespondence: { nl: 'E-mail registreren', en: 'Record e-mail' },
  // Lifecycle (issue 16).
  confirmDestruction: { nl: 'Vernietiging bevestigen', en: 'Confirm destruction' },
  revokeProtocol: { nl: 'Protocol intrekken', en: 'Revoke protocol' }
};

/** Labels of the directions of a recorded mail. */
export const correspondenceDirectionLabels: Labels<CorrespondenceRecord['direction']> = {
  outgoing: { nl: 'Verstuurd', en: 'Sent' },
  incoming: { nl: 'Ontvangen', en: 'Received' }
};

/** Labels of the kinds of a recorded mail (what the mail was about). */
export const correspondenceKindLabels: Labels<CorrespondenceKind> = {
  requestForms: { nl: 'Formulieren opgevraagd', en: 'Forms requested' },
  returnWithComments: { nl: 'Teruggestuurd met opmerkingen', en: 'Returned with comments' },
  decision: { nl: 'Beslissing meegedeeld', en: 'Decision communicated' },
  requestSignatures: { nl: 'Ondertekening gevraagd', en: 'Signatures requested' },
  countersignedProtocol: { nl: 'Ondertekend protocol verstuurd', en: 'Countersigned protocol sent' },
  deliveryNotice: { nl: 'Levering gemeld', en: 'Delivery announced' },
  protocolEndReminder: { nl: 'Einde protocol gemeld', en: 'Protocol end announced' },
  notAdmissible: { nl: 'Niet-ontvankelijkheid gemeld', en: 'Inadmissibility communicated' },
  requesterReminder: { nl: 'Herinnering aan de aanvrager verstuurd', en: 'Reminder to the requester sent' },
  destructionRequest: { nl: 'Vernietiging gevraagd', en: 'Destruction requested' },
  incoming: { nl: 'E-mail van de aanvrager', en: 'Mail from the requester' }
};

/** Labels of the document kinds (form titles shortened). */
export const documentKindLabels: Labels<DocumentKind> = {
  aanvraagformulier: { nl: 'Aanvraagformulier', en: 'Application form' },
  verklaringTOM: { nl: 'Verklaring technische en organisatorische maatregelen', en: 'Statement of technical and organisational measures' },
  protocol: { nl: 'Protocol', en: 'Protocol' },
  vereenvoudigdAanvraagformulier: { nl: 'Vereenvoudigd aanvraagformulier', en: 'Simplified application form' },
  addendum: { nl: 'Addendum', en: 'Addendum' },
  mandate: { nl: 'Bewijs van volmacht/delegatie', en: 'Proof of mandate/delegation' },
  publicationVersion: { nl: 'Publicatieversie', en: 'Publication version' },
  destructionStatement: { nl: 'Verklaring van vernietiging', en: 'Statement of destruction' }
};

/** Labels of the reasons for the simplified procedure (procedure text). */
export const simplifiedReasonLabels: Labels<SimplifiedReason> = {
  extension: { nl: 'Verlenging', en: 'Extension' },
  addVariables: { nl: 'Toevoeging variabelen', en: 'Additional variables' },
  newPurposes: { nl: 'Nieuwe doeleinden', en: 'New purposes' },
  identityChange: { nl: 'Wijziging identiteit instelling', en: 'Change of institution identity' }
};

/** Labels of the roles as the table names them (groups in workflow.md). */
export const roleLabels: Labels<RoleRequirement> = {
  dpoTeam: { nl: 'VSA DPO-team', en: 'VSA DPO team' },
  statistician: { nl: 'VSA Statistici', en: 'VSA Statisticians' },
  dpo: { nl: 'VSA DPO', en: 'VSA DPO' },
  chiefStatistician: { nl: 'VSA Hoofdstatisticus', en: 'VSA Chief Statistician' },
  assignedStatistician: { nl: 'toegewezen statisticus', en: 'assigned statistician' },
  anyVsaRole: { nl: 'VSA-medewerker', en: 'VSA staff member' }
};

/** Labels of the procedures. */
export const procedureLabels: Labels<ProcedureId> = {
  standard: { nl: 'Standaardprocedure', en: 'Standard procedure' },
  simplified: { nl: 'Vereenvoudigde procedure', en: 'Simplified procedure' }
};

/** Dutch (or English) label of a state, exactly as in workflow.md. */
export function stateLabel(state: StateId, lang: Lang): string {
  return stateDefinition(state).label[lang];
}

/** Label of a command. */
export function commandLabel(command: CommandType, lang: Lang): string {
  return commandLabels[command][lang];
}

/** Label of the kind of a recorded mail. */
export function correspondenceKindLabel(kind: CorrespondenceKind, lang: Lang): string {
  return correspondenceKindLabels[kind][lang];
}

/** Label of the direction of a recorded mail. */
export function correspondenceDirectionLabel(direction: CorrespondenceRecord['direction'], lang: Lang): string {
  return correspondenceDirectionLabels[direction][lang];
}

/** Label of a document kind. */
export function documentKindLabel(kind: DocumentKind, lang: Lang): string {
  return documentKindLabels[kind][lang];
}

/** Label of a simplified-procedure reason. */
export function simplifiedReasonLabel(reason: SimplifiedReason, lang: Lang): string {
  return simplifiedReasonLabels[reason][lang];
}

/** Label of a role requirement. */
export function roleLabel(role: RoleRequirement, lang: Lang): string {
  return roleLabels[role][lang];
}

export const researchTypeLabels: Labels<ResearchType> = {
  statistisch: { nl: 'Statistisch onderzoek', en: 'Statistical research' },
  beleidsvoorbereidend: { nl: 'Beleidsvoorbereidend onderzoek', en: 'Policy-preparatory research' },
  wetenschappelijk: { nl: 'Wetenschappelijk onderzoek', en: 'Scientific research' }
};

/** Label of a research type (`project.onderzoekstype`). */
export function researchTypeLabel(type: ResearchType, lang: Lang): string {
  return researchTypeLabels[type][lang];
}

/** Label of a procedure. */
export function procedureLabel(procedure: ProcedureId, lang: Lang): string {
  return procedureLabels[procedure][lang];
}

const finalStepText: Readonly<Record<Lang, string>> = { nl: 'afgesloten', en: 'closed' };

/** The procedure step(s) of a state: `{ first: 2, last: 3, text: '2–3' }`; final states have none. */
export function stepOf(state: StateId, lang: Lang = 'nl'): StepInfo {
  const definition = stateDefinition(state);
  if (!definition.steps) return { text: finalStepText[lang], final: true };
  const [first, last] = definition.steps;
  return { first, last, text: first === last ? String(first) : `${first}–${last}`, final: false };
}

/** Labels of the criteria of the DPO's advice (advice dialog, panel, Teams card, register). */
export const adviceCriterionLabels: Labels<AdviceCriterionId> = {
  legalBasis: { nl: 'Rechtsgrond', en: 'Legal basis' },
  purposeLimitation: { nl: 'Doelbinding', en: 'Purpose limitation' },
  necessity: { nl: 'Noodzakelijkheid en minimale gegevensverwerking', en: 'Necessity and data minimisation' },
  security: { nl: 'Beveiligingsmaatregelen', en: 'Security measures' },
  retention: { nl: 'Bewaartermijn', en: 'Retention' },
  transferOutsideEea: { nl: 'Doorgifte buiten de EER', en: 'Transfer outside the EEA' },
  linking: { nl: 'Koppeling', en: 'Linking' },
  publication: { nl: 'Publicatie van de resultaten', en: 'Publication of results' }
};

/** One line of help per criterion: what the DPO assesses. */
export const adviceCriterionHelp: Labels<AdviceCriterionId> = {
  legalBasis: { nl: 'Op welk artikel steunt de verwerking? Vermeld het artikel en de tekst.', en: 'Which article does the processing rely on? Give the article and its text.' },
  purposeLimitation: { nl: 'Is het doel verenigbaar met de taak van de instelling?', en: 'Is the purpose compatible with the institution\'s task?' },
  necessity: { nl: 'Is elke gevraagde variabele nodig voor het doel?', en: 'Is every requested variable needed for the purpose?' },
  security: { nl: 'Is de verklaring technische en organisatorische maatregelen toereikend?', en: 'Is the statement of technical and organisational measures adequate?' },
  retention: { nl: 'Zijn de bewaartermijn en de vernietiging na afloop passend?', en: 'Are the retention period and the destruction afterwards appropriate?' },
  transferOutsideEea: { nl: 'Gaan de gegevens buiten de Europese Economische Ruimte, en zo ja met welke waarborgen?', en: 'Do the data leave the European Economic Area, and if so with which safeguards?' },
  linking: { nl: 'Worden de gegevens gekoppeld aan andere gegevens, en is dat nodig?', en: 'Are the data linked to other data, and is that needed?' },
  publication: { nl: 'Zijn de te publiceren resultaten niet herleidbaar tot personen?', en: 'Are the results to be published free of identifiable persons?' }
};

/** Labels of the DPO's assessment of a criterion. */
export const criterionAssessmentLabels: Labels<CriterionAssessment> = {
  adequate: { nl: 'Toereikend', en: 'Adequate' },
  adequateWithCondition: { nl: 'Toereikend onder voorwaarde', en: 'Adequate with condition' },
  inadequate: { nl: 'Ontoereikend', en: 'Inadequate' },
  notApplicable: { nl: 'Niet van toepassing', en: 'Not applicable' }
};

/** Labels of the necessity of a requested variable. */
export const variableNecessityLabels: Labels<VariableNecessity> = {
  needed: { nl: 'Nodig', en: 'Needed' },
  notNeeded: { nl: 'Niet nodig', en: 'Not needed' },
  neededWithCondition: { nl: 'Nodig onder voorwaarde', en: 'Needed with condition' }
};

/** Labels of what a condition is about. */
export const conditionCategoryLabels: Labels<ConditionCategory> = {
  publication: { nl: 'Publicatie', en: 'Publication' },
  retention: { nl: 'Bewaring', en: 'Retention' },
  linking: { nl: 'Koppeling', en: 'Linking' },
  security: { nl: 'Beveiliging', en: 'Security' },
  variables: { nl: 'Variabelen', en: 'Variables' },
  other: { nl: 'Andere', en: 'Other' }
};

/** Labels of who has to meet a condition. */
export const conditionOwnerLabels: Labels<ConditionOwner> = {
  requester: { nl: 'Aanvrager', en: 'Requester' },
  vsa: { nl: 'VSA', en: 'VSA' }
};

/** Labels of the overall advice. */
export const adviceOutcomeLabels: Labels<AdviceOutcome> = {
  favourable: { nl: 'Gunstig', en: 'Favourable' },
  favourableWithConditions: { nl: 'Gunstig onder voorwaarden', en: 'Favourable with conditions' },
  unfavourable: { nl: 'Ongunstig', en: 'Unfavourable' }
};

/** Labels of the Chief Statistician's decision. */
export const decisionOutcomeLabels: Labels<DecisionOutcome> = {
  approved: { nl: 'Goedgekeurd', en: 'Approved' },
  approvedWithConditions: { nl: 'Goedgekeurd onder voorwaarden', en: 'Approved with conditions' },
  rejected: { nl: 'Geweigerd', en: 'Rejected' }
};

/** Label of a criterion of the advice. */
export function adviceCriterionLabel(id: AdviceCriterionId, lang: Lang): string {
  return adviceCriterionLabels[id][lang];
}

/** Label of an assessment. */
export function criterionAssessmentLabel(assessment: CriterionAssessment, lang: Lang): string {
  return criterionAssessmentLabels[assessment][lang];
}

/** Label of a variable's necessity. */
export function variableNecessityLabel(necessity: VariableNecessity, lang: Lang): string {
  return variableNecessityLabels[necessity][lang];
}

/** Label of a condition category. */
export function conditionCategoryLabel(category: ConditionCategory, lang: Lang): string {
  return conditionCategoryLabels[category][lang];
}

/** Label of a condition owner. */
export function conditionOwnerLabel(owner: ConditionOwner, lang: Lang): string {
  return conditionOwnerLabels[owner][lang];
}

/** Label of an advice outcome. */
export function adviceOutcomeLabel(outcome: AdviceOutcome, lang: Lang): string {
  return adviceOutcomeLabels[outcome][lang];
}

/** Label of a decision outcome. */
export function decisionOutcomeLabel(outcome: DecisionOutcome, lang: Lang): string {
  return decisionOutcomeLabels[outcome][lang];
}

/** The fields a refusal names (`{field}` of `adviceCriterionInvalid`, `conditionInvalid`, `findingInvalid`), lower case. */
export const messageFieldLabels: Labels<
  'assessment' | 'text' | 'article' | 'recommendedCondition' | 'recommendedCondition.category' | 'variables' | 'category' | 'owner' | 'dueDate' | 'id' | 'documentKind' | 'audience' | 'severity' | 'rowIndex'
> = {
  assessment: { nl: 'beoordeling', en: 'assessment' },
  text: { nl: 'tekst', en: 'text' },
  article: { nl: 'artikel', en: 'article' },
  recommendedCondition: { nl: 'aanbevolen voorwaarde', en: 'recommended condition' },
  'recommendedCondition.category': { nl: 'soort van de aanbevolen voorwaarde', en: 'kind of the recommended condition' },
  variables: { nl: 'variabelen', en: 'variables' },
  category: { nl: 'soort', en: 'kind' },
  owner: { nl: 'uit te voeren door', en: 'owner' },
  dueDate: { nl: 'uiterste datum', en: 'due date' },
  id: { nl: 'id', en: 'id' },
  documentKind: { nl: 'documentsoort', en: 'document kind' },
  audience: { nl: 'doelgroep', en: 'audience' },
  severity: { nl: 'ernst', en: 'severity' },
  rowIndex: { nl: 'rij', en: 'row' }
};

const variableConditionField: Readonly<Record<Lang, string>> = { nl: 'voorwaarde voor {name}', en: 'condition for {name}' };

/** The field a refusal names, in the reader's language (`variables.<name>.condition` names the variable). */
export function messageFieldLabel(field: string, lang: Lang): string {
  const variable = /^variables\.(.+)\.condition$/.exec(field);
  if (variable) return variableConditionField[lang].replace('{name}', variable[1]);
  return (messageFieldLabels as Readonly<Record<string, Readonly<Record<Lang, string>>>>)[field]?.[lang] ?? field;
}

/** The statuses of a finding, as the panel, the Word pane and the refusals name them. */
export const findingStatusLabels: Readonly<Record<'open' | 'addressed' | 'resolved' | 'waived', Readonly<Record<Lang, string>>>> = {
  open: { nl: 'open', en: 'open' },
  addressed: { nl: 'aangepast, te bevestigen', en: 'changed, to confirm' },
  resolved: { nl: 'bevestigd', en: 'confirmed' },
  waived: { nl: 'vervallen', en: 'waived' }
};

/** Lifecycle (issue 16): labels of the delivery channels (`deliveryChannels`). */
export const deliveryChannelLabels: Labels<DeliveryChannel> = {
  secureLink: { nl: 'Beveiligde downloadlink', en: 'Secure download link' },
  sftp: { nl: 'SFTP', en: 'SFTP' },
  medium: { nl: 'Gegevensdrager', en: 'Physical medium' }
};

/** Label of a delivery channel. */
export function deliveryChannelLabel(channel: DeliveryChannel, lang: Lang): string {
  return deliveryChannelLabels[channel][lang];
}

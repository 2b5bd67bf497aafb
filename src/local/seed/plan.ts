import type { ProcedureId, SignatoryCapacity, StateId } from '../../domain/types';
import { firstNames, functions, institutions, lastNames, subjects, surveysRequested, variables } from './catalog';
import type { DemoInstitution } from './catalog';
import type { FormDefect } from './documents';
import { enterpriseNumber } from './documents';
import type { SeededRandom } from './random';
import { planConditions, type SeedConditions } from './conditions';

/** One step of a demo dossier's life; each becomes one real command. */
export type StepKind =
  | 'register'
  | 'assign'
  | 'requestForms'
  | 'declareNotAdmissible'
  | 'drafts'
  | 'returnForChanges'
  | 'redrafts'
  | 'startDeliberation'
  | 'giveAdvice'
  | 'requestMoreInformation'
  | 'decide'
  | 'signed'
  | 'countersign'
  | 'publish'
  | 'delivery'
  | 'withdraw'
  | 'comment'
  | 'conditionMet'
  /** Lifecycle (issue 16): the requester's mail confirming the destruction, recorded, then the close-out. */
  | 'destruction';

/** A step at a moment. */
export interface PlannedStep {
  readonly kind: StepKind;
  at: string;
}

/** A demo dossier as planned before any command runs. */
export interface PlannedDossier {
  reference: string;
  readonly index: number;
  readonly target: StateId;
  readonly procedure: ProcedureId;
  readonly institution: DemoInstitution;
  readonly kbo: string;
  readonly contactName: string;
  readonly contactFunction: string;
  readonly contactEmail: string;
  readonly subject: string;
  /** The survey answer its forms give (one per dossier, so its forms agree). */
  readonly surveys: string;
  /** The variables its forms request, with their justification. */
  readonly variables: readonly { readonly name: string; readonly why: string }[];
  readonly projectStart: string;
  readonly projectEnd: string;
  readonly defect?: FormDefect;
  readonly overrideDefect: boolean;
  readonly signatoryCapacity: SignatoryCapacity;
  readonly rejected: boolean;
  /** An approval with conditions: the advice's recommendations, the decision's conditions, one met. */
  conditions?: SeedConditions;
  steps: PlannedStep[];
  parent?: PlannedDossier;
  protocolNumber?: string;
  /**
   * The review demo (issue 14): returned with seven remarks, then a second version that rewrites the
   * fields of three of them, still under review ("3 van 7 opmerkingen verwerkt").
   */
  reviewDemo?: boolean;
}

/** How many demo dossiers end in each state (46 in all, every state present). */
export const STATE_MIX: readonly (readonly [StateId, number])[] = [
  ['intake', 3],
  ['preliminary', 3],
  ['formsRequested', 3],
  ['underReview', 4],
  ['returnedForChanges', 3],
  ['deliberation', 3],
  ['awaitingDecision', 4],
  ['awaitingSignatures', 3],
  ['awaitingCountersignature', 3],
  ['signed', 2],
  ['published', 4],
  // Lifecycle (issue 16): one of the delivered dossiers is closed afterwards (`planCloseOut`); same draws.
  ['delivered', 4],
  ['closed', 1],
  ['rejected', 2],
  ['notAdmissible', 2],
  ['withdrawn', 2]
];

/** Targets that may use the simplified procedure (their parent must be published first). */
const SIMPLIFIED_TARGETS: readonly StateId[] = ['formsRequested', 'underReview', 'deliberation', 'awaitingDecision', 'awaitingSignatures', 'signed'];

const fullPath: readonly StepKind[] = [
  'register', 'assign', 'requestForms', 'drafts', 'startDeliberation', 'giveAdvice', 'decide', 'signed', 'countersign', 'publish', 'delivery'
];

/** Typical days between a step and the one before it. */
const gapDays: Readonly<Record<StepKind, readonly [number, number]>> = {
  register: [0, 0],
  assign: [1, 4],
  requestForms: [2, 10],
  declareNotAdmissible: [2, 8],
  drafts: [10, 35],
  returnForChanges: [4, 12],
  redrafts: [8, 25],
  startDeliberation: [5, 20],
  giveAdvice: [3, 12],
  requestMoreInformation: [2, 8],
  decide: [2, 10],
  signed: [10, 35],
  countersign: [2, 8],
  publish: [3, 10],
  delivery: [7, 30],
  withdraw: [5, 30],
  comment: [1, 5],
  conditionMet: [1, 1],
  destruction: [60, 200]
};

const upTo = (last: StepKind): StepKind[] => fullPath.slice(0, fullPath.indexOf(last) + 1);

function pathTo(target: StateId, random: SeededRandom): StepKind[] {
  switch (target) {
    case 'intake': return ['register'];
    case 'preliminary': return upTo('assign');
    case 'formsRequested': return upTo('requestForms');
    case 'underReview': return upTo('drafts');
    case 'returnedForChanges': return [...upTo('drafts'), 'returnForChanges'];
    case 'deliberation': return random.chance(0.5) ? [...upTo('drafts'), 'returnForChanges', 'redrafts', 'startDeliberation'] : upTo('startDeliberation');
    case 'awaitingDecision': return random.chance(0.3) ? [...upTo('giveAdvice'), 'requestMoreInformation', 'giveAdvice'] : upTo('giveAdvice');
    case 'awaitingSignatures': return upTo('decide');
    case 'awaitingCountersignature': return upTo('signed');
    case 'signed': return upTo('countersign');
    case 'published': return upTo('publish');
    case 'delivered': return upTo('delivery');
    case 'rejected': return upTo('decide');
    case 'notAdmissible': return random.chance(0.5) ? ['register', 'declareNotAdmissible'] : ['register', 'assign', 'declareNotAdmissible'];
    case 'withdrawn': return random.chance(0.5) ? [...upTo('requestForms'), 'withdraw'] : [...upTo('drafts'), 'withdraw'];
    // Planned as a delivered one (no extra random draws); `planCloseOut` adds the destruction afterwards.
    case 'closed': return upTo('delivery');
  }
}

const DAY = 86400000;

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Lays the steps out from `start`, squeezing the gaps when they would run past `end`. */
function timeline(kinds: readonly StepKind[], start: number, end: number, random: SeededRandom): PlannedStep[] {
  const gaps = kinds.map((kind, index) => (index === 0 ? 0 : random.int(gapDays[kind][0], gapDays[kind][1]) * DAY + random.int(0, 8) * 3600000));
  const total = gaps.reduce((a, b) => a + b, 0);
  const factor = start + total > end ? Math.max(0.01, (end - start) / Math.max(total, 1)) : 1;
  let time = start;
  return kinds.map((kind, index) => {
    time += Math.max(gaps[index] * factor, index === 0 ? 0 : 3600000);
    return { kind, at: new Date(time).toISOString() };
  });
}

/**
 * Plans the demo dossiers: target states, procedures, people, dates and numbers. Pure and
 * deterministic: the same generator and anchor give the same plan.
 */
export function planDossiers(random: SeededRandom, anchor: Date): PlannedDossier[] {
  const end = anchor.getTime() - 2 * 3600000;
  const earliest = anchor.getTime() - 425 * DAY;
  const targets = STATE_MIX.flatMap(([state, count]) => Array.from({ length: count }, () => state));
  const plans: PlannedDossier[] = targets.map((target, index) => {
    const institution = random.pick(institutions);
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const start = random.int(-60, 120);
    const projectStart = isoDay(anchor.getTime() + start * DAY);
    // A number is still drawn (the rest of the plan stays as it was), but the dossier carries the
    // institution's own number, the one the institution register knows.
    enterpriseNumber(random);
    return {
      reference: '',
      index,
      target,
      procedure: 'standard',
      institution,
      kbo: institution.enterpriseNumber,
      contactName: `${first} ${last}`,
      contactFunction: random.pick(functions),
      contactEmail: `${first}.${last}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '') + `@${institution.domain}`,
      subject: random.pick(subjects),
      surveys: random.pick(surveysRequested),
      variables: random.sample(variables, random.int(3, 6)),
      projectStart,
      projectEnd: isoDay(anchor.getTime() + (start + random.int(365, 3 * 365)) * DAY),
      defect: random.chance(0.3) ? random.pick<FormDefect>(['missingLegalBasis', 'badEnterpriseNumber', 'unjustifiedVariable']) : undefined,
      overrideDefect: random.chance(0.5),
      signatoryCapacity: random.chance(0.2) ? 'gevolmachtigde' : random.pick<SignatoryCapacity>(['verwerkingsverantwoordelijke', 'wettelijk vertegenwoordiger']),
      rejected: target === 'rejected',
      steps: []
    };
  });
  // Standard dossiers first: their timelines decide which protocols exist for simplified requests.
  const parents: PlannedDossier[] = [];
  for (const plan of plans) {
    const kinds = pathTo(plan.target, random);
    if (plan.target === 'returnedForChanges' || kinds.includes('returnForChanges')) (plan as { defect?: FormDefect }).defect ??= 'missingLegalBasis';
    const duration = kinds.reduce((sum, kind, i) => sum + (i === 0 ? 0 : gapDays[kind][1] * DAY), 0);
    const latestStart = Math.max(earliest, end - duration);
    const start = earliest + random.next() * (latestStart - earliest);
    plan.steps = timeline(kinds, start, end, random);
    if (plan.target === 'published' || plan.target === 'delivered' || plan.target === 'closed') parents.push(plan);
  }
  // Some later dossiers use the simplified procedure on a protocol that is published by then.
  const candidates = plans.filter((plan) => SIMPLIFIED_TARGETS.includes(plan.target));
  for (const child of random.sample(candidates, 6)) {
    const parentPublishTimes = parents.map((parent) => ({ parent, at: Date.parse(parent.steps.find((s) => s.kind === 'publish')?.at ?? '') }));
    const eligible = parentPublishTimes.filter((p) => p.at < end - 20 * DAY);
    if (eligible.length === 0) continue;
    const { parent, at } = random.pick(eligible);
    (child as { procedure: ProcedureId }).procedure = 'simplified';
    child.parent = parent;
    const start = at + random.int(2, 15) * DAY;
    child.steps = timeline(child.steps.map((s) => s.kind), start, end, random);
  }
  // A few free comments, as the team leaves them on real dossiers.
  for (const plan of random.sample(plans, 12)) {
    const last = Date.parse(plan.steps[plan.steps.length - 1].at);
    const at = Math.min(last + random.int(1, 3) * DAY, end);
    plan.steps.push({ kind: 'comment', at: new Date(Math.max(at, last + 60000)).toISOString() });
  }
  assignReferences(plans);
  planConditions(plans, end);
  assignProtocolNumbers(plans);
  planReviewDemo(plans, end);
  planCloseOut(plans, end);
  return plans;
}

/**
 * Lifecycle (issue 16): the closed dossier's destruction is confirmed a month after its last step (no
 * random draw, so every other plan stays as it was). A protocol with a simplified request on it stays
 * delivered: the closed target moves to a delivered dossier no request builds on.
 */
function planCloseOut(plans: PlannedDossier[], end: number): void {
  const usedAsParent = new Set(plans.map((plan) => plan.parent).filter((parent): parent is PlannedDossier => parent !== undefined));
  let closed = plans.find((plan) => plan.target === 'closed');
  if (!closed) return;
  if (usedAsParent.has(closed)) {
    const free = plans.find((plan) => plan.target === 'delivered' && !usedAsParent.has(plan));
    if (!free) return;
    (closed as { target: StateId }).target = 'delivered';
    (free as { target: StateId }).target = 'closed';
    closed = free;
  }
  const last = Date.parse(closed.steps[closed.steps.length - 1].at);
  closed.steps.push({ kind: 'destruction', at: new Date(Math.max(Math.min(last + 30 * DAY, end), last + 60000)).toISOString() });
}

/**
 * The first standard dossier under review (by reference) becomes the review demo: between its drafts
 * and what follows, it was returned (at 40 % of that time) and its second version arrived (at 80 %).
 * Laid out without the generator, so every other dossier's plan stays as it was.
 */
function planReviewDemo(plans: PlannedDossier[], end: number): void {
  const demo = plans
    .filter((plan) => plan.target === 'underReview' && plan.procedure === 'standard')
    .sort((a, b) => a.reference.localeCompare(b.reference))[0];
  if (!demo) return;
  const draftsIndex = demo.steps.findIndex((step) => step.kind === 'drafts');
  const from = Date.parse(demo.steps[draftsIndex].at);
  const until = demo.steps[draftsIndex + 1] ? Date.parse(demo.steps[draftsIndex + 1].at) : end;
  const at = (share: number): string => new Date(Math.round(from + (until - from) * share)).toISOString();
  demo.steps.splice(draftsIndex + 1, 0, { kind: 'returnForChanges', at: at(0.4) }, { kind: 'redrafts', at: at(0.8) });
  demo.reviewDemo = true;
}

/** `VSA-YYYY-NNNN` in order of registration. */
function assignReferences(plans: PlannedDossier[]): void {
  const byTime = [...plans].sort((a, b) => a.steps[0].at.localeCompare(b.steps[0].at) || a.index - b.index);
  const perYear = new Map<string, number>();
  for (const plan of byTime) {
    const year = plan.steps[0].at.slice(0, 4);
    const next = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, next);
    plan.reference = `VSA-${year}-${String(next).padStart(4, '0')}`;
  }
}

/** Protocol numbers in order of countersignature; addenda numbered per protocol. */
function assignProtocolNumbers(plans: PlannedDossier[]): void {
  const countersigned = plans
    .map((plan) => ({ plan, at: plan.steps.find((s) => s.kind === 'countersign')?.at }))
    .filter((entry): entry is { plan: PlannedDossier; at: string } => entry.at !== undefined)
    .sort((a, b) => a.at.localeCompare(b.at));
  const perYear = new Map<string, number>();
  const addenda = new Map<string, number>();
  for (const { plan, at } of countersigned) {
    if (plan.procedure === 'standard') {
      const year = at.slice(0, 4);
      const next = (perYear.get(year) ?? 0) + 1;
      perYear.set(year, next);
      plan.protocolNumber = `PROT-${year}-${String(next).padStart(3, '0')}`;
    }
  }
  for (const { plan } of countersigned) {
    if (plan.procedure === 'simplified' && plan.parent?.protocolNumber) {
      const next = (addenda.get(plan.parent.protocolNumber) ?? 0) + 1;
      addenda.set(plan.parent.protocolNumber, next);
      plan.protocolNumber = `${plan.parent.protocolNumber}/A${next}`;
    }
  }
}

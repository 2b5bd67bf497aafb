/**
 * The scope in force of a protocol: what the protocol and its countersigned addenda together allow
 * (variables, purposes, surveys, the institution, the end date), each item with the instrument that
 * brought it, and the history of what every instrument changed. Also what a simplified request would
 * change against that scope. Pure: built from dossiers (their `requestedData`, as the forms state it).
 */
import { protocolChain } from './chain';
import { parseAddendumNumber } from './numbering';
import { isFinalState } from './states';
import type { Dossier, InstitutionIdentity, IsoDate, RequestedData, RequestedVariable, SimplifiedReason } from './types';

/** The protocol (`PROT-2026-001`) or addendum (`PROT-2026-001/A2`) that brought an item, and its countersignature date. */
export interface ScopeInstrument {
  readonly instrument: string;
  /** Date of the countersignature (absent for a dossier without one, which cannot happen for a chain member). */
  readonly date?: IsoDate;
}

/** A variable in force. */
export interface ScopeVariable extends ScopeInstrument {
  readonly name: string;
  readonly justification: string;
}

/** A purpose in force; a purpose an addendum added keeps the link to the purposes it extends. */
export interface ScopePurpose extends ScopeInstrument {
  readonly text: string;
  /** For a purpose added by an addendum (new purposes related to the earlier ones). */
  readonly extends?: {
    /** How the requester relates it to the earlier purposes (`nieuweDoeleinden.verband`). */
    readonly relation: string;
    /** The earlier purposes it extends: those the relation names, else all purposes in force before it. */
    readonly purposes: readonly string[];
  };
}

/** A survey wave in force (canonical wave id). */
export interface ScopeSurvey extends ScopeInstrument {
  readonly wave: string;
}

/** The institution in force: name and enterprise number. */
export type ScopeInstitution = InstitutionIdentity & ScopeInstrument;

/** The end date in force. */
export interface ScopeEndDate extends ScopeInstrument {
  readonly endDate: IsoDate;
}

/** What one instrument changed (for the protocol: what it established). */
export interface ScopeHistoryEntry extends ScopeInstrument {
  readonly dossierReference: string;
  readonly kind: 'protocol' | 'addendum';
  /** The addendum's reasons (empty for the protocol). */
  readonly reasons: readonly SimplifiedReason[];
  readonly addedVariables: readonly string[];
  readonly addedPurposes: readonly string[];
  readonly addedSurveys: readonly string[];
  /** A new end date, from the one in force before (absent before the protocol's). */
  readonly endDate?: { readonly from?: IsoDate; readonly to: IsoDate };
  /** A new identity of the institution, from the one in force before. */
  readonly institution?: { readonly from?: InstitutionIdentity; readonly to: InstitutionIdentity };
}

/** The scope in force of a protocol after every countersigned addendum. */
export interface ProtocolScope {
  readonly protocolNumber: string;
  readonly protocolReference: string;
  readonly variables: readonly ScopeVariable[];
  readonly purposes: readonly ScopePurpose[];
  readonly surveys: readonly ScopeSurvey[];
  readonly institution?: ScopeInstitution;
  readonly endDate?: ScopeEndDate;
  /** Protocol first, then the addenda in number order. */
  readonly history: readonly ScopeHistoryEntry[];
}

/** Same words, whatever the case and spacing: how names, purposes and institutions are compared. */
export const scopeKey = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

const dateOf = (dossier: Dossier): Partial<Pick<ScopeInstrument, 'date'>> => (dossier.countersignedAt ? { date: dossier.countersignedAt.slice(0, 10) } : {});

const sameIdentity = (a: InstitutionIdentity | undefined, b: InstitutionIdentity): boolean =>
  a !== undefined && scopeKey(a.name) === scopeKey(b.name) && (b.enterpriseNumber === undefined || a.enterpriseNumber === b.enterpriseNumber);

/** The institution a protocol dossier names: as its forms state it, else as the dossier registered it. */
function institutionOf(dossier: Dossier): InstitutionIdentity | undefined {
  if (dossier.requestedData?.institution) return dossier.requestedData.institution;
  const name = dossier.requester.institution;
  return name ? { name, ...(dossier.requester.kbo ? { enterpriseNumber: dossier.requester.kbo } : {}) } : undefined;
}

/** The reasons an addendum was made for: the procedure's (chosen when the forms were requested), else its form's. */
function reasonsOf(addendum: Dossier): readonly SimplifiedReason[] {
  return addendum.simplifiedReasons.length > 0 ? addendum.simplifiedReasons : addendum.requestedData?.changes?.reasons ?? [];
}

/** The new end date an addendum sets: the one given at countersignature, else its form's. */
const newEndDateOf = (addendum: Dossier): IsoDate | undefined => addendum.protocolEndDate ?? addendum.requestedData?.changes?.newEndDate;

/** Mutable state while folding the chain. */
interface Fold {
  variables: ScopeVariable[];
  purposes: ScopePurpose[];
  surveys: ScopeSurvey[];
  institution?: ScopeInstitution;
  endDate?: ScopeEndDate;
}

function addVariables(fold: Fold, variables: readonly RequestedVariable[], at: ScopeInstrument): string[] {
  const added: string[] = [];
  for (const variable of variables) {
    const name = variable.name.trim();
    if (name === '' || fold.variables.some((v) => scopeKey(v.name) === scopeKey(name))) continue;
    fold.variables.push({ name, justification: variable.justification, ...at });
    added.push(name);
  }
  return added;
}

function addSurveys(fold: Fold, waves: readonly string[], at: ScopeInstrument): string[] {
  const added = waves.filter((wave, index) => waves.indexOf(wave) === index && !fold.surveys.some((s) => s.wave === wave));
  fold.surveys.push(...added.map((wave) => ({ wave, ...at })));
  return added;
}

/** An extension counts when it moves the end date later (as the chain's effective end date does). */
function extend(fold: Fold, endDate: IsoDate | undefined, at: ScopeInstrument): ScopeHistoryEntry['endDate'] {
  if (!endDate || (fold.endDate && endDate <= fold.endDate.endDate)) return undefined;
  const from = fold.endDate?.endDate;
  fold.endDate = { endDate, ...at };
  return { ...(from ? { from } : {}), to: endDate };
}

function addPurpose(fold: Fold, text: string, relation: string | undefined, at: ScopeInstrument): string[] {
  const trimmed = text.trim();
  if (trimmed === '' || fold.purposes.some((p) => scopeKey(p.text) === scopeKey(trimmed))) return [];
  const earlier = fold.purposes.map((p) => p.text);
  const named = relation ? earlier.filter((purpose) => scopeKey(relation).includes(scopeKey(purpose))) : [];
  const extendsEarlier = relation !== undefined || earlier.length > 0 ? { extends: { relation: relation ?? '', purposes: named.length > 0 ? named : earlier } } : {};
  fold.purposes.push({ text: trimmed, ...extendsEarlier, ...at });
  return [trimmed];
}

function changeIdentity(fold: Fold, identity: InstitutionIdentity | undefined, at: ScopeInstrument): ScopeHistoryEntry['institution'] {
  if (!identity || identity.name.trim() === '' || sameIdentity(fold.institution, identity)) return undefined;
  const from = fold.institution ? { name: fold.institution.name, ...(fold.institution.enterpriseNumber ? { enterpriseNumber: fold.institution.enterpriseNumber } : {}) } : undefined;
  // A new name without a (valid) new number keeps the number in force: a change of name only.
  const enterpriseNumber = identity.enterpriseNumber ?? from?.enterpriseNumber;
  const to = { name: identity.name.trim(), ...(enterpriseNumber ? { enterpriseNumber } : {}) };
  fold.institution = { ...to, ...at };
  return { ...(from ? { from } : {}), to };
}

/** Folds one countersigned addendum into the scope: its reasons map to changes. */
function applyAddendum(fold: Fold, addendum: Dossier): ScopeHistoryEntry {
  const at: ScopeInstrument = { instrument: addendum.addendumNumber ?? addendum.reference, ...dateOf(addendum) };
  const reasons = reasonsOf(addendum);
  const changes = addendum.requestedData?.changes;
  const adds = reasons.includes('addVariables');
  const addedVariables = adds ? addVariables(fold, addendum.requestedData?.variables ?? [], at) : [];
  // Added variables may come from waves not yet in force; other reasons bring no survey.
  const addedSurveys = adds ? addSurveys(fold, addendum.requestedData?.surveys ?? [], at) : [];
  const addedPurposes = reasons.includes('newPurposes') && changes?.newPurposes ? addPurpose(fold, changes.newPurposes, changes.purposeRelation, at) : [];
  const institution = reasons.includes('identityChange') ? changeIdentity(fold, changes?.newIdentity, at) : undefined;
  // The chain's effective end date counts every addendum's end date; the scope follows the same rule.
  const endDate = extend(fold, newEndDateOf(addendum), at);
  return {
    ...at, dossierReference: addendum.reference, kind: 'addendum', reasons: [...reasons], addedVariables, addedPurposes, addedSurveys,
    ...(endDate ? { endDate } : {}), ...(institution ? { institution } : {})
  };
}

/**
 * What an addendum changes on its own, when its protocol is not at hand (a protocol from before the
 * register): the same mapping of reasons to changes, against an empty scope (no `from` values).
 */
export function addendumChanges(addendum: Dossier): ScopeHistoryEntry {
  return applyAddendum({ variables: [], purposes: [], surveys: [] }, addendum);
}

/**
 * The scope in force of `protocol` after its countersigned addenda among `addenda` (others, pending
 * requests and addenda of other protocols are ignored, by `protocolChain`; a withdrawn addendum no
 * longer counts). Undefined when the protocol dossier has no protocol number (not countersigned).
 */
export function protocolScope(protocol: Dossier, addenda: readonly Dossier[]): ProtocolScope | undefined {
  const protocolNumber = protocol.protocolNumber;
  if (!protocolNumber || protocol.procedure === 'simplified') return undefined;
  const chain = protocolChain([protocol, ...addenda.filter((a) => a.reference !== protocol.reference)], protocolNumber);
  const fold: Fold = { variables: [], purposes: [], surveys: [] };
  const history: ScopeHistoryEntry[] = [];

  const base: ScopeInstrument = { instrument: protocolNumber, ...dateOf(protocol) };
  const data = protocol.requestedData;
  const addedVariables = addVariables(fold, data?.variables ?? [], base);
  const addedPurposes = (data?.purposes && data.purposes.length > 0 ? data.purposes : protocol.project?.purposes ?? []).flatMap((text) => {
    const trimmed = text.trim();
    if (trimmed === '' || fold.purposes.some((p) => scopeKey(p.text) === scopeKey(trimmed))) return [];
    fold.purposes.push({ text: trimmed, ...base });
    return [trimmed];
  });
  const addedSurveys = addSurveys(fold, data?.surveys ?? [], base);
  const institution = changeIdentity(fold, institutionOf(protocol), base);
  const endDate = extend(fold, protocol.protocolEndDate, base);
  history.push({
    ...base, dossierReference: protocol.reference, kind: 'protocol', reasons: [], addedVariables, addedPurposes, addedSurveys,
    ...(endDate ? { endDate } : {}), ...(institution ? { institution } : {})
  });

  for (const addendum of chain.addenda.filter((a) => !isFinalState(a.state))) history.push(applyAddendum(fold, addendum));
  return {
    protocolNumber,
    protocolReference: protocol.reference,
    variables: fold.variables,
    purposes: fold.purposes,
    surveys: fold.surveys,
    ...(fold.institution ? { institution: fold.institution } : {}),
    ...(fold.endDate ? { endDate: fold.endDate } : {}),
    history
  };
}

/**
 * The scope a simplified request is measured against: the protocol with the countersigned addenda
 * before the request's own (all of them while it has no addendum number yet).
 */
export function scopeBefore(request: Pick<Dossier, 'reference' | 'addendumNumber'>, protocol: Dossier, addenda: readonly Dossier[]): ProtocolScope | undefined {
  const own = parseAddendumNumber(request.addendumNumber)?.index;
  const earlier = addenda.filter((a) => a.reference !== request.reference && (own === undefined || (parseAddendumNumber(a.addendumNumber)?.index ?? 0) < own));
  return protocolScope(protocol, earlier);
}

/** What a simplified request would change against the scope in force. */
export interface ScopeChanges {
  readonly protocolNumber: string;
  readonly reasons: readonly SimplifiedReason[];
  /** Variables asked that are not in force. */
  readonly addedVariables: readonly RequestedVariable[];
  /** Purposes asked that are not in force, with their relation to the earlier ones. */
  readonly addedPurposes: readonly { readonly text: string; readonly relation?: string }[];
  /** The end date asked, against the one in force; `later` false when it does not extend. */
  readonly endDate?: { readonly from?: IsoDate; readonly to: IsoDate; readonly later: boolean };
  /** The identity asked, against the one in force; `changed` false when it is the same. */
  readonly institution?: { readonly from?: InstitutionIdentity; readonly to: InstitutionIdentity; readonly changed: boolean };
  /** Items asked that are already in force, with the instrument that brought them. */
  readonly alreadyInForce: {
    readonly variables: readonly ScopeVariable[];
    readonly purposes: readonly ScopePurpose[];
  };
  /** True when the request asks nothing the scope does not already allow. */
  readonly asksNothingNew: boolean;
}

/**
 * What `requested` (a simplified form's data) would change against `scope`: per reason the form gives,
 * the variables and purposes not in force, the new end date and identity against the ones in force,
 * and what it asks that is already in force.
 */
export function scopeChanges(scope: ProtocolScope, requested: RequestedData | undefined): ScopeChanges {
  const changes = requested?.changes;
  const reasons = changes?.reasons ?? [];
  const variableInForce = (name: string): ScopeVariable | undefined => scope.variables.find((v) => scopeKey(v.name) === scopeKey(name));
  const asked = reasons.includes('addVariables') ? (requested?.variables ?? []).filter((v) => v.name.trim() !== '') : [];
  const addedVariables = asked.filter((v, index) => !variableInForce(v.name) && asked.findIndex((w) => scopeKey(w.name) === scopeKey(v.name)) === index);
  const variablesInForce = asked.map((v) => variableInForce(v.name)).filter((v): v is ScopeVariable => v !== undefined);
  const purposeText = reasons.includes('newPurposes') ? changes?.newPurposes?.trim() ?? '' : '';
  const purposeInForce = purposeText ? scope.purposes.find((p) => scopeKey(p.text) === scopeKey(purposeText)) : undefined;
  const addedPurposes = purposeText && !purposeInForce ? [{ text: purposeText, ...(changes?.purposeRelation ? { relation: changes.purposeRelation } : {}) }] : [];
  const from = scope.endDate?.endDate;
  const endDate = reasons.includes('extension') && changes?.newEndDate
    ? { ...(from ? { from } : {}), to: changes.newEndDate, later: from === undefined || changes.newEndDate > from }
    : undefined;
  const current = scope.institution ? { name: scope.institution.name, ...(scope.institution.enterpriseNumber ? { enterpriseNumber: scope.institution.enterpriseNumber } : {}) } : undefined;
  const identity = reasons.includes('identityChange') ? changes?.newIdentity : undefined;
  const institution = identity ? { ...(current ? { from: current } : {}), to: identity, changed: !sameIdentity(current, identity) } : undefined;
  const asksNothingNew = addedVariables.length === 0 && addedPurposes.length === 0 && !(endDate?.later ?? false) && !(institution?.changed ?? false);
  return {
    protocolNumber: scope.protocolNumber,
    reasons: [...reasons],
    addedVariables,
    addedPurposes,
    ...(endDate ? { endDate } : {}),
    ...(institution ? { institution } : {}),
    alreadyInForce: { variables: variablesInForce, purposes: purposeInForce ? [purposeInForce] : [] },
    asksNothingNew
  };
}

/**
 * The scope as the forms engine's `ScopeFacts` (structurally the same type: the domain imports no
 * other ring): what a simplified form is checked against.
 */
export interface ScopeInForceFacts {
  readonly protocolNumber: string;
  readonly endDate?: IsoDate;
  readonly variables: readonly string[];
  readonly purposes: readonly string[];
  readonly surveys: readonly string[];
  readonly institution?: InstitutionIdentity;
}

/** The scope's plain facts for the `scopeChange` check. */
export function scopeFactsOf(scope: ProtocolScope): ScopeInForceFacts {
  return {
    protocolNumber: scope.protocolNumber,
    ...(scope.endDate ? { endDate: scope.endDate.endDate } : {}),
    variables: scope.variables.map((v) => v.name),
    purposes: scope.purposes.map((p) => p.text),
    surveys: scope.surveys.map((s) => s.wave),
    ...(scope.institution ? { institution: { name: scope.institution.name, ...(scope.institution.enterpriseNumber ? { enterpriseNumber: scope.institution.enterpriseNumber } : {}) } } : {})
  };
}

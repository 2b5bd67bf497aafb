import { publicConditions } from '../domain/advice';
import { protocolChains } from '../domain/chain';
import { parseProtocolNumber } from '../domain/numbering';
import { addendumChanges, protocolScope, type ProtocolScope, type ScopeHistoryEntry, type ScopeInstrument } from '../domain/scope';
import type { Dossier, InstitutionIdentity, StateId } from '../domain/types';
import type { PublicRegister, PublishedAddendum, PublishedAgreement, PublishedChanges, PublishedCondition, PublishedInstitution, PublishedInstrument, PublishedProtocol, PublishedScope } from './types';

/**
 * States in which a dossier's protocol or addendum is on the public register. A closed dossier (the data
 * destroyed after delivery, issue 16) stays: the protocol was in force and remains a public record.
 */
export const publicStates: readonly StateId[] = ['published', 'delivered', 'closed'];

/** Options of `buildPublicRegister`. */
export interface RegisterOptions {
  readonly generatedAt: string;
  /**
   * The public URL of a dossier's publication PDF. Default: `publicationBaseUrl` + `publicPdfFileName`, or no
   * link when neither is known.
   */
  readonly publicationUrlOf?: (dossier: Dossier, fileName: string | undefined) => string | undefined;
  /** e.g. `https://www.vlaanderen.be/statistiek-vlaanderen/protocollen/`; files named by `publicPdfFileName`. */
  readonly publicationBaseUrl?: string;
}

/**
 * The public name of a dossier's publication PDF: the dossier reference, then the stored name. Stored
 * names are unique only within a dossier (`protocol-ondertekend-publicatie.pdf` recurs), so without the
 * reference two protocols would share one public file and one of them would link to the other's PDF.
 */
export function publicPdfFileName(dossier: Pick<Dossier, 'reference'>, fileName: string): string {
  return `${dossier.reference}-${fileName}`;
}

const isPublic = (dossier: Dossier): boolean => publicStates.includes(dossier.state) && dossier.publication !== undefined;

function publicationFileName(dossier: Dossier): string | undefined {
  const id = dossier.publication?.publicationDocumentId;
  return dossier.documents.find((doc) => doc.id === id)?.fileName;
}

function urlOf(dossier: Dossier, options: RegisterOptions): string | undefined {
  const fileName = publicationFileName(dossier);
  if (options.publicationUrlOf) return options.publicationUrlOf(dossier, fileName);
  if (!options.publicationBaseUrl || !fileName) return undefined;
  const base = options.publicationBaseUrl.endsWith('/') ? options.publicationBaseUrl : `${options.publicationBaseUrl}/`;
  return `${base}${encodeURIComponent(publicPdfFileName(dossier, fileName))}`;
}

function agreement(dossier: Dossier, number: string, options: RegisterOptions, revokedOn?: string): PublishedAgreement {
  const url = urlOf(dossier, options);
  return {
    number,
    institution: dossier.requester.institution ?? '',
    projectTitle: dossier.project?.title ?? dossier.subject,
    purposes: [...(dossier.project?.purposes?.length ? dossier.project.purposes : dossier.requestedData?.purposes ?? [])],
    surveys: [...(dossier.requestedData?.surveys ?? [])],
    ...optional('researchType', dossier.requestedData?.researchType ?? dossier.project?.researchType),
    ...(dossier.countersignedAt ? { countersignedOn: dossier.countersignedAt.slice(0, 10) } : {}),
    publishedOn: (dossier.publication?.publishedAt ?? dossier.updatedAt).slice(0, 10),
    ...(dossier.protocolEndDate ? { endDate: dossier.protocolEndDate } : {}),
    ...(url ? { publicationUrl: url } : {}),
    publicConditions: publishedConditions(dossier),
    ...optional('revokedOn', revokedOn)
  };
}

/** The conditions the register may show (the domain's `publicConditions`): text, category, who, due date. */
function publishedConditions(dossier: Dossier): PublishedCondition[] {
  if (dossier.decision?.outcome !== 'approvedWithConditions') return [];
  return publicConditions(dossier.conditions ?? []).map((condition) => ({
    text: condition.text,
    category: condition.category,
    owner: condition.owner,
    ...optional('dueDate', condition.dueDate)
  }));
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

const instrumentOf = (item: ScopeInstrument): PublishedInstrument => ({ instrument: item.instrument, ...optional('since', item.date) });
/** An enterprise number as 10 digits (the old 9-digit form gets its leading 0); anything else is left out. */
function enterpriseNumberOf(value: string | undefined): string | undefined {
  const digits = (value ?? '').replace(/\D/g, '');
  const ten = digits.length === 9 ? `0${digits}` : digits;
  return /^[01]\d{9}$/.test(ten) ? ten : undefined;
}

const institutionOf = (identity: InstitutionIdentity): PublishedInstitution => ({ name: identity.name, ...optional('enterpriseNumber', enterpriseNumberOf(identity.enterpriseNumber)) });

/**
 * The public part of the scope in force: names, texts, waves, the institution and the end date with
 * their instruments. The justifications and the requester's wording of how purposes relate stay out.
 */
function publishedScope(scope: ProtocolScope | undefined): PublishedScope {
  if (!scope) return { variables: [], purposes: [], surveys: [] };
  return {
    variables: scope.variables.map((v) => ({ name: v.name, ...instrumentOf(v) })),
    purposes: scope.purposes.map((p) => ({ text: p.text, ...instrumentOf(p), ...(p.extends ? { extends: [...p.extends.purposes] } : {}) })),
    surveys: scope.surveys.map((s) => ({ wave: s.wave, ...instrumentOf(s) })),
    ...(scope.institution ? { institution: { ...institutionOf(scope.institution), ...instrumentOf(scope.institution) } } : {}),
    ...(scope.endDate ? { endDate: { endDate: scope.endDate.endDate, ...instrumentOf(scope.endDate) } } : {})
  };
}

/** What an addendum changed, as its entry of the scope's history says. */
function publishedChanges(entry: ScopeHistoryEntry): PublishedChanges {
  return {
    addedVariables: [...entry.addedVariables],
    addedPurposes: [...entry.addedPurposes],
    addedSurveys: [...entry.addedSurveys],
    ...(entry.endDate ? { endDate: { ...optional('from', entry.endDate.from), to: entry.endDate.to } } : {}),
    ...(entry.institution ? { institution: { ...(entry.institution.from ? { from: institutionOf(entry.institution.from) } : {}), to: institutionOf(entry.institution.to) } } : {})
  };
}

/** Protocol numbers sort by year, then sequence (numerically: `-1000` after `-999`); newest first. */
const byNumberDescending = (a: { number: string }, b: { number: string }): number => {
  const left = parseProtocolNumber(a.number);
  const right = parseProtocolNumber(b.number);
  if (!left || !right) return b.number.localeCompare(a.number);
  return right.year - left.year || right.sequence - left.sequence;
};

/**
 * The public register from the dossiers: every protocol and addendum whose dossier is published or
 * delivered (or closed), addenda under their protocol in number order. A withdrawn dossier leaves the
 * register; a revoked protocol stays, with `revokedOn`.
 */
export function buildPublicRegister(dossiers: readonly Dossier[], options: RegisterOptions): PublicRegister {
  const visible = dossiers.filter(isPublic);
  const protocols: PublishedProtocol[] = [];
  for (const chain of protocolChains(visible)) {
    // The chain holds only numbered addenda and already knows the effective end date. The scope is the
    // one the public register can show: the protocol with its published addenda.
    const protocolDossier = chain.protocol;
    const scope = protocolDossier ? protocolScope(protocolDossier, chain.addenda) : undefined;
    const history = new Map((scope?.history ?? []).map((entry) => [entry.dossierReference, entry]));
    // A revoked protocol stays on the register, marked with its date; its addenda carry the same date.
    const revokedOn = protocolDossier?.revocation?.date;
    const addenda: PublishedAddendum[] = chain.addenda.map((dossier) => ({
      ...agreement(dossier, dossier.addendumNumber as string, options, revokedOn),
      reasons: [...dossier.simplifiedReasons],
      changes: publishedChanges(history.get(dossier.reference) ?? addendumChanges(dossier))
    }));
    const withEnd = chain.effectiveEndDate ? { effectiveEndDate: chain.effectiveEndDate } : {};
    if (protocolDossier) protocols.push({ ...agreement(protocolDossier, chain.protocolNumber, options, revokedOn), published: true, ...withEnd, scope: publishedScope(scope), addenda });
    else if (addenda.length > 0) protocols.push({ published: false, number: chain.protocolNumber, ...withEnd, addenda });
  }
  return { generatedAt: options.generatedAt, protocols: protocols.sort(byNumberDescending) };
}

/** Counts for the page header and the CLI's summary. */
export function registerCounts(register: PublicRegister): { protocols: number; addenda: number } {
  return {
    protocols: register.protocols.filter((p) => p.published).length,
    addenda: register.protocols.reduce((sum, p) => sum + p.addenda.length, 0)
  };
}

/**
 * What the register takes from a checked form: the document registration a command carries (kind,
 * version, check summary, signatory), the project details the application form states and the
 * requested data the forms state (with the document they came from).
 */
import { isIsoDate } from '../domain/rules/text';
import { parseSignatoryCapacity } from '../domain/signatories';
import type { DocumentKind, DocumentPhase, DocumentRegistration, Dossier, DossierDocument, IsoDate, Project, RequestedData } from '../domain/types';
import type { FormDocument } from '../forms/types';
import type { CheckedDocument, FormsEngine } from './formsEngine';

/** The fields of a stored document a registration needs (a `StoredDocument` of the library fits). */
export interface RegistrableDocument {
  readonly id: string;
  readonly fileName: string;
  readonly version: string;
  readonly kind?: DocumentKind;
  readonly phase?: DocumentPhase;
}

/**
 * What a command registers for a stored document: kind, version, check summary and, when the
 * document is not a draft and the form names a signatory and a capacity, the signatory.
 * undefined when the kind is neither stored nor read from the form.
 */
export function registrationOf<T extends RegistrableDocument>(document: T, checked?: Pick<CheckedDocument, 'form' | 'summary'>): DocumentRegistration | undefined {
  const kind: DocumentKind | undefined = document.kind ?? (checked?.form.formType as DocumentKind | undefined);
  if (!kind) return undefined;
  const name = checked?.form.fields['ondertekening.naam']?.value ?? '';
  const capacity = parseSignatoryCapacity(checked?.form.fields['ondertekening.hoedanigheid']?.value ?? '');
  const signed = document.phase !== undefined && document.phase !== 'draft' && name.length > 0 && capacity !== undefined;
  return {
    id: document.id,
    kind,
    fileName: document.fileName,
    version: document.version,
    checkSummary: checked?.summary,
    signatory: signed && capacity ? { name, capacity } : undefined
  };
}

const isoOrUndefined = (value: string | undefined): IsoDate | undefined => (value && isIsoDate(value) ? value : undefined);

const isResearchType = (value: string | undefined): value is NonNullable<Project['researchType']> =>
  value === 'statistisch' || value === 'beleidsvoorbereidend' || value === 'wetenschappelijk';

/** Project details as the application form states them (replacing the registered ones). */
export function projectFromForm(form: FormDocument | undefined): Project | undefined {
  const title = form?.fields['project.titel']?.value;
  if (!form || !title) return undefined;
  const purposes = form.fields['project.doeleinden']?.value;
  const researchType = form.fields['project.onderzoekstype']?.value;
  return {
    title,
    purposes: purposes ? [purposes] : [],
    researchType: isResearchType(researchType) ? researchType : undefined,
    // Only ISO dates travel; other spellings are the form check's business, not the register's.
    startDate: isoOrUndefined(form.fields['project.startdatum']?.value),
    endDate: isoOrUndefined(form.fields['project.einddatum']?.value)
  };
}

/**
 * The kinds whose forms state what is requested, most telling first: the order `requestedDataOf`
 * picks its first form in (simplified form, application form, protocol). The TOM declaration, the
 * addendum and the PDFs state nothing requested, so registering them alone reads nothing new.
 */
export const REQUESTING_KINDS: readonly DocumentKind[] = ['vereenvoudigdAanvraagformulier', 'aanvraagformulier', 'protocol'];

/** A stored document's form as read, with the document as the dossier registers it. */
export interface FormOfDocument {
  readonly document: RegistrableDocument & { readonly kind: DocumentKind; readonly phase: DocumentPhase };
  readonly form: FormDocument;
}

const PHASE_RANK: Readonly<Record<DocumentPhase, number>> = { draft: 0, signed: 1, countersigned: 2, publication: -1, closeOut: -1 };

/**
 * The dossier's current documents whose forms a registration falls back on: per requesting kind the
 * command does not register, the current (not superseded) document of the furthest phase (a signed
 * application form before its draft; the latest registered on a tie).
 */
export function fallbackDocuments(dossier: Pick<Dossier, 'documents'> | undefined, registeredKinds: readonly DocumentKind[]): DossierDocument[] {
  const result: DossierDocument[] = [];
  for (const kind of REQUESTING_KINDS) {
    if (registeredKinds.includes(kind)) continue;
    const current = (dossier?.documents ?? []).filter((document) => document.kind === kind && !document.superseded && PHASE_RANK[document.phase] >= 0);
    const best = current.reduce<DossierDocument | undefined>((found, document) => (!found || PHASE_RANK[document.phase] >= PHASE_RANK[found.phase] ? document : found), undefined);
    if (best) result.push(best);
  }
  return result;
}

/**
 * What a registration states is requested: `requestedDataOf` over the forms the command registers and,
 * for the requesting kinds it does not register, the dossier's current forms (`fallbackDocuments`),
 * with `source` the document whose form gave the values (the first form `requestedDataOf` takes).
 * undefined when none of these forms states anything requested. The one picking the trusted service,
 * the register client and the seed use; a client's own `requestedData` never enters it.
 *
 * `inherited` is what is in force before a simplified request (its protocol dossier's requested data,
 * `inheritedRequestedData`): the simplified form names no surveys, purposes, research type, recipients
 * or retention, so those parts, and the variables when it lists none, are the protocol's; what the
 * form states (its reasons and changes, its variables, institution) is the form's.
 */
export function requestedDataFromChecked(
  engine: Pick<FormsEngine, 'requestedDataOf'>,
  registered: readonly FormOfDocument[],
  current: readonly FormOfDocument[] = [],
  inherited?: RequestedData
): RequestedData | undefined {
  const registeredKinds = new Set(registered.map((entry) => entry.form.formType ?? entry.document.kind));
  const candidates = [...registered, ...current.filter((entry) => !registeredKinds.has(entry.form.formType ?? entry.document.kind))];
  // The later of two forms of one type replaces the earlier (as the register keeps the latest per kind).
  const latest = new Map<string, FormOfDocument>();
  for (const entry of candidates) if (entry.form.formType && REQUESTING_KINDS.includes(entry.form.formType as DocumentKind)) latest.set(entry.form.formType, entry);
  const forms = REQUESTING_KINDS.flatMap((kind) => (latest.has(kind) ? [latest.get(kind) as FormOfDocument] : []));
  const read = engine.requestedDataOf(forms.map((entry) => entry.form));
  if (!read) return undefined;
  const data = inherited ? withInherited(read, inherited) : read;
  const source = forms.find((entry) => engine.requestedDataOf([entry.form]) !== undefined)?.document;
  if (!source) return data;
  return {
    ...data,
    source: { documentId: source.id, fileName: source.fileName, kind: source.kind, version: source.version, phase: source.phase }
  };
}

const isEmpty = (list: readonly unknown[] | undefined): boolean => list === undefined || list.length === 0;

/** The parts the forms leave out, taken from what was in force (never the source or the changes). */
function withInherited(data: RequestedData, inherited: RequestedData): RequestedData {
  // Under "toevoeging variabelen" the form's variables are the ones added: an empty table adds none, it
  // does not stand for the protocol's variables (the addendum would list those as added).
  const addsVariables = data.changes?.reasons.includes('addVariables') ?? false;
  const variables = !addsVariables && isEmpty(data.variables) && data.variablesCount === 0 ? inherited.variables : data.variables;
  return {
    ...data,
    surveys: isEmpty(data.surveys) ? inherited.surveys : data.surveys,
    variablesCount: variables === data.variables ? data.variablesCount : (inherited.variables?.length ?? inherited.variablesCount),
    ...(variables ? { variables } : {}),
    ...(isEmpty(data.purposes) && inherited.purposes ? { purposes: inherited.purposes } : {}),
    ...(data.researchType === undefined && inherited.researchType ? { researchType: inherited.researchType } : {}),
    ...(data.linking === undefined && inherited.linking ? { linking: inherited.linking } : {}),
    ...(isEmpty(data.recipients) && inherited.recipients ? { recipients: inherited.recipients } : {}),
    ...(data.transferOutsideEea === undefined && inherited.transferOutsideEea ? { transferOutsideEea: inherited.transferOutsideEea } : {}),
    ...(data.retentionEnd === undefined && inherited.retentionEnd ? { retentionEnd: inherited.retentionEnd } : {}),
    ...(data.institution === undefined && inherited.institution ? { institution: inherited.institution } : {})
  };
}

/**
 * What a dossier's registration inherits: for the simplified procedure, the requested data of its
 * protocol's dossier (loaded with `dossierOf`), else its own earlier values (e.g. those an extension
 * request copied at registration); nothing for the standard procedure, whose forms state it all.
 */
export async function inheritedRequestedData(
  dossier: Pick<Dossier, 'procedure' | 'parentDossierReference' | 'requestedData'> | undefined,
  dossierOf: (reference: string) => Promise<Pick<Dossier, 'requestedData'> | undefined>
): Promise<RequestedData | undefined> {
  if (dossier?.procedure !== 'simplified') return undefined;
  const parent = dossier.parentDossierReference ? await dossierOf(dossier.parentDossierReference) : undefined;
  return parent?.requestedData ?? dossier.requestedData;
}

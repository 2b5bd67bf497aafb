/**
 * Runs the form checks of `src/forms` on a document in the browser and turns the result into what
 * the domain's commands carry (check summary, signatory) and the library stores.
 */
import type { Finding, FormDocument } from '../../../forms/types';
import type {
  CheckSummary,
  DocumentKind,
  DocumentPhase,
  DocumentRegistration,
  IsoDate,
  Project,
  SignatoryCapacity
} from '../../../domain/types';
import type { StoredDocument } from '../../../data/ports';
import { isIsoDate } from '../../../domain/rules/text';
import { countBySeverity } from '../../../word/review/severity';

/**
 * The forms engine (docx reader, checks, annotator; with its XML parser about a third of the web
 * part's code) loads on first use, so the register's first render does not wait for it.
 */
export function loadFormsEngine(): Promise<typeof import('../../../forms')> {
  return import(/* webpackChunkName: 'vsa-forms-engine' */ '../../../forms');
}

/** A document read and checked. */
export interface CheckedDocument {
  readonly form: FormDocument;
  readonly findings: readonly Finding[];
  readonly summary: CheckSummary;
}

/** Counts findings by severity (the same count the Word add-in stores). */
export function summarize(findings: readonly Finding[]): CheckSummary {
  return countBySeverity(findings);
}

/** Reads a .docx and runs the single-form checks of its phase (drafts must be unsigned, signed ones signed). */
export async function checkDocx(
  bytes: Uint8Array,
  fileName: string,
  phase: DocumentPhase,
  today: IsoDate,
  hasMandateDocument: boolean
): Promise<CheckedDocument> {
  const { readForm, checkForm } = await loadFormsEngine();
  const form = await readForm(bytes, fileName);
  const findings = checkForm(form, { phase: phase === 'draft' ? 'draft' : 'signed', today, hasMandateDocument });
  return { form, findings, summary: summarize(findings) };
}

const capacities: readonly SignatoryCapacity[] = ['verwerkingsverantwoordelijke', 'wettelijk vertegenwoordiger', 'gevolmachtigde'];

/** What a command registers for a stored document: kind, version, check summary and, when signed, the signatory. */
export function registrationOf(document: StoredDocument, checked?: CheckedDocument): DocumentRegistration | undefined {
  const kind: DocumentKind | undefined = document.kind ?? (checked?.form.formType as DocumentKind | undefined);
  if (!kind) return undefined;
  const name = checked?.form.fields['ondertekening.naam']?.value ?? '';
  const capacityText = (checked?.form.fields['ondertekening.hoedanigheid']?.value ?? '').toLowerCase();
  const capacity = capacities.find((c) => capacityText.startsWith(c));
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

/** Project details as the application form states them (replacing the registered ones). */
export function projectFromForm(form: FormDocument | undefined): Project | undefined {
  const title = form?.fields['project.titel']?.value;
  if (!form || !title) return undefined;
  const purposes = form.fields['project.doeleinden']?.value;
  const researchType = form.fields['project.onderzoekstype']?.value;
  const isResearchType = (value: string | undefined): value is NonNullable<Project['researchType']> =>
    value === 'statistisch' || value === 'beleidsvoorbereidend' || value === 'wetenschappelijk';
  return {
    title,
    purposes: purposes ? [purposes] : [],
    researchType: isResearchType(researchType) ? researchType : undefined,
    // Only ISO dates travel; other spellings are the form check's business, not the register's.
    startDate: isoOrUndefined(form.fields['project.startdatum']?.value),
    endDate: isoOrUndefined(form.fields['project.einddatum']?.value)
  };
}

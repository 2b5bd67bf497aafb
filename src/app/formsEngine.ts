/**
 * The forms engine as the application services use it: read a .docx and check it. Injected as a
 * loader, so a browser host can load the engine (a third of the web part's code) on first use and a
 * Node host can hand over the statically imported functions.
 */
import type { CheckSummary, RequestedData } from '../domain/types';
import type { CheckContext, Codebook, Finding, FormDocument } from '../forms/types';
import { countBySeverity } from '../forms/severity';

/** The functions of `src/forms` a document check and a registration need. */
export interface FormsEngine {
  readForm(bytes: Uint8Array, fileName: string): Promise<FormDocument>;
  checkForm(form: FormDocument, context: CheckContext): Finding[];
  /** What a dossier's forms state is requested (the one reading every registering path uses). */
  requestedDataOf(forms: readonly FormDocument[]): RequestedData | undefined;
  /**
   * The catalog's wave ids a survey answer names (`requestedWaves` of src/forms): which codebooks a
   * form's check needs. An engine without it (a test's) is checked without codebooks.
   */
  requestedWaves?(answer: string): string[];
}

/** The codebooks a check reads (`CodebookStore.load`, or the app's cached `CodebookLibrary`). */
export interface CodebookLoader {
  load(waves: readonly string[]): Promise<Codebook[]>;
  /** Changes when an import through this loader changed the codebooks (caches of checks key on it). */
  readonly generation?: number;
}

/** The form field that names the requested surveys and waves. */
const SURVEYS_FIELD = 'gegevens.bevragingen';

/** Loads the forms engine (lazily in the browser). */
export type FormsEngineLoader = () => Promise<FormsEngine>;

/** The forms engine in its own chunk, loaded on first use (the register's first render does not wait for it). */
export function loadFormsEngine(): Promise<typeof import('../forms')> {
  return import(/* webpackChunkName: 'vsa-forms-engine' */ '../forms');
}

/** A document read and checked. */
export interface CheckedDocument {
  readonly form: FormDocument;
  readonly findings: readonly Finding[];
  readonly summary: CheckSummary;
}

/**
 * The waves whose codebooks a form's check needs: those its surveys field names and, for a simplified
 * form, those of the protocol's scope in force (the form itself names none).
 */
export function wavesToCheck(engine: FormsEngine, form: FormDocument, context: CheckContext): string[] {
  const named = engine.requestedWaves?.(form.fields[SURVEYS_FIELD]?.value ?? '') ?? [];
  return [...new Set([...named, ...(context.scopeInForce?.surveys ?? [])])];
}

/**
 * Reads a .docx and runs the single-form checks of the context (phase, mandate, today). With a codebook
 * loader, the codebooks of the waves the form requests join the context (the variable check then knows
 * the names); without one, the checks run as without codebooks. A file the engine cannot read fails
 * with the engine's `FormReadError` (a code with Dutch and English text); a codebook that cannot be
 * read fails the check with its own error rather than passing the form unchecked.
 */
export async function checkDocx(engine: FormsEngine, bytes: Uint8Array, fileName: string, context: CheckContext, codebooks?: CodebookLoader): Promise<CheckedDocument> {
  const form = await engine.readForm(bytes, fileName);
  const waves = codebooks ? wavesToCheck(engine, form, context) : [];
  const withCodebooks = waves.length > 0 && codebooks ? { ...context, codebooks: [...(context.codebooks ?? []), ...(await codebooks.load(waves))] } : context;
  const findings = engine.checkForm(form, withCodebooks);
  return { form, findings, summary: countBySeverity(findings) };
}

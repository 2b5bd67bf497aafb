/**
 * The forms engine as the application services use it: read a .docx and check it. Injected as a
 * loader, so a browser host can load the engine (a third of the web part's code) on first use and a
 * Node host can hand over the statically imported functions.
 */
import type { CheckSummary, RequestedData } from '../domain/types';
import type { CheckContext, Finding, FormDocument } from '../forms/types';
import { countBySeverity } from '../forms/severity';

/** The functions of `src/forms` a document check and a registration need. */
export interface FormsEngine {
  readForm(bytes: Uint8Array, fileName: string): Promise<FormDocument>;
  checkForm(form: FormDocument, context: CheckContext): Finding[];
  /** What a dossier's forms state is requested (the one reading every registering path uses). */
  requestedDataOf(forms: readonly FormDocument[]): RequestedData | undefined;
}

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
 * Reads a .docx and runs the single-form checks of the context (phase, mandate, today). A file the
 * engine cannot read fails with the engine's `FormReadError` (a code with Dutch and English text).
 */
export async function checkDocx(engine: FormsEngine, bytes: Uint8Array, fileName: string, context: CheckContext): Promise<CheckedDocument> {
  const form = await engine.readForm(bytes, fileName);
  const findings = engine.checkForm(form, context);
  return { form, findings, summary: countBySeverity(findings) };
}

/**
 * The `codebook` check (issue 13): the requested variables against the codebooks of the requested
 * waves. Runs only when the caller passes codebooks; without them it finds nothing, so the checks
 * behave as before codebooks existed.
 */
import { codebookIndex } from '../codebook/codebookIndex';
import { requestedDataOfForm, requestedWaves } from '../requested';
import type { CheckContext, Finding, FormDocument } from '../types';
import { anchorOf, makeFinding, valueOf } from './finding';
import { isExplicitEmpty } from './values';
import type { FormRule } from './rules';

/** The waves a form asks for: its own survey answer, else (simplified form) the protocol's scope in force. */
function wavesOf(form: FormDocument, context: CheckContext): string[] {
  const answer = valueOf(form, 'gegevens.bevragingen');
  const own = answer ? requestedWaves(answer) : [];
  return own.length ? own : [...(context.scopeInForce?.surveys ?? [])];
}

export const codebookCheck: FormRule = (form, context) => {
  const codebooks = context.codebooks;
  if (!codebooks || codebooks.length === 0) return [];
  const waves = wavesOf(form, context);
  if (waves.length === 0) return [];
  const index = codebookIndex(codebooks);
  const covered = waves.filter((wave) => index.hasWave(wave));
  const out: Finding[] = waves
    .filter((wave) => !index.hasWave(wave))
    .map((wave) => makeFinding('codebook', 'gegevens.bevragingen', 'info', 'forms.check.codebookMissing', { wave }, anchorOf(form, 'gegevens.bevragingen')));
  if (covered.length === 0) return out;
  // A simplified form's variables table counts only under "toevoeging variabelen" (as for requestedDataOf).
  if (form.formType === 'vereenvoudigdAanvraagformulier' && !requestedDataOfForm(form)?.changes?.reasons.includes('addVariables')) return out;
  // A variable may be in a requested wave that has no codebook: then an unknown name is a warning, not blocking.
  const unknownSeverity = covered.length === waves.length ? 'blocking' : 'warning';
  const warned = new Set<string>();
  (form.rows.variabelen ?? []).forEach((row, position) => {
    const cell = row['variabelen.naam'];
    const name = cell?.value.trim() ?? '';
    if (!cell || !name || isExplicitEmpty(name)) return;
    const params = { value: name, row: String(position + 1), waves: covered.join(', ') };
    const matches = index.findAll(name, covered);
    if (matches.length === 0) {
      const suggestions = index.suggest(name, covered, 3);
      if (suggestions.length === 0) {
        out.push(makeFinding('codebook', 'variabelen.naam', unknownSeverity, 'forms.check.codebookUnknownVariable', params, cell.anchor));
      } else {
        const finding = makeFinding('codebook', 'variabelen.naam', unknownSeverity, 'forms.check.codebookUnknownVariableSuggest', { ...params, suggestions: suggestions.join(', ') }, cell.anchor);
        out.push({ ...finding, suggestions });
      }
      return;
    }
    const sensitive = matches.find((match) => match.variable.sensitive);
    if (sensitive && !warned.has(sensitive.variable.name.toLowerCase())) {
      warned.add(sensitive.variable.name.toLowerCase());
      const label = sensitive.variable.label || sensitive.variable.name;
      out.push(makeFinding('codebook', 'variabelen.naam', 'warning', 'forms.check.codebookSensitive', { ...params, variableLabel: label, wave: sensitive.wave }, cell.anchor));
    }
  });
  return out;
};

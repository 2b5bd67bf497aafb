/**
 * The findings a return mail carries (issue 14): exactly the open findings with audience `requester`
 * recorded at the return (`ReturnedForChanges.findingIds`, kept as `Dossier.returnedFindingIds`),
 * grouped by document and field with the catalog's field labels, plus the free remarks of that round.
 * Internal findings never leave the VSA: everything here filters through `requesterVisible`.
 */
import { groupByDocumentAndField, openRequesterFindings, requesterVisible } from '../domain/findings';
import type { DossierFinding } from '../domain/findings';
import { documentKindLabel } from '../domain/labels';
import type { Dossier, Lang } from '../domain/types';
import { getFieldDef } from '../forms/catalog';
import { findingMessage } from '../forms/findingText';
import { bulletList } from './format';

const texts: Readonly<Record<Lang, { general: string; row: string; other: string }>> = {
  nl: { general: 'Algemeen', row: 'rij {n}', other: 'Overige opmerkingen' },
  en: { general: 'General', row: 'row {n}', other: 'Other remarks' }
};

/**
 * The findings of the last return: the ones its event recorded, as they stand in the dossier; before
 * any return (a preview while still under review), the open requester findings. Never an internal one.
 */
export function returnedFindings(dossier: Pick<Dossier, 'findings' | 'returnedFindingIds'> & Partial<Pick<Dossier, 'state'>>): readonly DossierFinding[] {
  // The ids of the last return speak only while the dossier is returned; a preview in a later round lists what is open now.
  const ids = dossier.state === undefined || dossier.state === 'returnedForChanges' ? dossier.returnedFindingIds : undefined;
  const chosen = ids === undefined ? openRequesterFindings(dossier.findings) : dossier.findings.filter((finding) => ids.includes(finding.id));
  return requesterVisible(chosen);
}

/** The label of a finding's field in the mail's language (`Variabelen — Motivering (rij 2)`), or "Algemeen". */
export function fieldLabel(finding: Pick<DossierFinding, 'fieldId' | 'rowIndex'>, lang: Lang): string {
  if (!finding.fieldId) return texts[lang].general;
  const def = getFieldDef(finding.fieldId);
  const label = (lang === 'nl' ? def?.labelNl : def?.labelEn) ?? finding.fieldId;
  return finding.rowIndex === undefined ? label : `${label} (${texts[lang].row.replace('{n}', String(finding.rowIndex + 1))})`;
}

/**
 * The mail's list of remarks: per document a heading and one bullet per finding (`Label: text`), in the
 * order `groupByDocumentAndField` gives, then the free remarks under "Overige opmerkingen". Empty when
 * there is nothing (the template's `{comments}` then stays for the sender to fill).
 */
export function findingsMailText(findings: readonly DossierFinding[], freeRemarks: readonly string[], lang: Lang): string {
  const blocks: string[] = [];
  for (const group of groupByDocumentAndField(requesterVisible(findings))) {
    const lines = group.fields.flatMap((field) => field.findings.map((finding) => `${fieldLabel(finding, lang)}: ${findingMessage(finding, lang)}`));
    blocks.push(`${documentKindLabel(group.documentKind, lang)}\n${bulletList(lines)}`);
  }
  const remarks = bulletList(freeRemarks);
  if (remarks !== '') blocks.push(blocks.length ? `${texts[lang].other}\n${remarks}` : remarks);
  return blocks.join('\n\n');
}

/**
 * The protocol the requester signs in step 4 of the standard procedure, prepared by the product from the
 * reviewed draft with the conditions table filled from the decision. Pure (bytes in, bytes out); kept out
 * of the correspondence index so the browser bundles do not carry the form reader for it.
 */
import type { Dossier } from '../domain/types';
import { fillForm } from '../forms/docx/fill';
import { openWordPackage } from '../forms/docx/package';
import { readForm } from '../forms/docx/reader';
import { decodeUtf8 } from '../forms/docx/xml';
import type { FormDocument, FormValues } from '../forms/types';
import { conditionsFormValues } from './conditions';

/** The field values a form holds (single fields and table rows), to carry them onto a newer template. */
function valuesOf(form: FormDocument): FormValues {
  const fields = Object.fromEntries(Object.entries(form.fields).filter(([, field]) => field.value !== '').map(([id, field]) => [id, field.value]));
  const rows = Object.fromEntries(
    Object.entries(form.rows).map(([id, list]) => [id, list.map((row) => Object.fromEntries(Object.entries(row).map(([column, cell]) => [column, cell.value])))])
  );
  return { fields, rows };
}

/**
 * The protocol the requester signs in step 4 (standard procedure): the reviewed draft with the conditions
 * table filled from the decision. A draft of catalog 2026.1 has no conditions table: its values are carried
 * onto the current template, which has one. Signature fields are left as the draft has them (empty).
 */
export async function protocolToSign(draft: Uint8Array, fileName: string, dossier: Pick<Dossier, 'decision' | 'conditions'>, template: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const values = conditionsFormValues(dossier);
  const pkg = openWordPackage(draft, fileName);
  const hasTable = decodeUtf8(pkg.entries.get(pkg.mainPartName)!).includes('<w:tag w:val="voorwaarden.tekst"/>');
  if (hasTable) return fillForm(draft, values, { fileName });
  const carried = valuesOf(await readForm(draft, fileName));
  return fillForm(await template(), { fields: carried.fields, rows: { ...carried.rows, ...values.rows } }, { fileName });
}

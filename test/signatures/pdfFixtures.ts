/** PDFs for the signature tests: made with pdf-lib, saved with object streams (default) or classic xref tables. */
import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface FixtureOptions {
  readonly pages?: number;
  /** pdf-lib's default save (object streams, cross-reference streams) or classic xref tables. */
  readonly objectStreams?: boolean;
  /** A text field named "naam" with this value. */
  readonly formValue?: string;
}

export async function makePdf(options: FixtureOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let index = 0; index < (options.pages ?? 1); index += 1) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Protocol microdata - pagina ${index + 1}`, { x: 72, y: 770, size: 14, font });
  }
  if (options.formValue !== undefined) {
    const field = doc.getForm().createTextField('naam');
    field.setText(options.formValue);
    field.addToPage(doc.getPage(0), { x: 72, y: 700, width: 200, height: 20 });
  }
  return doc.save({ useObjectStreams: options.objectStreams ?? true });
}

export const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

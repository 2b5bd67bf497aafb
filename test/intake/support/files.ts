import { fillForm, generateTemplate } from '../../../src/forms';

/** A filled-in draft application form, as a requester sends it. */
export async function filledApplicationForm(): Promise<Uint8Array> {
  const template = await generateTemplate('aanvraagformulier');
  return fillForm(template, {
    fields: {
      'aanvrager.instelling': 'Universiteit Voorbeeld',
      'contact.naam': 'Karel Contact',
      'contact.email': 'karel@uni.example',
      'project.titel': 'Welzijn in Vlaanderen'
    }
  });
}

/** A minimal, valid one-page PDF (as a scanned mandate would be). */
export function tinyPdf(): Uint8Array {
  const text = '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n';
  return new TextEncoder().encode(text);
}

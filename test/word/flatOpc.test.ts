import { generateTemplate, readForm } from '../../src/forms';
import { flatOpcToDocx } from '../../src/word/office/flatOpc';
import { docxToFlatOpc } from './fakes/documents';

describe('flat OPC to docx', () => {
  it('round-trips a template through flat OPC and keeps the custom properties the body omits', async () => {
    const template = await generateTemplate('verklaringTOM');
    const docx = flatOpcToDocx(docxToFlatOpc(template), { VsaFormType: 'verklaringTOM', VsaFormVersion: '2026.1' });
    const form = await readForm(docx, 'tom.docx');
    expect(form.formType).toBe('verklaringTOM');
    expect(form.catalogVersion).toBe('2026.1');
    expect(Object.keys(form.fields)).toContain('tom.toegangsbeheer');
  });

  it('refuses DOCTYPEs, malformed XML and non-packages with a clear error', () => {
    expect(() => flatOpcToDocx('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).toThrow(/DOCTYPE/);
    expect(() => flatOpcToDocx('<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage"><pkg:part')).toThrow(/could not be read/);
    expect(() => flatOpcToDocx('<root/>')).toThrow(/no pkg:part/);
  });
});

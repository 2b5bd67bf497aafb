import { CATALOG_VERSION } from '../../src/forms/catalog';
import { spawnSync } from 'child_process';
import { checkForm, fillForm, generateTemplate, readForm, sampleValues, withFields } from '../../src/forms';
import { resaveWithLibreOffice } from '../fixtures/forms/generate';

function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
}

const available = hasSoffice();
if (!available && !process.env.CI) {
  // Visible on purpose: this is the only test that needs LibreOffice at run time.
  process.stderr.write('NOTICE test/forms/libreoffice.integration.test.ts skipped: soffice is not on PATH (install libreoffice-writer-nogui; CI must have it)\n');
}

describe('LibreOffice re-save at run time', () => {
  (available || process.env.CI ? it : it.skip)(
    're-saves a fresh filled template and still reads every field and the planted defect',
    async () => {
      const values = withFields(sampleValues('aanvraagformulier'), { 'contact.email': 'geen-adres' });
      const filled = await fillForm(await generateTemplate('aanvraagformulier'), values);
      const resaved = resaveWithLibreOffice(filled, 'runtime-resave');
      const form = await readForm(resaved, 'runtime-resave.docx');
      expect(form.formType).toBe('aanvraagformulier');
      expect(form.catalogVersion).toBe(CATALOG_VERSION);
      expect(form.fields['project.doeleinden'].value).toBe(values.fields!['project.doeleinden']);
      expect(form.rows.variabelen).toHaveLength(3);
      const blocking = checkForm(form, { phase: 'draft', today: '2026-11-25' }).filter((f) => f.severity === 'blocking');
      expect(blocking.map((f) => `${f.checkId}:${f.fieldId}`)).toEqual(['email:contact.email']);
    },
    30_000
  );
});

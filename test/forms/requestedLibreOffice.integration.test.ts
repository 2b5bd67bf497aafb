/**
 * `requestedDataOf` on forms another producer wrote: the template filled, then re-saved by LibreOffice
 * (controls, tables and runs as LibreOffice writes them). Integration: it starts `soffice`.
 */
import { spawnSync } from 'child_process';
import { checkForm, fillForm, generateTemplate, readForm, requestedDataOf } from '../../src/forms';
import { resaveWithLibreOffice } from '../fixtures/forms/generate';
import { applicationValues, simplifiedValues, EXPECTED_APPLICATION, EXPECTED_SIMPLIFIED } from './requestedCases';

describe('requestedDataOf on forms re-saved by LibreOffice', () => {
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  if (!soffice && !process.env.CI) {
    process.stderr.write('NOTICE test/forms/requestedLibreOffice.integration.test.ts: LibreOffice re-save cases skipped (soffice is not on PATH)\n');
  }
  (soffice || process.env.CI ? it : it.skip)(
    'reads application and simplified forms re-saved by LibreOffice (skipped without soffice)',
    async () => {
      const application = await fillForm(await generateTemplate('aanvraagformulier'), applicationValues());
      const simplified = await fillForm(await generateTemplate('vereenvoudigdAanvraagformulier'), simplifiedValues());
      const forms = [
        await readForm(resaveWithLibreOffice(application, 'requested-aanvraag'), 'requested-aanvraag.docx'),
        await readForm(resaveWithLibreOffice(simplified, 'requested-vereenvoudigd'), 'requested-vereenvoudigd.docx')
      ];
      expect(requestedDataOf([forms[0]])).toEqual(EXPECTED_APPLICATION);
      expect(requestedDataOf([forms[1]])).toEqual(EXPECTED_SIMPLIFIED);
      expect(checkForm(forms[1], { phase: 'draft', today: '2026-11-25' }).filter((f) => f.severity !== 'info').map((f) => f.messageKey)).toEqual([]);
    },
    120_000
  );
});

import { TextDecoder, TextEncoder } from 'node:util';
import { checkDocx, loadFormsEngine } from '../../src/app/formsEngine';
import { projectFromForm, registrationOf } from '../../src/app/formFacts';
import { countBySeverity as summarize } from '../../src/forms/severity';
import { fillForm, generateTemplate } from '../../src/forms';
import type { Finding } from '../../src/forms';

Object.assign(globalThis, { TextDecoder, TextEncoder });

const finding = (severity: Finding['severity']): Finding => ({
  checkId: 'required', fieldId: 'x', severity, messageKey: 'k', params: {}, message: { nl: 'n', en: 'e' }, anchor: { kind: 'document' }
});

// Moved from test/webparts/register/documentChecks.test.ts: the register's checks now run in src/app.
describe('document checks the register uses', () => {
  it('counts findings by severity', () => {
    expect(summarize([finding('blocking'), finding('warning'), finding('warning'), finding('info')])).toEqual({ blocking: 1, warnings: 2, info: 1 });
  });

  it('reads and checks a signed application form: signatory and project details for the commands', async () => {
    const template = await generateTemplate('aanvraagformulier');
    const bytes = await fillForm(template, { fields: {
      'project.titel': 'Vrijetijdsbesteding', 'project.onderzoekstype': 'wetenschappelijk',
      'ondertekening.naam': 'Prof. Hanne Goossens', 'ondertekening.hoedanigheid': 'wettelijk vertegenwoordiger'
    } }, { fileName: 'aanvraag.docx' });
    const checked = await checkDocx(await loadFormsEngine(), bytes, 'aanvraag.docx', { phase: 'signed', today: '2026-11-25', hasMandateDocument: false });
    expect(checked.form.formType).toBe('aanvraagformulier');
    expect(checked.summary.blocking).toBeGreaterThan(0);
    const stored = { id: 'f1', fileName: 'aanvraag.docx', serverRelativeUrl: '/x', size: bytes.length, version: '2.0', phase: 'signed' as const };
    expect(registrationOf(stored, checked)).toEqual({
      id: 'f1', kind: 'aanvraagformulier', fileName: 'aanvraag.docx', version: '2.0', checkSummary: checked.summary,
      signatory: { name: 'Prof. Hanne Goossens', capacity: 'wettelijk vertegenwoordiger' }
    });
    expect(registrationOf({ ...stored, phase: 'draft' }, checked)?.signatory).toBeUndefined();
    expect(projectFromForm(checked.form)).toMatchObject({ title: 'Vrijetijdsbesteding', researchType: 'wetenschappelijk' });
  });

  it('leaves a document of unknown kind out of the registration', () => {
    expect(registrationOf({ id: 'f', fileName: 'x.pdf', serverRelativeUrl: '/x', size: 1, version: '1.0' })).toBeUndefined();
  });
});

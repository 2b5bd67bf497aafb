import { checkDocx } from '../../src/app/formsEngine';
import { projectFromForm, registrationOf } from '../../src/app/formFacts';
import { fillForm, generateTemplate } from '../../src/forms';
import { formsEngine, sampleForm } from './support';

const stored = (phase: 'draft' | 'signed') => ({ id: 'f1', fileName: 'aanvraag.docx', version: '2.0', phase });

describe('what the register takes from a checked form', () => {
  it('registers the signatory of a signed form with the capacity the one parser reads', async () => {
    const bytes = await sampleForm('aanvraagformulier', 'Wettelijk vertegenwoordiger van de KU Leuven');
    const checked = await checkDocx(formsEngine, bytes, 'aanvraag.docx', { phase: 'signed', today: '2026-11-25' });
    expect(registrationOf(stored('signed'), checked)).toEqual({
      id: 'f1', kind: 'aanvraagformulier', fileName: 'aanvraag.docx', version: '2.0', checkSummary: checked.summary,
      signatory: { name: 'Bart Voorbeeld', capacity: 'wettelijk vertegenwoordiger' }
    });
  });

  it('reads a delegate as gevolmachtigde however the capacity is written', async () => {
    const bytes = await sampleForm('aanvraagformulier', 'directeur, bij volmacht van de rector');
    const checked = await checkDocx(formsEngine, bytes, 'aanvraag.docx', { phase: 'signed', today: '2026-11-25' });
    expect(registrationOf(stored('signed'), checked)?.signatory).toEqual({ name: 'Bart Voorbeeld', capacity: 'gevolmachtigde' });
  });

  it('registers no signatory for a draft, an unknown capacity or a kind nobody knows', async () => {
    const bytes = await sampleForm('aanvraagformulier', 'directeur');
    const checked = await checkDocx(formsEngine, bytes, 'aanvraag.docx', { phase: 'signed', today: '2026-11-25' });
    expect(registrationOf(stored('signed'), checked)?.signatory).toBeUndefined();
    expect(registrationOf(stored('draft'), checked)).toMatchObject({ kind: 'aanvraagformulier', signatory: undefined });
    expect(registrationOf({ id: 'f', fileName: 'x.pdf', version: '1.0' })).toBeUndefined();
    expect(registrationOf({ id: 'f', fileName: 'x.pdf', version: '1.0', kind: 'mandate' })).toMatchObject({ kind: 'mandate', checkSummary: undefined });
  });

  it('takes the project details of the application form, ISO dates only', async () => {
    const bytes = await fillForm(await generateTemplate('aanvraagformulier'), {
      fields: { 'project.titel': 'Vrijetijdsbesteding', 'project.onderzoekstype': 'wetenschappelijk', 'project.startdatum': '2027-01-01', 'project.einddatum': '31/12/2028' }
    });
    const { form } = await checkDocx(formsEngine, bytes, 'aanvraag.docx', { phase: 'draft', today: '2026-11-25' });
    expect(projectFromForm(form)).toEqual({ title: 'Vrijetijdsbesteding', purposes: [], researchType: 'wetenschappelijk', startDate: '2027-01-01', endDate: undefined });
    expect(projectFromForm(undefined)).toBeUndefined();
  });
});

import { checkForm, fillForm, generateTemplate, generateTypedOverDocument, purposesOf, readForm, requestedDataOf, requestedDataOfForm, requestedWaves, sampleValues } from '../../src/forms';
import type { FormDocument, FormType, FormValues } from '../../src/forms';
import { applicationValues, simplifiedValues, EXPECTED_APPLICATION, EXPECTED_SIMPLIFIED, NVT } from './requestedCases';

async function fromTemplate(type: FormType, values: FormValues): Promise<FormDocument> {
  return readForm(await fillForm(await generateTemplate(type), values), `${type}.docx`);
}

describe('requestedDataOf on forms filled from the template', () => {
  it('reads an application form written in a person\'s own words', async () => {
    const form = await fromTemplate('aanvraagformulier', applicationValues());
    expect(requestedDataOf([form])).toEqual(EXPECTED_APPLICATION);
    // The same form passes the checks: the reading and the checks agree.
    expect(checkForm(form, { phase: 'draft', today: '2026-11-25' }).filter((f) => f.severity === 'blocking')).toEqual([]);
  });

  it('reads a simplified form: reasons, their fields, "niet van toepassing" absent', async () => {
    const form = await fromTemplate('vereenvoudigdAanvraagformulier', simplifiedValues());
    expect(requestedDataOf([form])).toEqual(EXPECTED_SIMPLIFIED);
    expect(checkForm(form, { phase: 'draft', today: '2026-11-25' })).toEqual([]);
  });

  it('reads new purposes and a new identity, keeping the name when only the enterprise number changes', async () => {
    const values = simplifiedValues();
    const form = await fromTemplate('vereenvoudigdAanvraagformulier', {
      ...values,
      fields: {
        ...values.fields,
        'vereenvoudigd.reden': 'nieuwe doeleinden; wijziging identiteit',
        'verlenging.nieuweEinddatum': NVT,
        'nieuweDoeleinden.omschrijving': 'Evaluatie van het lokaal sociaal beleid.',
        'nieuweDoeleinden.verband': 'Verlengt het doel sociale cohesie naar beleid.',
        'nieuweIdentiteit.instelling': NVT,
        'nieuweIdentiteit.kbo': '1653.442.204'
      }
    });
    const data = requestedDataOf([form])!;
    expect(data.variables).toEqual([]);
    expect(data.changes).toEqual({
      reasons: ['newPurposes', 'identityChange'],
      newPurposes: 'Evaluatie van het lokaal sociaal beleid.',
      purposeRelation: 'Verlengt het doel sociale cohesie naar beleid.',
      newIdentity: { name: 'Universiteit Voorbeeldstad', enterpriseNumber: '1653442204' }
    });
  });

  it('counts the protocol\'s retention period from the application form\'s project end, and fills gaps from it', async () => {
    const application = await fromTemplate('aanvraagformulier', { ...applicationValues(), fields: { ...applicationValues().fields, 'gegevens.bevragingen': NVT, 'project.onderzoekstype': 'n.v.t.' } });
    const protocolValues = sampleValues('protocol');
    const protocol = await fromTemplate('protocol', { ...protocolValues, fields: { ...protocolValues.fields, 'bewaring.termijn': '2 jaar na het einde van het project', 'gegevens.bevragingen': 'SV-bevraging 2022-2 tot 2023-1' } });
    expect(requestedDataOfForm(protocol)?.retentionEnd).toBeUndefined();
    const data = requestedDataOf([protocol, application])!;
    expect(data.surveys).toEqual(['SV-bevraging 2022-2', 'SV-bevraging 2023-1']);
    expect(data.retentionEnd).toBe('2033-12-31');
    expect(data.researchType).toBeUndefined();
    expect(requestedDataOfForm(protocol, '2028-12-31')?.retentionEnd).toBe('2030-12-31');
  });

  it('leaves out what the forms answer with "niet van toepassing" or cannot read', async () => {
    const values = applicationValues();
    const form = await fromTemplate('aanvraagformulier', {
      ...values,
      fields: { ...values.fields, 'gegevens.koppeling': NVT, 'aanvrager.kbo': 'n.v.t.', 'bewaring.termijn': 'nvt', 'project.doeleinden': 'Niet van toepassing' }
    });
    const data = requestedDataOf([form])!;
    expect(data.linking).toBeUndefined();
    expect(data.institution).toEqual({ name: 'Universiteit Voorbeeldstad' });
    expect(data.retentionEnd).toBeUndefined();
    expect(data.purposes).toEqual([]);
    expect(JSON.stringify(data)).not.toMatch(/toepassing|n\.v\.t|nvt/i);
  });

  it('states nothing for forms that request nothing', async () => {
    expect(requestedDataOf([await fromTemplate('verklaringTOM', sampleValues('verklaringTOM'))])).toBeUndefined();
  });
});

describe('requestedDataOf on forms made another way', () => {
  it.each(['table', 'paragraphs', 'labelAbove'] as const)('reads a label-only (typed-over) application form, layout %s', async (layout) => {
    const values = applicationValues();
    const form = await readForm(await generateTypedOverDocument('aanvraagformulier', values, layout), `typed-${layout}.docx`);
    expect(form.formType).toBe('aanvraagformulier');
    expect(Object.values(form.fields).some((field) => field.readVia === 'contentControl')).toBe(false);
    const data = requestedDataOf([form])!;
    expect(data.surveys).toEqual(EXPECTED_APPLICATION.surveys);
    expect(data.variables).toEqual(EXPECTED_APPLICATION.variables);
    expect(data.recipients).toEqual(EXPECTED_APPLICATION.recipients);
    expect(data.retentionEnd).toBe('2033-12-31');
    expect(data.institution).toEqual(EXPECTED_APPLICATION.institution);
    expect(data.linking).toEqual(EXPECTED_APPLICATION.linking);
    expect(data.transferOutsideEea).toEqual({ answer: 'nee', text: '' });
    // Bullets survive only where the layout keeps line breaks.
    expect(data.purposes).toEqual(layout === 'labelAbove' ? [values.fields!['project.doeleinden'].replace(/\n/g, ' ')] : EXPECTED_APPLICATION.purposes);
  });

  it('reads a label-only simplified form', async () => {
    const form = await readForm(await generateTypedOverDocument('vereenvoudigdAanvraagformulier', simplifiedValues(), 'table'), 'typed-simplified.docx');
    expect(requestedDataOf([form])).toEqual(EXPECTED_SIMPLIFIED);
    expect(checkForm(form, { phase: 'draft', today: '2026-11-25' }).filter((f) => f.severity !== 'info')).toEqual([]);
  });

});

describe('small readings behind requestedDataOf', () => {
  it('splits purposes only when listed', () => {
    expect(purposesOf('Eén doel.\nMet een tweede regel uitleg.')).toEqual(['Eén doel.\nMet een tweede regel uitleg.']);
    expect(purposesOf('1. Meten\n2) Verklaren\n• Publiceren')).toEqual(['Meten', 'Verklaren', 'Publiceren']);
    expect(purposesOf('')).toEqual([]);
  });

  it('gives the waves of a survey answer in catalog order, without the parts not understood', () => {
    expect(requestedWaves('SCV-survey 2015; Enquête X; SV-bevraging 2030; SV-bevraging 2021-1')).toEqual(['SV-bevraging 2021-1', 'SCV-survey 2015']);
  });
});

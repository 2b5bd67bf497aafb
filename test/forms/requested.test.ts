import { spawnSync } from 'child_process';
import { checkForm, fillForm, generateTemplate, generateTypedOverDocument, purposesOf, readForm, requestedDataOf, requestedDataOfForm, requestedWaves, sampleValues } from '../../src/forms';
import type { FormDocument, FormType, FormValues } from '../../src/forms';
import { resaveWithLibreOffice } from '../fixtures/forms/generate';

const NVT = 'niet van toepassing';

/** An application form as a requester would fill it: surveys, dates and retention in their own words. */
function applicationValues(): FormValues {
  const values = sampleValues('aanvraagformulier');
  return {
    fields: {
      ...values.fields,
      'aanvrager.kbo': 'BE 0765.432.146',
      'project.doeleinden': '- Sociale cohesie in Vlaamse gemeenten meten\n- Vertrouwen in de buurt verklaren',
      'project.onderzoekstype': 'Wetenschappelijk onderzoek',
      'project.startdatum': '1ste januari 2027',
      'project.einddatum': 'uiterlijk 31 december 2028',
      'gegevens.bevragingen': 'COVID-19-bevraging golf 1 tot 4 (2021-2022); SV-bevraging 2023 (beide golven)\nSCV-survey 2010-2012',
      'gegevens.koppeling': 'Ja: met de Datawarehouse Arbeidsmarkt via een TTP',
      'gegevens.doorgifteBuitenEER': 'Nee',
      'bewaring.termijn': '5 jaar na het einde van het project'
    },
    rows: {
      variabelen: [
        { 'variabelen.naam': 'leeftijd', 'variabelen.motivering': 'Controlevariabele in elk model.' },
        { 'variabelen.naam': 'gemeente', 'variabelen.motivering': 'Analyse per gemeente.' },
        { 'variabelen.naam': NVT, 'variabelen.motivering': NVT }
      ],
      ontvangers: [
        { 'ontvangers.naam': 'An Voorbeeld', 'ontvangers.instelling': 'Universiteit Voorbeeldstad' },
        { 'ontvangers.naam': 'n.v.t.', 'ontvangers.instelling': 'n.v.t.' }
      ]
    }
  };
}

/** A simplified form asking for an extension and one added variable; the other reasons' fields say "niet van toepassing". */
function simplifiedValues(): FormValues {
  const values = sampleValues('vereenvoudigdAanvraagformulier');
  return {
    fields: {
      ...values.fields,
      'vereenvoudigd.reden': 'Verlenging; toevoeging variabelen',
      'verlenging.nieuweEinddatum': 'tot 28/02/2029',
      'nieuweDoeleinden.omschrijving': NVT,
      'nieuweDoeleinden.verband': 'n.v.t.',
      'nieuweIdentiteit.instelling': 'Niet van toepassing.',
      'nieuweIdentiteit.kbo': 'nvt'
    },
    rows: { variabelen: [{ 'variabelen.naam': 'inkomen_huishouden', 'variabelen.motivering': 'Nieuwe onderzoeksvraag over armoede.' }] }
  };
}

const EXPECTED_APPLICATION = {
  // Catalog order (SV, COVID-19, SCV), whatever the order written.
  surveys: [
    'SV-bevraging 2023-1',
    'SV-bevraging 2023-2',
    'COVID-19-bevraging golf 1',
    'COVID-19-bevraging golf 2',
    'COVID-19-bevraging golf 3',
    'COVID-19-bevraging golf 4',
    'SCV-survey 2010',
    'SCV-survey 2011',
    'SCV-survey 2012'
  ],
  variablesCount: 2,
  variables: [
    { name: 'leeftijd', justification: 'Controlevariabele in elk model.' },
    { name: 'gemeente', justification: 'Analyse per gemeente.' }
  ],
  purposes: ['Sociale cohesie in Vlaamse gemeenten meten', 'Vertrouwen in de buurt verklaren'],
  researchType: 'wetenschappelijk',
  linking: { answer: 'ja', text: 'met de Datawarehouse Arbeidsmarkt via een TTP' },
  recipients: [{ name: 'An Voorbeeld', institution: 'Universiteit Voorbeeldstad' }],
  transferOutsideEea: { answer: 'nee', text: '' },
  retentionEnd: '2033-12-31',
  institution: { name: 'Universiteit Voorbeeldstad', enterpriseNumber: '0765432146' }
};

const EXPECTED_SIMPLIFIED = {
  surveys: [],
  variablesCount: 1,
  variables: [{ name: 'inkomen_huishouden', justification: 'Nieuwe onderzoeksvraag over armoede.' }],
  purposes: [],
  recipients: [],
  institution: { name: 'Universiteit Voorbeeldstad', enterpriseNumber: '0765432146' },
  changes: { reasons: ['extension', 'addVariables'], newEndDate: '2029-02-28' }
};

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

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  if (!soffice && !process.env.CI) {
    process.stderr.write('NOTICE test/forms/requested.test.ts: LibreOffice re-save cases skipped (soffice is not on PATH)\n');
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

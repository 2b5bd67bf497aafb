import { buildFormDocument, checkDossierForms, checkForm, isExplicitEmpty, parseDate, parseRetention, parseSurveyAnswer, retentionEndOf } from '../../src/forms';
import type { CheckContext, FormDocument, FormType } from '../../src/forms';
import { sampleValues } from '../../src/forms/samples';
import { surveyWaveIds } from '../../src/forms/checks/rules';
import { addMonths, addYears } from '../../src/forms/checks/values';

const DRAFT: CheckContext = { phase: 'draft', today: '2026-11-25' };

/** A snapshot as the Word add-in builds it from content controls. */
function snapshot(formType: FormType, overrides: Record<string, string> = {}, rows?: Record<string, Array<Record<string, string>>>): FormDocument {
  const values = sampleValues(formType);
  const fields = { ...values.fields, ...overrides };
  const allRows = { ...values.rows, ...(rows ?? {}) };
  const controls = [
    { tag: 'formType', text: formType },
    ...Object.entries(fields).map(([tag, text]) => ({ tag, text, placeholderText: 'Klik of tik om tekst in te voeren.' })),
    ...Object.values(allRows).flatMap((list) => list.flatMap((row) => Object.entries(row).map(([tag, text]) => ({ tag, text }))))
  ];
  return buildFormDocument({ fileName: `${formType}.docx`, catalogVersion: '2026.1', controls });
}

function ids(form: FormDocument, context: CheckContext = DRAFT): string[] {
  return checkForm(form, context).map((f) => `${f.checkId}:${f.fieldId ?? '-'}:${f.severity}`);
}

const NVT = 'niet van toepassing';

describe('explicit empty answers ("niet van toepassing")', () => {
  it.each(['niet van toepassing', 'Niet van toepassing.', 'N.V.T.', 'n.v.t', 'nvt', 'NVT', ' n. v. t. ', 'not applicable', 'Not Applicable', 'n/a', 'N/A.', 'n.v.t. (geen verlenging)', 'niet van toepassing: geen verlenging gevraagd', 'Niet van toepassing want geen koppeling'])(
    'reads %j as an explicit empty answer',
    (value) => expect(isExplicitEmpty(value)).toBe(true)
  );
  it.each(['', 'nee', 'NVT Consult', 'Navigatie', 'nvtx', 'niet', 'toepassing', 'n', 'na'])('does not read %j as one', (value) => expect(isExplicitEmpty(value)).toBe(false));

  it('no longer blocks a simplified form that answers "niet van toepassing" for the fields of reasons it did not choose', () => {
    const form = snapshot(
      'vereenvoudigdAanvraagformulier',
      {
        'vereenvoudigd.reden': 'toevoeging variabelen',
        'verlenging.nieuweEinddatum': NVT,
        'nieuweDoeleinden.omschrijving': 'n.v.t.',
        'nieuweDoeleinden.verband': 'nvt',
        'nieuweIdentiteit.instelling': 'Niet van toepassing.',
        'nieuweIdentiteit.kbo': NVT
      }
    );
    expect(ids(form)).toEqual([]);
  });

  it('is blocking where the chosen reason requires the field', () => {
    const form = snapshot('vereenvoudigdAanvraagformulier', {
      'vereenvoudigd.reden': 'verlenging; wijziging identiteit',
      'verlenging.nieuweEinddatum': NVT,
      'nieuweIdentiteit.instelling': 'n.v.t.',
      'nieuweIdentiteit.kbo': 'N/A'
    });
    expect(ids(form)).toEqual(['required:verlenging.nieuweEinddatum:blocking', 'required:nieuweIdentiteit.instelling:blocking', 'required:nieuweIdentiteit.kbo:blocking']);
    const [finding] = checkForm(form, DRAFT);
    expect(finding.messageKey).toBe('forms.check.explicitEmptyRequired');
    expect(finding.message.nl).toBe('"Nieuwe einddatum (bij verlenging)" is hier verplicht: "niet van toepassing" volstaat niet. Vul het in.');
    expect(finding.message.en).toBe('"New end date (extension)" is required here: "niet van toepassing" is not enough. Fill it in.');
  });

  it('does not take "niet van toepassing" in the reasons for a reason', () => {
    const form = snapshot('vereenvoudigdAanvraagformulier', { 'vereenvoudigd.reden': NVT, 'verlenging.nieuweEinddatum': '' }, { variabelen: [] });
    // Only the reasons field itself is missing: no reason makes the new end date or the variables required.
    expect(ids(form)).toEqual(['required:vereenvoudigd.reden:blocking']);
  });

  it('does not call an "n.v.t." item of a reasons list a wrong choice', () => {
    expect(ids(snapshot('vereenvoudigdAanvraagformulier', { 'vereenvoudigd.reden': 'verlenging; toevoeging variabelen; n.v.t.' }))).toEqual([]);
  });

  it('is blocking in typed always-required fields and a warning in always-required free text', () => {
    const form = snapshot('aanvraagformulier', {
      'contact.telefoon': 'n.v.t.',
      'project.startdatum': NVT,
      'project.onderzoekstype': 'nvt',
      'gegevens.bevragingen': NVT,
      'gegevens.pseudonimisering': 'niet van toepassing: de VSA pseudonimiseert',
      'tom.logging': NVT
    });
    expect(ids(form).sort()).toEqual(
      [
        'required:contact.telefoon:blocking',
        'required:project.startdatum:blocking',
        'required:project.onderzoekstype:blocking',
        'required:gegevens.bevragingen:blocking',
        'required:gegevens.pseudonimisering:warning'
      ].sort()
    );
  });

  it('never reports an explicit empty answer as an invalid value of its kind', () => {
    const form = snapshot('aanvraagformulier', {
      'aanvrager.kbo': 'n.v.t.',
      'contact.email': 'n/a',
      'bewaring.termijn': 'nvt',
      'gegevens.koppeling': NVT,
      'publicatie.regels': NVT
    });
    const checks = checkForm(form, DRAFT).map((f) => f.checkId);
    expect(checks.every((id) => id === 'required')).toBe(true);
  });

  it('keeps "n.v.t." as the institution an eligibility finding, not a second required one', () => {
    expect(ids(snapshot('aanvraagformulier', { 'aanvrager.instelling': 'n.v.t.' }))).toEqual(['eligibility:aanvrager.instelling:blocking']);
  });

  it('accepts it in a field never required and in the signature block of a draft', () => {
    expect(ids(snapshot('verklaringTOM', { 'ondertekening.plaats': NVT, 'ondertekening.naam': 'n.v.t.' }))).toEqual([]);
  });

  it('is blocking in the signature block when signed', () => {
    const form = snapshot('verklaringTOM', { 'ondertekening.naam': 'Bart Voorbeeld', 'ondertekening.hoedanigheid': 'wettelijk vertegenwoordiger', 'ondertekening.datum': NVT });
    expect(ids(form, { ...DRAFT, phase: 'signed' })).toEqual(['required:ondertekening.datum:blocking']);
  });

  it('reads a variables table holding only "niet van toepassing" as empty where variables are required', () => {
    const onlyNvt = { variabelen: [{ 'variabelen.naam': NVT, 'variabelen.motivering': NVT }] };
    expect(ids(snapshot('vereenvoudigdAanvraagformulier', { 'vereenvoudigd.reden': 'verlenging' }, onlyNvt))).toEqual([]);
    expect(ids(snapshot('vereenvoudigdAanvraagformulier', { 'vereenvoudigd.reden': 'toevoeging variabelen' }, onlyNvt))).toEqual(['required:variabelen:blocking']);
  });

  it('does not count "n.v.t." as a justification', () => {
    const rows = { variabelen: [{ 'variabelen.naam': 'leeftijd', 'variabelen.motivering': 'n.v.t.' }] };
    expect(ids(snapshot('aanvraagformulier', {}, rows))).toEqual(['variableJustification:variabelen.motivering:blocking']);
  });

  it('does not compare an explicit empty answer across the forms of a dossier', () => {
    const application = snapshot('aanvraagformulier');
    const protocol = snapshot('protocol', { 'verantwoordelijke.naam': NVT });
    expect(checkDossierForms([application, protocol], DRAFT).map((f) => f.fieldId)).not.toContain('verantwoordelijke.naam');
  });
});

describe('dates as people write them', () => {
  it.each([
    ['tot 28/02/2029', '2029-02-28'],
    ['Tot en met 28/02/2029', '2029-02-28'],
    ['t/m 28-2-2029', '2029-02-28'],
    ['uiterlijk 31 december 2028', '2028-12-31'],
    ['ten laatste 1 maart 2029', '2029-03-01'],
    ['until 28/02/2029', '2029-02-28'],
    ['31 dec. 2028', '2028-12-31'],
    ['31 dec 2028', '2028-12-31'],
    ['31-dec-2028', '2028-12-31'],
    ['1 mrt. 2029', '2029-03-01'],
    ['15 sept. 2029', '2029-09-15'],
    ['1ste januari 2029', '2029-01-01'],
    ['1e januari 2029', '2029-01-01'],
    ['2de juni 2029', '2029-06-02'],
    ['December 31, 2028', '2028-12-31'],
    ['maandag 31 december 2029', '2029-12-31'],
    ['1/3/2029', '2029-03-01'],
    ['01/03/2029.', '2029-03-01']
  ])('parses %j', (text, iso) => expect(parseDate(text)).toBe(iso));

  it.each(['vóór 1 maart 2029', 'before 1 March 2029', '28/02/29', '31 foo 2028', '32 december 2028', 'eind 2028'])('does not read %j as a date', (text) => {
    expect(parseDate(text)).toBeUndefined();
  });

  it('lets the date check accept them', () => {
    expect(ids(snapshot('aanvraagformulier', { 'project.startdatum': '1ste januari 2027', 'project.einddatum': 'uiterlijk 31 dec. 2028', 'bewaring.termijn': 'tot 31/12/2030' }))).toEqual([]);
    expect(ids(snapshot('aanvraagformulier', { 'project.startdatum': 'begin 2027' }))).toEqual(['date:project.startdatum:blocking']);
  });

  it('adds months and years without inventing days', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28');
    expect(addMonths('2028-08-31', 6)).toBe('2029-02-28');
    expect(addMonths('2028-12-31', 2)).toBe('2029-02-28');
  });
});

describe('surveys as people write them', () => {
  it.each<[string, string[]]>([
    ['COVID-19-bevraging golf 1 tot 4 (2021-2022)', ['COVID-19-bevraging golf 1', 'COVID-19-bevraging golf 2', 'COVID-19-bevraging golf 3', 'COVID-19-bevraging golf 4']],
    ['COVID-19-bevraging golven 2 en 3', ['COVID-19-bevraging golf 2', 'COVID-19-bevraging golf 3']],
    ['covid19 bevraging golf 2, 5 en 7', ['COVID-19-bevraging golf 2', 'COVID-19-bevraging golf 5', 'COVID-19-bevraging golf 7']],
    ['SV-bevraging 2023 (beide golven)', ['SV-bevraging 2023-1', 'SV-bevraging 2023-2']],
    ['SV-bevraging 2023', ['SV-bevraging 2023-1', 'SV-bevraging 2023-2']],
    ['SV-bevraging 2022-2 tot 2023-1', ['SV-bevraging 2022-2', 'SV-bevraging 2023-1']],
    ['SV-bevraging 2022 – 2023', ['SV-bevraging 2022-1', 'SV-bevraging 2022-2', 'SV-bevraging 2023-1', 'SV-bevraging 2023-2']],
    ['SV-bevraging 2023 golf 1 en 2', ['SV-bevraging 2023-1', 'SV-bevraging 2023-2']],
    ['SV-bevraging golven 1 en 2 van 2024', ['SV-bevraging 2024-1', 'SV-bevraging 2024-2']],
    ['sv bevraging 2023/2', ['SV-bevraging 2023-2']],
    ['SCV-survey 2010-2012', ['SCV-survey 2010', 'SCV-survey 2011', 'SCV-survey 2012']],
    ['SCV 2010 tot 2012', ['SCV-survey 2010', 'SCV-survey 2011', 'SCV-survey 2012']],
    ['scv–survey 2010 – 2011', ['SCV-survey 2010', 'SCV-survey 2011']],
    ['SCV-survey 2010 tot en met 2011, 2015', ['SCV-survey 2010', 'SCV-survey 2011', 'SCV-survey 2015']],
    ['SCV-survey (2004-2005)', ['SCV-survey 2004', 'SCV-survey 2005']],
    ['SCV-survey 2015; SV-bevraging 2023-2 en COVID-19-bevraging golf 3', ['SV-bevraging 2023-2', 'COVID-19-bevraging golf 3', 'SCV-survey 2015']],
    ['SV-bevraging 2023-2; 2024-1\nCOVID-19-bevraging golf 2,\n3 en 4', ['SV-bevraging 2023-2', 'SV-bevraging 2024-1', 'COVID-19-bevraging golf 2', 'COVID-19-bevraging golf 3', 'COVID-19-bevraging golf 4']]
  ])('reads %j', (answer, waves) => {
    const read = parseSurveyAnswer(answer);
    expect(read.waves).toEqual(waves);
    expect(read.items.flatMap((item) => [...item.notUnderstood, ...item.outsideCatalog])).toEqual([]);
  });

  it('reads "niet van toepassing" as nothing requested', () => {
    expect(parseSurveyAnswer('n.v.t.')).toEqual({ waves: [], items: [] });
  });

  it('names the part it did not understand and the waves the catalog lacks', () => {
    const read = parseSurveyAnswer('Enquête X; SV-bevraging 2030; COVID-19-bevraging golf 1 tot 3 (voorjaar); SCV-survey 2010-20150');
    expect(read.waves).toEqual(['COVID-19-bevraging golf 1', 'COVID-19-bevraging golf 2', 'COVID-19-bevraging golf 3']);
    expect(read.items.map((item) => [item.text, item.notUnderstood, item.outsideCatalog])).toEqual([
      ['Enquête X', ['Enquête X'], []],
      ['SV-bevraging 2030', [], ['SV-bevraging 2030-1', 'SV-bevraging 2030-2']],
      ['COVID-19-bevraging golf 1 tot 3 (voorjaar)', ['(voorjaar)'], []],
      ['SCV-survey 2010-20150', ['2010-20150'], []]
    ]);
  });

  it('reports one finding per mention not fully read, naming the part', () => {
    const form = snapshot('aanvraagformulier', { 'gegevens.bevragingen': 'COVID-19-bevraging golf 1 tot 4 (2021-2022); SV-bevraging 2030; SCV-survey 2010-2015; enquête Y' });
    const findings = checkForm(form, DRAFT);
    // In the order written: the wave outside the catalog, then the survey not known.
    expect(findings.map((f) => f.messageKey)).toEqual(['forms.check.surveyWaveOutsideCatalog', 'forms.check.surveyUnknown']);
    expect(findings[1].message.nl).toContain('"enquête Y"');
    expect(findings[0].message.nl).toBe(
      '"SV-bevraging 2030": SV-bevraging 2030-1, SV-bevraging 2030-2 bestaat niet (SV-bevraging 2021-1 tot 2026-2, COVID-19-bevraging golf 1 tot 8, SCV-survey 1996 tot 2018).'
    );
    const partly = checkForm(snapshot('aanvraagformulier', { 'gegevens.bevragingen': 'SCV-survey 2010 tot 2012 (pilootjaar)' }), DRAFT);
    expect(partly.map((f) => [f.messageKey, f.params.part])).toEqual([['forms.check.surveyPartUnknown', '(pilootjaar)']]);
  });

  it('keeps surveyWaveIds for one mention (undefined when any part is unread)', () => {
    expect(surveyWaveIds('SCV-survey 2010-2012')).toEqual(['SCV-survey 2010', 'SCV-survey 2011', 'SCV-survey 2012']);
    expect(surveyWaveIds('SV-bevraging 2030-1')).toEqual(['SV-bevraging 2030-1']);
    expect(surveyWaveIds('Enquête X')).toBeUndefined();
    expect(surveyWaveIds('SV-bevraging')).toBeUndefined();
  });

  it('keeps a bracket with a comma in it together, and names it when it is more than years', () => {
    const read = parseSurveyAnswer('COVID-19-bevraging golf 1 (voorjaar 2020, online)');
    expect(read.waves).toEqual(['COVID-19-bevraging golf 1']);
    expect(read.items.map((item) => item.notUnderstood)).toEqual([['(voorjaar 2020, online)']]);
  });

  it('does not expand an absurd range', () => {
    expect(parseSurveyAnswer('SCV-survey 1900 tot 2200').items[0].notUnderstood).toEqual(['1900 tot 2200']);
  });
});

describe('retention as a period after the project end', () => {
  it.each<[string, string | undefined]>([
    ['5 jaar na het einde van het project', '2033-12-31'],
    ['6 maanden na de einddatum van het project', '2029-06-30'],
    ['tot 2 jaar na projecteinde', '2030-12-31'],
    ['maximaal vijf jaar na afloop van het onderzoek.', '2033-12-31'],
    ['5 years after the end of the project', '2033-12-31'],
    ['tot het einde van het project', '2028-12-31'],
    ['tot 31/12/2030', '2030-12-31'],
    ['5 jaar', undefined],
    ['5 jaar na ontvangst van de gegevens', undefined]
  ])('%j ends on %s for a project ending 31/12/2028', (value, iso) => {
    expect(retentionEndOf(value, '2028-12-31')).toBe(iso);
  });

  it('has no end for a period without a project end, but still reads the period', () => {
    expect(retentionEndOf('5 jaar na het einde van het project', undefined)).toBeUndefined();
    expect(parseRetention('5 jaar na het einde van het project')).toEqual({ kind: 'afterProjectEnd', duration: { amount: 5, unit: 'years' } });
  });

  it('checks a period against the retention limit like a date', () => {
    expect(ids(snapshot('aanvraagformulier', { 'bewaring.termijn': '5 jaar na het einde van het project' }))).toEqual([]);
    expect(ids(snapshot('aanvraagformulier', { 'bewaring.termijn': '6 jaar na het einde van het project' }))).toEqual(['retention:bewaring.termijn:warning']);
  });

  it('warns (not a date error) when the form has no readable project end', () => {
    const form = snapshot('protocol', { 'bewaring.termijn': '5 jaar na het einde van het project' });
    expect(ids(form)).toEqual(['retention:bewaring.termijn:warning']);
    expect(checkForm(form, DRAFT)[0].messageKey).toBe('forms.check.retentionDurationWithoutEnd');
  });

  it('reports text that is neither a date nor a period with a retention-specific message', () => {
    const [finding] = checkForm(snapshot('aanvraagformulier', { 'bewaring.termijn': '5 jaar na ontvangst' }), DRAFT);
    expect([finding.checkId, finding.messageKey, finding.severity]).toEqual(['date', 'forms.check.retentionDate', 'blocking']);
  });
});

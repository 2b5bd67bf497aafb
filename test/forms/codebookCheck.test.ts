import { buildFormDocument, checkForm, sampleValues } from '../../src/forms';
import type { CheckContext, Codebook, Finding, FormDocument, FormType } from '../../src/forms';

const DRAFT: CheckContext = { phase: 'draft', today: '2026-11-25' };

/** A snapshot as the Word add-in builds it (content controls), from the sample values plus overrides. */
function snapshot(formType: FormType, fields: Record<string, string>, variables: string[]): FormDocument {
  const values = sampleValues(formType);
  const all = { ...values.fields, ...fields };
  const controls = [
    { tag: 'formType', text: formType },
    ...Object.entries(all).map(([tag, text]) => ({ tag, text })),
    ...variables.flatMap((name) => [
      { tag: 'variabelen.naam', text: name },
      { tag: 'variabelen.motivering', text: 'Nodig voor de onderzoeksvraag.' }
    ]),
    ...(values.rows.ontvangers ?? []).flatMap((row) => Object.entries(row).map(([tag, text]) => ({ tag, text })))
  ];
  return buildFormDocument({ fileName: `${formType}.docx`, catalogVersion: '2026.1', controls });
}

const CODEBOOKS: Codebook[] = [
  {
    wave: 'SV-bevraging 2023-2',
    variables: [
      { name: 'leeftijd', label: 'Leeftijd in jaren', sensitive: false },
      { name: 'inkomen_huishouden', label: 'Netto maandinkomen van het huishouden', sensitive: false },
      { name: 'inkomen_persoon', label: 'Persoonlijk netto inkomen', sensitive: false },
      { name: 'gezondheid_ervaren', label: 'Ervaren gezondheid', sensitive: true }
    ]
  },
  { wave: 'SCV-survey 2015', variables: [{ name: 'vertrouwen_buren', label: 'Vertrouwen in de buren', sensitive: false }] },
  { wave: 'SCV-survey 2016', variables: [{ name: 'religie', label: 'Religie', sensitive: true }] }
];

const codebookFindings = (findings: Finding[]): Finding[] => findings.filter((finding) => finding.checkId === 'codebook');

describe('the codebook check', () => {
  const form = snapshot(
    'aanvraagformulier',
    { 'gegevens.bevragingen': 'SV-bevraging 2023-2; SCV-survey 2015' },
    ['leeftijd', 'inkomen_huishoudn', 'Gezondheid_Ervaren', 'vertrouwen_buren', 'religie', 'xyzzy_qwerty']
  );

  it('changes nothing without codebooks: exactly the findings of before', () => {
    const before = checkForm(form, DRAFT);
    expect(codebookFindings(before)).toEqual([]);
    expect(checkForm(form, { ...DRAFT, codebooks: [] })).toEqual(before);
    const withCodebooks = checkForm(form, { ...DRAFT, codebooks: CODEBOOKS });
    expect(withCodebooks.filter((finding) => finding.checkId !== 'codebook')).toEqual(before);
  });

  it('blocks a variable in no requested wave\'s codebook, with up to three suggestions in the finding and the message', () => {
    const findings = codebookFindings(checkForm(form, { ...DRAFT, codebooks: CODEBOOKS }));
    const typo = findings.find((finding) => finding.params.value === 'inkomen_huishoudn')!;
    expect(typo).toMatchObject({ severity: 'blocking', fieldId: 'variabelen.naam', suggestions: ['inkomen_huishouden', 'inkomen_persoon'] });
    expect(typo.suggestions![0]).toBe('inkomen_huishouden');
    expect(typo.message.nl).toBe('De variabele "inkomen_huishoudn" (rij 2) staat niet in het codeboek van SV-bevraging 2023-2, SCV-survey 2015. Bedoelt u: inkomen_huishouden, inkomen_persoon?');
    expect(typo.message.en).toContain('Did you mean: inkomen_huishouden, inkomen_persoon?');
    // Anchored on the name cell of its row, so the Word pane can replace it there.
    expect(typo.anchor).toEqual({ kind: 'contentControl', tag: 'variabelen.naam', occurrence: 1 });
  });

  it('blocks without suggestions when nothing is near, and only against the requested waves', () => {
    const findings = codebookFindings(checkForm(form, { ...DRAFT, codebooks: CODEBOOKS }));
    const unknown = findings.find((finding) => finding.params.value === 'xyzzy_qwerty')!;
    expect(unknown.severity).toBe('blocking');
    expect(unknown.suggestions).toBeUndefined();
    expect(unknown.message.nl).toBe('De variabele "xyzzy_qwerty" (rij 6) staat niet in het codeboek van SV-bevraging 2023-2, SCV-survey 2015.');
    // religie is only in SCV-survey 2016, which the form does not request.
    expect(findings.find((finding) => finding.params.value === 'religie')?.severity).toBe('blocking');
    expect(findings.some((finding) => ['leeftijd', 'vertrouwen_buren'].includes(finding.params.value))).toBe(false);
  });

  it('warns the DPO about a sensitive variable with its label', () => {
    const findings = codebookFindings(checkForm(form, { ...DRAFT, codebooks: CODEBOOKS }));
    const sensitive = findings.filter((finding) => finding.severity === 'warning');
    expect(sensitive).toHaveLength(1);
    expect(sensitive[0].message.nl).toContain('"Gezondheid_Ervaren" (Ervaren gezondheid)');
    expect(sensitive[0].message.nl).toContain('art. 9 AVG');
    expect(findings.filter((finding) => finding.severity === 'info')).toEqual([]);
  });

  it('gives info for a requested wave without codebook, and then only warns about a name the other waves lack', () => {
    const partly = snapshot('aanvraagformulier', { 'gegevens.bevragingen': 'SV-bevraging 2023-2; COVID-19-bevraging golf 3' }, ['leeftijd', 'covid_vaccinatie']);
    const findings = codebookFindings(checkForm(partly, { ...DRAFT, codebooks: CODEBOOKS }));
    const info = findings.filter((finding) => finding.severity === 'info');
    expect(info.map((finding) => finding.params.wave)).toEqual(['COVID-19-bevraging golf 3']);
    expect(info[0].fieldId).toBe('gegevens.bevragingen');
    // covid_vaccinatie may well be in golf 3, whose codebook is not there: not blocking.
    expect(findings.filter((finding) => finding.params.value === 'covid_vaccinatie').map((finding) => finding.severity)).toEqual(['warning']);
  });

  it('skips "niet van toepassing" rows and a simplified form\'s table when it adds no variables', () => {
    const withNvt = snapshot('aanvraagformulier', { 'gegevens.bevragingen': 'SV-bevraging 2023-2' }, ['leeftijd', 'niet van toepassing', 'n.v.t.']);
    expect(codebookFindings(checkForm(withNvt, { ...DRAFT, codebooks: CODEBOOKS }))).toEqual([]);
    const extensionOnly = snapshot('vereenvoudigdAanvraagformulier', { 'vereenvoudigd.reden': 'verlenging' }, ['onbekende_variabele']);
    const context: CheckContext = {
      ...DRAFT,
      codebooks: CODEBOOKS,
      scopeInForce: { protocolNumber: 'PROT-2025-014', variables: [], purposes: [], surveys: ['SV-bevraging 2023-2'] }
    };
    expect(codebookFindings(checkForm(extensionOnly, context))).toEqual([]);
  });

  it('checks a simplified form against the surveys of the scope in force when it names none', () => {
    const simplified = snapshot('vereenvoudigdAanvraagformulier', {}, ['leeftijd', 'leeftyd']);
    const context: CheckContext = {
      ...DRAFT,
      codebooks: CODEBOOKS,
      scopeInForce: { protocolNumber: 'PROT-2025-014', variables: [], purposes: [], surveys: ['SV-bevraging 2023-2'] }
    };
    const findings = codebookFindings(checkForm(simplified, context));
    expect(findings.map((finding) => [finding.params.value, finding.severity, finding.suggestions])).toEqual([['leeftyd', 'blocking', ['leeftijd']]]);
    // Without a scope in force nor surveys in the form there is nothing to check against.
    expect(codebookFindings(checkForm(simplified, { ...DRAFT, codebooks: CODEBOOKS }))).toEqual([]);
  });

  it('only informs when no requested wave has a codebook', () => {
    const other = snapshot('aanvraagformulier', { 'gegevens.bevragingen': 'COVID-19-bevraging golf 1' }, ['wat_dan_ook']);
    expect(codebookFindings(checkForm(other, { ...DRAFT, codebooks: CODEBOOKS })).map((finding) => finding.severity)).toEqual(['info']);
  });
});

import { buildFormDocument, checkDossierForms, checkForm, isValidEnterpriseNumber, normalizeEnterpriseNumber } from '../../src/forms';
import type { CheckContext, FormDocument, FormType } from '../../src/forms';
import { sampleValues } from '../../src/forms/samples';
import { parseDate, parseYesNo, splitList } from '../../src/forms/checks/values';
import { surveyWaveIds } from '../../src/forms/checks/rules';

const DRAFT: CheckContext = { phase: 'draft', today: '2026-11-25' };

/** A snapshot as the Word add-in would build it from content controls: no docx involved. */
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

describe('enterprise number (KBO)', () => {
  it.each(['0765.432.146', '0765432146', 'BE 0765.432.146', '765.432.146', '1653.442.204'])('accepts %s', (value) => {
    expect(isValidEnterpriseNumber(value)).toBe(true);
  });
  it.each(['0765.432.147', '2765.432.1xx', '12345', '', '2000000097'])('rejects %s', (value) => {
    expect(isValidEnterpriseNumber(value)).toBe(false);
  });
  it('normalizes the old 9-digit form', () => {
    expect(normalizeEnterpriseNumber('765.432.146')).toBe('0765432146');
  });
});

describe('value parsing', () => {
  it.each([
    ['31/12/2028', '2028-12-31'],
    ['1-2-2027', '2027-02-01'],
    ['2027-02-01', '2027-02-01'],
    ['1 januari 2027', '2027-01-01'],
    ['29/02/2028', '2028-02-29']
  ])('parses the date %s', (text, iso) => expect(parseDate(text)).toBe(iso));
  it.each(['31/02/2027', '29/02/2027', 'morgen', '12/2027'])('rejects the date %s', (text) => expect(parseDate(text)).toBeUndefined());
  it('splits yes/no answers with an explanation', () => {
    expect(parseYesNo('Ja: met het rijksregister')).toEqual({ answer: 'ja', text: 'met het rijksregister' });
    expect(parseYesNo('neen')).toEqual({ answer: 'nee', text: '' });
    expect(parseYesNo('misschien').answer).toBeUndefined();
  });
  it('splits lists on semicolons, commas and lines', () => {
    expect(splitList('a; b\nc, d.')).toEqual(['a', 'b', 'c', 'd']);
  });
  it('maps survey names to catalog waves', () => {
    expect(surveyWaveIds('SCV-survey 2010-2012')).toEqual(['SCV-survey 2010', 'SCV-survey 2011', 'SCV-survey 2012']);
    expect(surveyWaveIds('SV-bevraging 2023/2')).toEqual(['SV-bevraging 2023-2']);
    expect(surveyWaveIds('covid-19-bevraging golf 8')).toEqual(['COVID-19-bevraging golf 8']);
    expect(surveyWaveIds('Enquête X')).toBeUndefined();
  });
});

describe('single-form checks on a plain snapshot (as the Word add-in builds it)', () => {
  it('finds nothing on complete sample values of every form type', () => {
    for (const type of ['aanvraagformulier', 'verklaringTOM', 'protocol', 'vereenvoudigdAanvraagformulier', 'addendum'] as const) {
      expect(ids(snapshot(type))).toEqual([]);
    }
  });

  it('treats the control placeholder text and Word placeholders in any language as empty', () => {
    const form = snapshot('verklaringTOM', { 'tom.logging': 'Klik of tik om tekst in te voeren.', 'tom.versleuteling': 'Cliquez ou appuyez ici pour entrer du texte.' });
    expect(ids(form)).toEqual(['required:tom.versleuteling:blocking', 'required:tom.logging:blocking']);
  });

  it('flags a missing field and an empty required repeating table', () => {
    const form = snapshot('aanvraagformulier', {}, { ontvangers: [] });
    const withoutField: FormDocument = { ...form, fields: Object.fromEntries(Object.entries(form.fields).filter(([id]) => id !== 'contact.naam')) };
    expect(ids(withoutField)).toEqual(['required:contact.naam:blocking', 'required:ontvangers:blocking']);
    expect(checkForm(withoutField, DRAFT)[0].message.nl).toContain('ontbreekt');
  });

  it('accepts English and alias spellings of choices and rejects others', () => {
    expect(ids(snapshot('aanvraagformulier', { 'project.onderzoekstype': 'Scientific' }))).toEqual([]);
    expect(ids(snapshot('aanvraagformulier', { 'aanvrager.type': 'bedrijf' }))).toEqual(['allowedValue:aanvrager.type:blocking']);
  });

  it('flags linking with a description for the DPO as a warning', () => {
    expect(ids(snapshot('aanvraagformulier', { 'gegevens.koppeling': 'ja, met de Datawarehouse Arbeidsmarkt via een TTP' }))).toEqual(['linking:gegevens.koppeling:warning']);
  });

  it('flags a transfer outside the EEA without justification as blocking', () => {
    expect(ids(snapshot('aanvraagformulier', { 'gegevens.doorgifteBuitenEER': 'Ja' }))).toEqual(['transferOutsideEea:gegevens.doorgifteBuitenEER:blocking']);
  });

  it('requires the reason-specific fields of the simplified form only for the chosen reasons', () => {
    const extensionOnly = snapshot('vereenvoudigdAanvraagformulier', { 'vereenvoudigd.reden': 'verlenging', 'verlenging.nieuweEinddatum': '' }, { variabelen: [] });
    expect(ids(extensionOnly)).toEqual(['required:verlenging.nieuweEinddatum:blocking']);
    const variablesWithoutRows = snapshot('vereenvoudigdAanvraagformulier', { 'vereenvoudigd.reden': 'addVariables' }, { variabelen: [] });
    expect(ids(variablesWithoutRows)).toEqual(['required:variabelen:blocking']);
  });

  it('reminds about the mandate in drafts and blocks without it when signed', () => {
    const delegate = { 'vertegenwoordiger.hoedanigheid': 'gevolmachtigde' };
    expect(ids(snapshot('protocol', delegate))).toEqual(['mandate:vertegenwoordiger.hoedanigheid:info']);
    const signed = snapshot('protocol', { ...delegate, 'ondertekening.naam': 'X', 'ondertekening.hoedanigheid': 'gevolmachtigde', 'ondertekening.datum': '01/12/2026', 'ondertekening.plaats': 'Gent' });
    expect(ids(signed, { ...DRAFT, phase: 'signed' })).toEqual(['mandate:vertegenwoordiger.hoedanigheid:blocking']);
    expect(ids(signed, { ...DRAFT, phase: 'signed', hasMandateDocument: true })).toEqual([]);
  });

  it('does not require the VSA countersignature or the place, but keeps them empty in drafts', () => {
    expect(ids(snapshot('verklaringTOM', { 'ondertekening.plaats': 'Gent' }))).toEqual(['signatureDraft:ondertekening.plaats:blocking']);
    expect(ids(snapshot('addendum', { 'ondertekeningVsa.naam': 'Hoofdstatisticus' }))).toEqual(['signatureDraft:ondertekeningVsa.naam:blocking']);
    expect(ids(snapshot('addendum', {}), { ...DRAFT, phase: 'signed' })).toEqual([
      'required:ondertekening.naam:blocking',
      'required:ondertekening.hoedanigheid:blocking',
      'required:ondertekening.datum:blocking'
    ]);
  });

  it('reports an unknown form type and a newer catalog version from the snapshot', () => {
    const unknown = buildFormDocument({ fileName: 'x.docx', controls: [{ tag: 'project.titel', text: 'X' }] });
    expect(ids(unknown)).toEqual(['document:-:blocking', 'document:-:info']);
    const newer = buildFormDocument({ fileName: 'x.docx', formType: 'addendum', catalogVersion: '2030.1', controls: [] });
    expect(checkForm(newer, DRAFT).some((f) => f.messageKey === 'forms.check.unknownCatalogVersion' && f.severity === 'warning')).toBe(true);
  });

  it('renders Dutch and English messages with the field label', () => {
    const [finding] = checkForm(snapshot('aanvraagformulier', { 'contact.email': 'geen-adres' }), DRAFT);
    expect(finding.message.nl).toBe('"E-mailadres contactpersoon": "geen-adres" is geen geldig e-mailadres.');
    expect(finding.message.en).toBe('"E-mail of the contact person": "geen-adres" is not a valid e-mail address.');
    expect(finding.anchor).toEqual({ kind: 'contentControl', tag: 'contact.email', occurrence: 0 });
  });
});

describe('dossier checks across forms', () => {
  const forms = (): FormDocument[] => [snapshot('aanvraagformulier'), snapshot('verklaringTOM'), snapshot('protocol')];

  it('finds nothing when shared fields agree (ignoring case, spacing and number formatting)', () => {
    const [a, t, p] = forms();
    const tom = snapshot('verklaringTOM', { 'aanvrager.kbo': '0765432146', 'project.titel': 'sociale  cohesie in Vlaamse gemeenten.' });
    expect(checkDossierForms([a, tom, p], DRAFT)).toEqual([]);
    expect(t.fileName).toBe('verklaringTOM.docx');
  });

  it('flags a field that differs between forms, on the form that differs', () => {
    const [a, , p] = forms();
    const tom = snapshot('verklaringTOM', { 'aanvrager.instelling': 'Hogeschool Anderstad' });
    const findings = checkDossierForms([a, tom, p], DRAFT);
    expect(findings.map((f) => [f.checkId, f.fieldId, f.fileName, f.severity])).toEqual([['dossierSameValue', 'aanvrager.instelling', 'verklaringTOM.docx', 'blocking']]);
    expect(findings[0].message.nl).toContain('Hogeschool Anderstad');
  });

  it('checks the referenced protocol against the known chain', () => {
    const simplified = snapshot('vereenvoudigdAanvraagformulier');
    const addendum = snapshot('addendum');
    expect(checkDossierForms([simplified, addendum], { ...DRAFT, knownProtocolNumbers: ['PROT-2024-012'] })).toEqual([]);
    const unknown = checkDossierForms([simplified, addendum], { ...DRAFT, knownProtocolNumbers: ['PROT-2023-001'] });
    expect(unknown.map((f) => [f.checkId, f.fileName])).toEqual([
      ['dossierKnownProtocol', 'vereenvoudigdAanvraagformulier.docx'],
      ['dossierKnownProtocol', 'addendum.docx']
    ]);
    expect(checkDossierForms([simplified], DRAFT)).toEqual([]);
  });
});

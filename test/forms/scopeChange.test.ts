import { buildFormDocument, checkForm } from '../../src/forms';
import type { CheckContext, FormDocument, ScopeFacts } from '../../src/forms';
import { sampleValues } from '../../src/forms/samples';

/** The protocol PROT-2024-012 the sample simplified form builds on: three variables, until 31/12/2028. */
const scopeInForce: ScopeFacts = {
  protocolNumber: 'PROT-2024-012',
  endDate: '2028-12-31',
  variables: ['leeftijd', 'geslacht', 'gemeente'],
  purposes: ['Onderzoek naar sociale cohesie'],
  surveys: ['SV-bevraging 2023-1'],
  institution: { name: 'Universiteit Voorbeeldstad', enterpriseNumber: '0765432146' }
};
const context: CheckContext = { phase: 'draft', today: '2026-11-25', scopeInForce };

function simplified(fields: Record<string, string>, variables?: string[]): FormDocument {
  const values = sampleValues('vereenvoudigdAanvraagformulier');
  const rows = variables
    ? variables.map((name) => ({ 'variabelen.naam': name, 'variabelen.motivering': 'Nodig voor de analyse.' }))
    : values.rows?.variabelen ?? [];
  const controls = [
    { tag: 'formType', text: 'vereenvoudigdAanvraagformulier' },
    ...Object.entries({ ...values.fields, ...fields }).map(([tag, text]) => ({ tag, text })),
    ...rows.flatMap((row) => Object.entries(row).map(([tag, text]) => ({ tag, text })))
  ];
  return buildFormDocument({ fileName: 'vereenvoudigd.docx', catalogVersion: '2026.1', controls });
}

const scopeFindings = (form: FormDocument, ctx: CheckContext = context): string[] =>
  checkForm(form, ctx).filter((f) => f.checkId === 'scopeChange').map((f) => `${f.severity}:${f.messageKey}:${f.fieldId}`);

describe('scopeChange check', () => {
  it('blocks a request whose variables are all in force and that asks nothing else, and names each variable in force', () => {
    const form = simplified({ 'vereenvoudigd.reden': 'toevoeging variabelen' }, ['leeftijd', 'Gemeente']);
    expect(scopeFindings(form)).toEqual([
      'blocking:forms.check.scopeNothingNew:vereenvoudigd.reden',
      'info:forms.check.scopeVariableInForce:variabelen.naam',
      'info:forms.check.scopeVariableInForce:variabelen.naam'
    ]);
    const nothingNew = checkForm(form, context).find((f) => f.messageKey === 'forms.check.scopeNothingNew')!;
    expect(nothingNew.message.nl).toContain('geldende reikwijdte van PROT-2024-012');
    expect(nothingNew.message.en).toContain('scope in force of PROT-2024-012');
    const inForce = checkForm(form, context).filter((f) => f.messageKey === 'forms.check.scopeVariableInForce');
    expect(inForce.map((f) => f.params.value)).toEqual(['leeftijd', 'Gemeente']);
    // Anchored on the row's own name cell, so the add-in and the annotated copy point at it.
    expect(inForce[1].anchor).toEqual(form.rows.variabelen[1]['variabelen.naam'].anchor);
  });

  it('accepts a request that adds one variable not in force', () => {
    expect(scopeFindings(simplified({ 'vereenvoudigd.reden': 'toevoeging variabelen' }, ['leeftijd', 'opleidingsniveau']))).toEqual([
      'info:forms.check.scopeVariableInForce:variabelen.naam'
    ]);
  });

  it('blocks an extension whose new end date is not after the end date in force, and only that', () => {
    const form = simplified({ 'vereenvoudigd.reden': 'verlenging', 'verlenging.nieuweEinddatum': '31/12/2028' }, []);
    expect(scopeFindings(form)).toEqual(['blocking:forms.check.scopeEndNotLater:verlenging.nieuweEinddatum']);
    const finding = checkForm(form, context).find((f) => f.checkId === 'scopeChange')!;
    expect(finding.message.nl).toBe('De nieuwe einddatum (31/12/2028) ligt niet na de geldende einddatum van PROT-2024-012 (31/12/2028): een verlenging moet later eindigen.');
    expect(scopeFindings(simplified({ 'vereenvoudigd.reden': 'verlenging', 'verlenging.nieuweEinddatum': '01/06/2027' }, []))).toEqual([
      'blocking:forms.check.scopeEndNotLater:verlenging.nieuweEinddatum'
    ]);
  });

  it('accepts an extension to a later date', () => {
    expect(scopeFindings(simplified({ 'vereenvoudigd.reden': 'verlenging', 'verlenging.nieuweEinddatum': '01/01/2029' }, []))).toEqual([]);
  });

  it('blocks an identity change to the identity in force, accepts a new name', () => {
    const same = simplified({ 'vereenvoudigd.reden': 'wijziging identiteit', 'nieuweIdentiteit.instelling': 'universiteit  Voorbeeldstad', 'nieuweIdentiteit.kbo': '0765.432.146' }, []);
    expect(scopeFindings(same)).toEqual(['blocking:forms.check.scopeNothingNew:vereenvoudigd.reden']);
    const renamed = simplified({ 'vereenvoudigd.reden': 'wijziging identiteit', 'nieuweIdentiteit.instelling': 'Universiteit Voorbeeldstad-Oost', 'nieuweIdentiteit.kbo': '0765.432.146' }, []);
    expect(scopeFindings(renamed)).toEqual([]);
  });

  it('blocks new purposes that are already in force, accepts new ones', () => {
    const again = simplified({ 'vereenvoudigd.reden': 'nieuwe doeleinden', 'nieuweDoeleinden.omschrijving': 'Onderzoek naar sociale cohesie', 'nieuweDoeleinden.verband': 'Zelfde.' }, []);
    expect(scopeFindings(again)).toEqual(['blocking:forms.check.scopeNothingNew:vereenvoudigd.reden']);
    const fresh = simplified({ 'vereenvoudigd.reden': 'nieuwe doeleinden', 'nieuweDoeleinden.omschrijving': 'Evaluatie van het buurtbeleid', 'nieuweDoeleinden.verband': 'Bouwt voort op het cohesieonderzoek.' }, []);
    expect(scopeFindings(fresh)).toEqual([]);
  });

  it('leaves an unreadable or missing part to the other checks', () => {
    expect(scopeFindings(simplified({ 'vereenvoudigd.reden': 'verlenging', 'verlenging.nieuweEinddatum': 'binnenkort' }, []))).toEqual([]);
    expect(scopeFindings(simplified({ 'vereenvoudigd.reden': 'toevoeging variabelen' }, []))).toEqual([]);
  });

  it('finds nothing without the scope in force, or on other forms', () => {
    const form = simplified({ 'vereenvoudigd.reden': 'toevoeging variabelen' }, ['leeftijd']);
    expect(scopeFindings(form, { phase: 'draft', today: '2026-11-25' })).toEqual([]);
    const application = buildFormDocument({ fileName: 'a.docx', catalogVersion: '2026.1', controls: [{ tag: 'formType', text: 'aanvraagformulier' }] });
    expect(scopeFindings(application)).toEqual([]);
  });
});

import { parseFieldSchemaXml } from '../../src/local/server/field-schema-xml';

describe('parseFieldSchemaXml', () => {
  it('reads attributes, entities and choices', () => {
    const schema = parseFieldSchemaXml('<Field Type="Choice" DisplayName="Status &amp; fase" Name="State" Indexed="TRUE" Required="TRUE" ID="{1d1c9c1e-0000-4000-8000-000000000001}"><CHOICES><CHOICE>intake</CHOICE><CHOICE>O&apos;Brien</CHOICE></CHOICES><Default>intake</Default></Field>');
    expect(schema).toEqual({ title: 'Status & fase', internalName: 'State', typeKind: 6, required: true, indexed: true, enforceUniqueValues: false, choices: ['intake', "O'Brien"] });
  });

  it('accepts a self-closing element with single quotes', () => {
    expect(parseFieldSchemaXml("<Field Type='Number' DisplayName='Bedrag' Name='Amount' />").typeKind).toBe(9);
  });

  it.each([
    ['<Veld Type="Text" />', /one <Field/],
    ['<Field Type="Text" Name="A"/><Field Type="Text" Name="B"/>', /one <Field/],
    ['<Field Type="Calculated" Name="C"/>', /not supported/],
    ['<!DOCTYPE x [<!ENTITY a "b">]><Field Type="Text"/>', /DOCTYPE/]
  ])('refuses %p', (xml, message) => {
    expect(() => parseFieldSchemaXml(xml)).toThrow(message);
  });
});

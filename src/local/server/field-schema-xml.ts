/**
 * Reads the one `<Field …/>` element of `createfieldasxml` without an XML library (the server stays on
 * Node built-ins): attributes, and `<CHOICES><CHOICE>…</CHOICE></CHOICES>` for choice columns.
 * Reference: https://learn.microsoft.com/en-us/sharepoint/dev/schema/field-element-field
 */
import { FieldType } from '../store/lists';
import { badRequest } from './http';

/** What a field definition says. */
export interface FieldSchema {
  readonly title: string;
  readonly internalName: string;
  readonly typeKind: number;
  readonly required: boolean;
  readonly indexed: boolean;
  readonly enforceUniqueValues: boolean;
  readonly choices: string[];
}

const kinds: Record<string, number> = {
  Text: FieldType.Text, Note: FieldType.Note, DateTime: FieldType.DateTime, Choice: FieldType.Choice, MultiChoice: FieldType.MultiChoice,
  Number: FieldType.Number, Integer: FieldType.Integer, Currency: FieldType.Currency, Boolean: FieldType.Boolean, User: FieldType.User, Lookup: FieldType.Lookup
};

function decodeXml(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, code: string) => {
    if (code.startsWith('#x')) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[code];
  });
}

/** Parses SchemaXml; a 400 with the reason when it is not one Field element of a supported type. */
export function parseFieldSchemaXml(schemaXml: string): FieldSchema {
  const xml = schemaXml.trim();
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw badRequest('SchemaXml must not contain a DOCTYPE.');
  const open = /^<Field((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(xml);
  if (!open) throw badRequest('SchemaXml must be one <Field .../> element.');
  const selfClosing = open[2] === '/';
  if (selfClosing ? xml.length !== open[0].length : !xml.endsWith('</Field>')) throw badRequest('SchemaXml must be one <Field .../> element.');
  const attributes = new Map<string, string>();
  for (const match of open[1].matchAll(/([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes.set(match[1], decodeXml(match[2] ?? match[3] ?? ''));
  }
  const type = attributes.get('Type') ?? '';
  if (!(type in kinds)) throw badRequest(`Field type '${type}' is not supported by the local tenant.`);
  const inner = selfClosing ? '' : xml.slice(open[0].length, -'</Field>'.length);
  const choices = [...inner.matchAll(/<CHOICE>([\s\S]*?)<\/CHOICE>/g)].map((m) => decodeXml(m[1]));
  const title = attributes.get('DisplayName') ?? attributes.get('Name') ?? '';
  return {
    title,
    internalName: attributes.get('Name') ?? attributes.get('StaticName') ?? title,
    typeKind: kinds[type],
    required: (attributes.get('Required') ?? '').toUpperCase() === 'TRUE',
    indexed: (attributes.get('Indexed') ?? '').toUpperCase() === 'TRUE',
    enforceUniqueValues: (attributes.get('EnforceUniqueValues') ?? '').toUpperCase() === 'TRUE',
    choices
  };
}

/**
 * Conversion of REST values to the stored form of each column type, with clear errors for values a
 * column cannot hold (SharePoint refuses them too).
 */
import { StoreError } from './errors';
import { toSharePointDate } from './ids';
import { FieldType } from './field-types';
import type { FieldInfo } from './lists';

/** A principal id (number or numeric string ≥ 1), or a 400. */
export function toPrincipalId(name: string, raw: unknown): number {
  const value = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new StoreError('invalid', `The value of '${name}' must be a user id.`);
  return value;
}

/** An ISO 8601 date normalised to SharePoint's form, or a 400. */
export function normaliseDate(name: string, raw: unknown): string {
  if (typeof raw !== 'string' && !(raw instanceof Date)) throw new StoreError('invalid', `The value of '${name}' must be an ISO 8601 date.`);
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) throw new StoreError('invalid', `Cannot convert '${String(raw)}' to a date for '${name}'.`);
  return toSharePointDate(date);
}

/** Converts one REST value to the stored form for its column type, or refuses it clearly. */
export function normaliseValue(field: FieldInfo, raw: unknown): unknown {
  if (raw === null || raw === undefined) return null;
  const name = field.internalName;
  switch (field.typeKind) {
    case FieldType.Text:
      if (typeof raw !== 'string') throw new StoreError('invalid', `The value of '${name}' must be text.`);
      if (raw.length > 255) throw new StoreError('invalid', `The value of '${name}' is longer than 255 characters.`, '-2130575155, Microsoft.SharePoint.SPFieldValidationException');
      return raw;
    case FieldType.Note:
    case FieldType.Choice:
      if (typeof raw !== 'string') throw new StoreError('invalid', `The value of '${name}' must be text.`);
      return raw;
    case FieldType.DateTime:
      return normaliseDate(name, raw);
    case FieldType.Number:
    case FieldType.Currency:
    case FieldType.Integer: {
      const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new StoreError('invalid', `Cannot convert '${String(raw)}' to a number for '${name}'.`);
      return value;
    }
    case FieldType.Boolean:
      if (raw === true || raw === 1 || raw === '1' || raw === 'true') return true;
      if (raw === false || raw === 0 || raw === '0' || raw === 'false') return false;
      throw new StoreError('invalid', `Cannot convert '${String(raw)}' to a yes/no value for '${name}'.`);
    case FieldType.User:
    case FieldType.Lookup:
      return toPrincipalId(`${name}Id`, raw);
    case FieldType.MultiChoice: {
      const values = Array.isArray(raw) ? raw : typeof raw === 'object' && Array.isArray((raw as { results?: unknown }).results) ? (raw as { results: unknown[] }).results : undefined;
      if (!values || values.some((v) => typeof v !== 'string')) throw new StoreError('invalid', `The value of '${name}' must be a list of texts.`);
      return values;
    }
    default:
      return raw;
  }
}

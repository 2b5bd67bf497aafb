import type { Catalog, FieldDef, FormDef, FormType } from '../types';
import { FORM_TYPES } from '../types';
import { FIELD_LIST } from './fields';
import { FORM_DEFS } from './forms';
import { normalizePlaceholderCandidate, WORD_DEFAULT_PLACEHOLDERS } from './placeholders';
import { SURVEY_WAVES } from './surveys';

export { SIMPLIFIED_REASONS } from './fields';

/** Version written into every generated form (`VsaFormVersion`). */
export const CATALOG_VERSION = '2026.2';

/**
 * Every catalog version the reader knows, oldest first. 2026.2 added the conditions table (`voorwaarden`)
 * to the protocol and the addendum; a 2026.1 form lacks only that table, which is never required of the
 * requester, so the reader reads it as it is, without a notice.
 */
export const KNOWN_CATALOG_VERSIONS: readonly string[] = ['2026.1', CATALOG_VERSION];

/** True for a catalog version the reader knows. */
export function isKnownCatalogVersion(version: string): boolean {
  return KNOWN_CATALOG_VERSIONS.includes(version);
}

function indexFields(list: readonly FieldDef[]): Record<string, FieldDef> {
  const byId: Record<string, FieldDef> = {};
  for (const def of list) {
    byId[def.id] = def;
    for (const column of def.columns ?? []) byId[column.id] = column;
  }
  return byId;
}

/** The catalog as data: fields, forms, surveys, version. */
export const CATALOG: Catalog = {
  version: CATALOG_VERSION,
  fields: indexFields(FIELD_LIST),
  forms: FORM_DEFS,
  surveys: SURVEY_WAVES
};

/** True for the five known form type ids. */
export function isFormType(value: string | undefined): value is FormType {
  return value !== undefined && (FORM_TYPES as readonly string[]).includes(value);
}

/** The definition of a form type. */
export function getFormDef(formType: FormType): FormDef {
  return CATALOG.forms[formType];
}

/** The definition of a field (or row column); undefined for unknown ids. */
export function getFieldDef(fieldId: string): FieldDef | undefined {
  return CATALOG.fields[fieldId];
}

/** Ids of the single (non-rows) fields of a form, in document order. */
export function fieldIdsOfForm(formType: FormType): string[] {
  return getFormDef(formType)
    .sections.flatMap((section) => section.fieldIds)
    .filter((id) => CATALOG.fields[id]?.kind !== 'rows');
}

/** Ids of the rows fields (repeating tables) of a form. */
export function rowsFieldIdsOfForm(formType: FormType): string[] {
  return getFormDef(formType)
    .sections.flatMap((section) => section.fieldIds)
    .filter((id) => CATALOG.fields[id]?.kind === 'rows');
}

const KNOWN_PLACEHOLDERS: ReadonlySet<string> = new Set(
  [
    ...WORD_DEFAULT_PLACEHOLDERS,
    ...Object.values(CATALOG.fields).flatMap((def) => [def.placeholderNl, def.placeholderEn])
  ]
    .filter((text) => text.length > 0)
    .map(normalizePlaceholderCandidate)
);

const LONGEST_PLACEHOLDER = Math.max(...[...KNOWN_PLACEHOLDERS].map((text) => text.length));

/** True when `text` is a placeholder of any catalog field or a Word default placeholder, in any language. */
export function isPlaceholderText(text: string): boolean {
  if (text.length > LONGEST_PLACEHOLDER + 8) return false;
  const normalized = normalizePlaceholderCandidate(text);
  return normalized.length > 0 && KNOWN_PLACEHOLDERS.has(normalized);
}

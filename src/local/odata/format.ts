/**
 * Serialises entities in the three JSON flavours SharePoint REST speaks, chosen by the Accept header:
 * - `application/json;odata=verbose`  → `{ d: { __metadata, ... } }`, collections `{ d: { results, __next } }`
 * - `application/json;odata=minimalmetadata` (= `application/json`, SPO's default)
 *   → `odata.metadata` + per entity `odata.type`, `odata.id`, `odata.etag`, `odata.editLink`;
 *   collections `{ value, odata.nextLink }`
 * - `application/json;odata=nometadata` → properties only; collections `{ value, odata.nextLink }`.
 * Reference: https://devblogs.microsoft.com/microsoft365dev/json-light-support-in-rest-sharepoint-api-released/
 * and https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/working-with-lists-and-list-items-with-rest
 */
import { isSelected, nestedSelection, type Selection } from './select';

/** A JSON flavour. */
export type Flavour = 'nometadata' | 'minimalmetadata' | 'verbose';

/** The flavour asked for by an Accept header (minimal metadata when absent or plain JSON). */
export function flavourOf(accept: string | undefined): Flavour {
  const value = (accept ?? '').toLowerCase();
  if (value.includes('odata=verbose')) return 'verbose';
  if (value.includes('odata=nometadata')) return 'nometadata';
  return 'minimalmetadata';
}

/** The Content-Type header SharePoint sends for a flavour. */
export function contentTypeOf(flavour: Flavour): string {
  return `application/json;odata=${flavour};streaming=true;charset=utf-8`;
}

/** An entity with its OData metadata; property values may be nested entities or arrays of them. */
export class ODataEntity {
  constructor(
    /** Entity type, e.g. `SP.Data.DossiersListItem`. */
    readonly type: string,
    /** Absolute URI of the entity. */
    readonly uri: string,
    /** URI relative to `_api/`, e.g. `Web/Lists(guid'…')/Items(1)`. */
    readonly editLink: string,
    readonly props: Readonly<Record<string, unknown>>,
    readonly etag?: string
  ) {}
}

const all: Selection = { top: undefined, nested: new Map() };

function propsOf(flavour: Flavour, entity: ODataEntity, selection: Selection): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(entity.props)) {
    if (!isSelected(selection, name)) continue;
    const sub = nestedSelection(selection, name);
    if (value instanceof ODataEntity) {
      out[name] = entityBody(flavour, value, sub);
    } else if (Array.isArray(value) && value.length > 0 && value.every((v) => v instanceof ODataEntity)) {
      const items = (value as ODataEntity[]).map((v) => entityBody(flavour, v, sub));
      out[name] = flavour === 'verbose' ? { results: items } : items;
    } else if (Array.isArray(value) && flavour === 'verbose') {
      // Verbose wraps primitive collections too (e.g. Choices, multi-choice values).
      const type = value.every((v) => typeof v === 'number') && value.length > 0 ? 'Collection(Edm.Int32)' : 'Collection(Edm.String)';
      out[name] = { __metadata: { type }, results: value };
    } else {
      out[name] = value;
    }
  }
  return out;
}

function entityBody(flavour: Flavour, entity: ODataEntity, selection: Selection): Record<string, unknown> {
  const props = propsOf(flavour, entity, selection);
  if (flavour === 'verbose') {
    const metadata: Record<string, string> = { id: entity.uri, uri: entity.uri, type: entity.type };
    if (entity.etag !== undefined) metadata.etag = entity.etag;
    return { __metadata: metadata, ...props };
  }
  if (flavour === 'minimalmetadata') {
    const head: Record<string, string> = { 'odata.type': entity.type, 'odata.id': entity.uri };
    if (entity.etag !== undefined) head['odata.etag'] = entity.etag;
    head['odata.editLink'] = entity.editLink;
    return { ...head, ...props };
  }
  return props;
}

/** One entity as a response body. `metadataUrl` is the `$metadata#…` URL for minimal metadata. */
export function formatEntity(flavour: Flavour, entity: ODataEntity, metadataUrl: string, selection: Selection = all): unknown {
  const body = entityBody(flavour, entity, selection);
  if (flavour === 'verbose') return { d: body };
  if (flavour === 'minimalmetadata') return { 'odata.metadata': `${metadataUrl}/@Element`, ...body };
  return body;
}

/** A collection as a response body, with the next-page link when there is one. */
export function formatCollection(flavour: Flavour, entities: readonly ODataEntity[], metadataUrl: string, selection: Selection = all, nextLink?: string): unknown {
  const results = entities.map((e) => entityBody(flavour, e, selection));
  if (flavour === 'verbose') return { d: nextLink ? { results, __next: nextLink } : { results } };
  // Decision (docs/decisions.md): nometadata also carries odata.nextLink, so paging
  // clients (PnPjs' async iterator) work in every flavour.
  const body: Record<string, unknown> = flavour === 'minimalmetadata' ? { 'odata.metadata': metadataUrl, value: results } : { value: results };
  if (nextLink) body['odata.nextLink'] = nextLink;
  return body;
}

/** A primitive or complex function result (e.g. `Recycle` → Edm.Guid). */
export function formatValue(flavour: Flavour, functionName: string, value: unknown, metadataUrl: string): unknown {
  if (flavour === 'verbose') return { d: { [functionName]: value } };
  if (flavour === 'minimalmetadata') return { 'odata.metadata': metadataUrl, value };
  return { value };
}

/** A complex-typed result (e.g. contextinfo) without an entity id. */
export function formatComplex(flavour: Flavour, type: string, functionName: string, props: Record<string, unknown>, metadataUrl: string): unknown {
  if (flavour === 'verbose') return { d: { [functionName]: { __metadata: { type }, ...props } } };
  if (flavour === 'minimalmetadata') return { 'odata.metadata': metadataUrl, 'odata.type': type, ...props };
  return props;
}

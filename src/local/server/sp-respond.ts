/**
 * Writes SharePoint REST responses in the flavour the request asked for.
 */
import { contentTypeOf, flavourOf, formatCollection, formatComplex, formatEntity, formatValue, ODataEntity, type Flavour } from '../odata/format';
import { parseExpand, parseExpandPaths, parseSelect, type Selection } from '../odata/select';
import { sharePointErrorBody } from '../odata/errors';
import { filterCollection } from '../odata/entity-filter';
import { FilterSyntaxError } from '../odata/filter-parser';
import { badRequest, emptyResponse, notImplemented, type HttpError, type LtRequest, type LtResponse } from './http';
import type { SiteUrls } from './sp-entities';

/** A query option a handler may apply itself. */
export type QueryOption = '$filter' | '$top' | '$orderby' | '$skip' | '$skiptoken';

/** Response writer bound to one request. */
export class SpResponder {
  readonly flavour: Flavour;
  readonly selection: Selection;
  /** First segments of the `$expand` paths (what a handler checks to build a navigation property). */
  readonly expand: Set<string>;
  /** Every `$expand` path, split (`ListItemAllFields/ParentList` → two segments). */
  readonly expandPaths: string[][];

  constructor(readonly request: LtRequest, readonly urls: SiteUrls) {
    this.flavour = flavourOf(request.headers.get('accept'));
    this.selection = parseSelect(request.url.searchParams.get('$select'));
    this.expand = parseExpand(request.url.searchParams.get('$expand'));
    this.expandPaths = parseExpandPaths(request.url.searchParams.get('$expand'));
  }

  /** Whether `$expand` names this navigation property (case-insensitive, as SharePoint). */
  expands(name: string): boolean {
    return [...this.expand].some((e) => e.toLowerCase() === name.toLowerCase());
  }

  private json(status: number, body: unknown, headers: Record<string, string> = {}): LtResponse {
    return { status, headers: { 'content-type': contentTypeOf(this.flavour), ...headers }, body: JSON.stringify(body) };
  }

  /** One entity; `set` names the `$metadata#` entity set (e.g. `SP.ListData.DossiersListItems`). */
  entity(entity: ODataEntity, set: string, status = 200, headers: Record<string, string> = {}): LtResponse {
    this.requireExpanded([entity]);
    this.requireSelected([entity]);
    return this.json(status, formatEntity(this.flavour, entity, `${this.urls.apiUrl}$metadata#${set}`, this.selection), headers);
  }

  /**
   * A collection with an optional next link. `applied` names the query options the handler honoured
   * itself; of the others, `$filter` and `$top` are applied here on the entities' properties and
   * `$orderby`, `$skip`, `$search` and `$apply` are refused: a collection must never come back
   * unfiltered or in another order than asked.
   */
  collection(entities: readonly ODataEntity[], set: string, nextLink?: string, applied: readonly QueryOption[] = []): LtResponse {
    const shown = this.applyQuery(entities, applied);
    this.requireExpanded(shown);
    this.requireSelected(shown);
    return this.json(200, formatCollection(this.flavour, shown, `${this.urls.apiUrl}$metadata#${set}`, this.selection, nextLink));
  }

  /**
   * Every `$select`ed property must be in the answer: leaving one out would hand the caller `undefined`
   * where SharePoint has a value. `Nav/Prop` needs `Nav` expanded (SharePoint's 400 otherwise).
   */
  private requireSelected(entities: readonly ODataEntity[]): void {
    if (entities.length === 0) return;
    for (const path of selectPaths(this.request.url.searchParams.get('$select'))) {
      // `Nav/Prop` needs `$expand=Nav` in SharePoint; complex values (`ServerRelativePath/DecodedUrl`) need none.
      const head = entities.map((entity) => Object.entries(entity.props).find(([name]) => name.toLowerCase() === path[0].toLowerCase())?.[1]).find((value) => value !== undefined);
      const isComplexValue = head !== null && typeof head === 'object' && !(head instanceof ODataEntity) && !Array.isArray(head);
      if (path.length > 1 && !isComplexValue && !this.expands(path[0])) {
        throw badRequest(`The query to field '${path.join('/')}' is not valid. The $select query string must specify the target fields and the $expand query string must contain ${path[0]}.`, '-1, Microsoft.SharePoint.SPException');
      }
      const problems = entities.map((entity) => selectionProblem(entity, path));
      if (problems.some((p) => p === undefined)) continue;
      if (problems[0] === 'plain') throw badRequest(`The query to field '${path.join('/')}' is not valid. The $select query string must specify the target fields and the $expand query string must contain ${path[0]}.`, '-1, Microsoft.SharePoint.SPException');
      throw notImplemented(`The local tenant does not provide the property '${path.join('/')}' of ${entities[0].type} ('${this.request.url.pathname}').`);
    }
  }

  private applyQuery(entities: readonly ODataEntity[], applied: readonly QueryOption[]): ODataEntity[] {
    const params = new URLSearchParams(this.request.url.searchParams);
    for (const option of applied) params.delete(option);
    for (const option of ['$orderby', '$skip', '$search', '$apply'] as const) {
      if (params.has(option) && params.get(option) !== '') throw notImplemented(`The local tenant does not implement ${option} on this collection ('${this.request.url.pathname}').`);
    }
    if (!params.has('$filter') && !params.has('$top')) return [...entities];
    try {
      return filterCollection(entities, (entity) => entity.props, params);
    } catch (error) {
      if (error instanceof FilterSyntaxError || error instanceof RangeError) throw badRequest(`The query is not valid: ${error.message}`, '-1, Microsoft.SharePoint.SPException');
      throw error;
    }
  }

  /**
   * Every `$expand` path must lead to a navigation property the answer carries; dropping one silently
   * would hand the caller an entity without what it asked for. A path through a plain property is a 400
   * (as in SharePoint); one the local tenant does not build is a 501.
   */
  private requireExpanded(entities: readonly ODataEntity[]): void {
    if (entities.length === 0) return;
    for (const path of this.expandPaths) {
      const problems = entities.map((entity) => expansionProblem(entity, path));
      // Fine when any entity carries it (a folder item has no File, a file item has).
      if (problems.some((p) => p === undefined)) continue;
      const problem = problems[0];
      if (problem === 'plain') throw badRequest(`The query to field '${path.join('/')}' is not valid. The $expand query string must name a lookup, user or navigation property.`, '-1, Microsoft.SharePoint.SPException');
      if (problem === 'missing') throw notImplemented(`The local tenant cannot expand '${path.join('/')}' on ${entities[0].type}.`);
    }
  }

  /** A primitive function result. */
  value(functionName: string, value: unknown, edmType: string): LtResponse {
    return this.json(200, formatValue(this.flavour, functionName, value, `${this.urls.apiUrl}$metadata#${edmType}`));
  }

  /** A complex-typed function result. */
  complex(type: string, functionName: string, props: Record<string, unknown>): LtResponse {
    return this.json(200, formatComplex(this.flavour, type, functionName, props, `${this.urls.apiUrl}$metadata#${type}`));
  }

  /** 200 with an empty body (SharePoint's answer to void service operations). */
  ok(): LtResponse {
    return emptyResponse(200);
  }

  /** 204 with optional headers (MERGE answers with the new ETag). */
  noContent(headers: Record<string, string> = {}): LtResponse {
    return emptyResponse(204, headers);
  }
}

/** SharePoint's error response for a request (flavour from its Accept header). */
export function sharePointError(request: LtRequest, error: HttpError): LtResponse {
  const flavour = flavourOf(request.headers.get('accept'));
  return {
    status: error.status,
    headers: { 'content-type': contentTypeOf(flavour), ...error.headers },
    body: JSON.stringify(sharePointErrorBody(flavour, error.spCode, error.message))
  };
}

/** Why an expand path cannot be followed on an entity: `missing` (not built) or `plain` (not navigable); undefined when fine. */
function expansionProblem(entity: ODataEntity, path: readonly string[]): 'missing' | 'plain' | undefined {
  const [head, ...rest] = path;
  const key = Object.keys(entity.props).find((name) => name.toLowerCase() === head.toLowerCase());
  if (key === undefined) return 'missing';
  const value = entity.props[key];
  if (value === null) return undefined;
  if (value instanceof ODataEntity) return rest.length ? expansionProblem(value, rest) : undefined;
  if (Array.isArray(value) && value.every((v) => v instanceof ODataEntity)) {
    if (!rest.length || value.length === 0) return undefined;
    return (value as ODataEntity[]).map((v) => expansionProblem(v, rest)).find((p) => p !== undefined);
  }
  return 'plain';
}

function selectPaths(input: string | null): string[][] {
  if (!input) return [];
  return input
    .split(',')
    .map((term) => term.trim())
    .filter((term) => term !== '' && term !== '*' && !term.endsWith('/*'))
    .map((term) => term.split('/').map((part) => part.trim()));
}

/** Why a `$select` path is not in an entity: `missing` (not provided) or `plain` (a path through a value); undefined when fine. */
function selectionProblem(entity: ODataEntity, path: readonly string[]): 'missing' | 'plain' | undefined {
  const [head, ...rest] = path;
  const key = Object.keys(entity.props).find((name) => name.toLowerCase() === head.toLowerCase());
  if (key === undefined) return 'missing';
  if (!rest.length) return undefined;
  const value = entity.props[key];
  if (value === null) return undefined;
  if (value instanceof ODataEntity) return selectionProblem(value, rest);
  if (Array.isArray(value) && value.every((v) => v instanceof ODataEntity)) {
    return value.length === 0 ? undefined : (value as ODataEntity[]).map((v) => selectionProblem(v, rest)).find((p) => p !== undefined);
  }
  // Complex values (ServerRelativePath/DecodedUrl) are selectable by path too.
  if (typeof value === 'object' && !Array.isArray(value)) return Object.keys(value as object).some((k) => k.toLowerCase() === rest[0].toLowerCase()) ? undefined : 'missing';
  return 'plain';
}

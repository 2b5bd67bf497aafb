/**
 * Writes SharePoint REST responses in the flavour the request asked for.
 */
import { contentTypeOf, flavourOf, formatCollection, formatComplex, formatEntity, formatValue, type Flavour, type ODataEntity } from '../odata/format';
import { parseExpand, parseSelect, type Selection } from '../odata/select';
import { sharePointErrorBody } from '../odata/errors';
import { emptyResponse, type HttpError, type LtRequest, type LtResponse } from './http';
import type { SiteUrls } from './sp-entities';

/** Response writer bound to one request. */
export class SpResponder {
  readonly flavour: Flavour;
  readonly selection: Selection;
  readonly expand: Set<string>;

  constructor(readonly request: LtRequest, readonly urls: SiteUrls) {
    this.flavour = flavourOf(request.headers.get('accept'));
    this.selection = parseSelect(request.url.searchParams.get('$select'));
    this.expand = parseExpand(request.url.searchParams.get('$expand'));
  }

  private json(status: number, body: unknown, headers: Record<string, string> = {}): LtResponse {
    return { status, headers: { 'content-type': contentTypeOf(this.flavour), ...headers }, body: JSON.stringify(body) };
  }

  /** One entity; `set` names the `$metadata#` entity set (e.g. `SP.ListData.DossiersListItems`). */
  entity(entity: ODataEntity, set: string, status = 200, headers: Record<string, string> = {}): LtResponse {
    return this.json(status, formatEntity(this.flavour, entity, `${this.urls.apiUrl}$metadata#${set}`, this.selection), headers);
  }

  /** A collection with an optional next link. */
  collection(entities: readonly ODataEntity[], set: string, nextLink?: string): LtResponse {
    return this.json(200, formatCollection(this.flavour, entities, `${this.urls.apiUrl}$metadata#${set}`, this.selection, nextLink));
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

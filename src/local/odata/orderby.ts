/**
 * Parses `$orderby` ("Title desc,Id" or Graph's "fields/Title desc") into column names and directions.
 */

/** One sort key. */
export interface OrderByTerm {
  readonly field: string;
  readonly descending: boolean;
}

/** Raised for an `$orderby` the server does not accept. */
export class OrderBySyntaxError extends Error {}

/** Parses `$orderby`; empty input gives no terms. */
export function parseOrderBy(input: string | null | undefined): OrderByTerm[] {
  if (!input || input.trim() === '') return [];
  return input.split(',').map((part) => {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!match) throw new OrderBySyntaxError(`'${part.trim()}' is not a valid $orderby term (use "Column" or "Column desc").`);
    return { field: match[1], descending: (match[2] ?? 'asc').toLowerCase() === 'desc' };
  });
}

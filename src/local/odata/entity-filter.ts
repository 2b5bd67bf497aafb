/**
 * `$filter` and `$top` over small in-memory collections (lists, fields, groups): the same filter
 * grammar as list items, evaluated on the entity's properties instead of SQL. SharePoint honours
 * `$filter` on these collections (e.g. `web/lists?$filter=Title eq 'Dossiers'`), so ignoring it
 * would hand callers rows they did not ask for.
 */
import { FilterSyntaxError, parseFilter, type FilterLiteral, type FilterNode } from './filter-parser';

type Props = Readonly<Record<string, unknown>>;

function propertyOf(props: Props, field: string): unknown {
  // Property names in SharePoint's OData are case-insensitive.
  const wanted = field.toLowerCase();
  const key = Object.keys(props).find((name) => name.toLowerCase() === wanted);
  if (key === undefined) throw new FilterSyntaxError(`The property '${field}' does not exist on this collection.`);
  return props[key];
}

function literalValue(literal: FilterLiteral): string | number | boolean | null {
  return literal.kind === 'null' ? null : literal.value;
}

/** Compares like SharePoint: text case-insensitively (ASCII and beyond), numbers and booleans by value. */
function compare(actual: unknown, expected: string | number | boolean | null): number | undefined {
  if (actual === null || actual === undefined || expected === null) return undefined;
  if (typeof expected === 'number') {
    const value = Number(actual);
    return Number.isNaN(value) ? undefined : value - expected;
  }
  if (typeof expected === 'boolean') return actual === expected ? 0 : 1;
  const left = String(actual).toLowerCase();
  const right = expected.toLowerCase();
  return left === right ? 0 : left < right ? -1 : 1;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** Whether an entity's properties satisfy a parsed filter. */
export function matchesFilter(node: FilterNode, props: Props): boolean {
  switch (node.kind) {
    case 'and':
      return matchesFilter(node.left, props) && matchesFilter(node.right, props);
    case 'or':
      return matchesFilter(node.left, props) || matchesFilter(node.right, props);
    case 'startswith':
      return String(propertyOf(props, node.field) ?? '').toLowerCase().startsWith(node.value.toLowerCase());
    case 'substringof':
      return String(propertyOf(props, node.field) ?? '').toLowerCase().includes(node.value.toLowerCase());
    case 'compare': {
      const actual = propertyOf(props, node.field);
      const expected = literalValue(node.value);
      if (expected === null) return node.op === 'eq' ? isEmpty(actual) : node.op === 'ne' ? !isEmpty(actual) : false;
      const order = compare(actual, expected);
      switch (node.op) {
        case 'eq':
          return order === 0;
        case 'ne':
          return order !== 0;
        case 'lt':
          return order !== undefined && order < 0;
        case 'le':
          return order !== undefined && order <= 0;
        case 'gt':
          return order !== undefined && order > 0;
        case 'ge':
          return order !== undefined && order >= 0;
      }
    }
  }
  return false;
}

/**
 * Applies `$filter` and `$top` of a request to a collection. Throws `FilterSyntaxError` for a bad
 * filter or an unknown property (the caller answers 400) and `RangeError` for a bad `$top`.
 */
export function filterCollection<T>(rows: readonly T[], propsOf: (row: T) => Props, params: URLSearchParams): T[] {
  const filter = params.get('$filter');
  let result = [...rows];
  if (filter && filter.trim() !== '') {
    const tree = parseFilter(filter);
    result = result.filter((row) => matchesFilter(tree, propsOf(row)));
  }
  const top = params.get('$top');
  if (top !== null && top !== '') {
    const count = Number(top);
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`The $top value '${top}' is not a positive integer.`);
    result = result.slice(0, count);
  }
  return result;
}

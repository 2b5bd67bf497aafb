/**
 * Translates a parsed `$filter` into a SQL condition over the items table. Column expressions come
 * from a resolver; every literal is a bound parameter, never part of the SQL text.
 */
import type { SqlValue } from '../store/db';
import type { SqlFragment } from '../store/lists';
import { FilterSyntaxError, type FilterLiteral, type FilterNode } from './filter-parser';

/** How a column is read in SQL and what type its values have. */
export interface ColumnRef {
  readonly sql: string;
  readonly params: readonly SqlValue[];
  readonly type: 'text' | 'number' | 'date' | 'boolean';
  readonly indexed: boolean;
}

/** Maps a column name of a filter or orderby to its SQL; throws for unknown columns. */
export type ColumnResolver = (name: string) => ColumnRef;

const sqlOperators = { eq: '=', ne: '<>', lt: '<', le: '<=', gt: '>', ge: '>=' } as const;

function literalFor(column: ColumnRef, name: string, literal: FilterLiteral): SqlValue {
  switch (column.type) {
    case 'text':
      if (literal.kind === 'string' || literal.kind === 'datetime') return literal.value;
      if (literal.kind === 'number') return String(literal.value);
      break;
    case 'number':
      if (literal.kind === 'number') return literal.value;
      if (literal.kind === 'string' && literal.value.trim() !== '' && Number.isFinite(Number(literal.value))) return Number(literal.value);
      break;
    case 'boolean':
      if (literal.kind === 'boolean') return literal.value ? 1 : 0;
      if (literal.kind === 'number' && (literal.value === 0 || literal.value === 1)) return literal.value;
      break;
    case 'date':
      if (literal.kind === 'datetime') return literal.value;
      if (literal.kind === 'string') {
        const date = new Date(literal.value);
        if (!Number.isNaN(date.getTime())) return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
      }
      break;
  }
  throw new FilterSyntaxError(`The value ${literal.kind === 'null' ? 'null' : `'${String(literal.value)}'`} cannot be compared with column '${name}' (${column.type}).`);
}

/** Builds the SQL condition of a filter tree. */
export function filterToSql(node: FilterNode, resolve: ColumnResolver): SqlFragment {
  switch (node.kind) {
    case 'and':
    case 'or': {
      const left = filterToSql(node.left, resolve);
      const right = filterToSql(node.right, resolve);
      return { sql: `(${left.sql}) ${node.kind.toUpperCase()} (${right.sql})`, params: [...left.params, ...right.params] };
    }
    case 'startswith':
    case 'substringof': {
      const column = resolve(node.field);
      if (column.type !== 'text') throw new FilterSyntaxError(`${node.kind} needs a text column; '${node.field}' is ${column.type}.`);
      // instr/substr instead of LIKE: % and _ in the user's text stay literal characters.
      return node.kind === 'startswith'
        ? { sql: `lower(substr(${column.sql}, 1, length(?))) = lower(?)`, params: [...column.params, node.value, node.value] }
        : { sql: `instr(lower(${column.sql}), lower(?)) > 0`, params: [...column.params, node.value] };
    }
    case 'compare': {
      const column = resolve(node.field);
      if (node.value.kind === 'null') {
        if (node.op !== 'eq' && node.op !== 'ne') throw new FilterSyntaxError(`Only eq and ne can compare '${node.field}' with null.`);
        return { sql: `${column.sql} IS ${node.op === 'eq' ? '' : 'NOT '}NULL`, params: column.params };
      }
      const value = literalFor(column, node.field, node.value);
      const collate = column.type === 'text' ? ' COLLATE NOCASE' : '';
      if (node.op === 'ne') {
        // SharePoint's Neq also returns items whose column is empty.
        return { sql: `(${column.sql} IS NULL OR ${column.sql} <> ?${collate})`, params: [...column.params, ...column.params, value] };
      }
      return { sql: `${column.sql} ${sqlOperators[node.op]} ?${collate}`, params: [...column.params, value] };
    }
  }
}

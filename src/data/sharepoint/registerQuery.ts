import type { RegisterOrder, RegisterQuery } from '../ports';
import { DossierColumn, dossiersList, indexedColumnsOf } from '../schemaNames';
import { odataDateTime, odataString } from '../odata';

/** The OData parts of a register request. */
export interface ODataQueryParts {
  readonly select: readonly string[];
  readonly filter?: string;
  readonly orderBy: readonly { readonly column: string; readonly ascending: boolean }[];
  readonly top: number;
  /** Every column the filter and the order use: all must be indexed. */
  readonly usedColumns: readonly string[];
}

/** Columns the register reads; nothing else (no snapshot, no payload). */
export const REGISTER_SELECT: readonly string[] = [
  'Id',
  DossierColumn.Reference,
  DossierColumn.Subject,
  DossierColumn.State,
  DossierColumn.StateSince,
  DossierColumn.Institution,
  DossierColumn.Procedure,
  DossierColumn.AssigneeEmail,
  DossierColumn.AssigneeName,
  DossierColumn.ReceivedOn,
  DossierColumn.ProtocolNumber,
  DossierColumn.ParentProtocolNumber,
  DossierColumn.AddendumNumber,
  DossierColumn.ProtocolEndDate,
  // Selected only (lead times, review deadline); never in $filter/$orderby, it is not indexed.
  DossierColumn.StateHistory,
  // Selected only: the survey filter runs in the browser over every row (waves and whole surveys).
  DossierColumn.Surveys,
  DossierColumn.VariableCount,
  // Selected only: "Voorwaarden te volgen" filters and sorts in the browser over every row.
  DossierColumn.OpenConditions,
  DossierColumn.NextConditionDue,
  // Selected only (lifecycle, issue 16): the revoked badge and the chain's dates.
  DossierColumn.RetentionEnd,
  DossierColumn.RevokedOn,
  'Modified'
];

const orders: Readonly<Record<RegisterOrder, { column: string; ascending: boolean }>> = {
  // References are VSA-YYYY-NNNN, so descending reference = newest registration first.
  newest: { column: DossierColumn.Reference, ascending: false },
  oldest: { column: 'ID', ascending: true },
  reference: { column: DossierColumn.Reference, ascending: true },
  stateSince: { column: DossierColumn.StateSince, ascending: true },
  receivedOn: { column: DossierColumn.ReceivedOn, ascending: false },
  protocolEndDate: { column: DossierColumn.ProtocolEndDate, ascending: true }
};

/** Thrown for a query the register must never send (a programming error, not user input). */
export class NonIndexedQueryError extends Error {
  public constructor(columns: readonly string[]) {
    super(`Register query uses non-indexed column(s): ${columns.join(', ')}`);
    this.name = 'NonIndexedQueryError';
  }
}

/**
 * Builds the register's `$filter`/`$orderby`/`$select`/`$top`. Every clause is on a column that
 * provisioning indexes, so the query stays below the list view threshold on lists of any size
 * (SharePoint only needs the first clause to be indexed; we keep all of them indexed). Free-text search
 * is not sent to the server: it would need `substringof` on a non-indexed column.
 */
export function buildRegisterQuery(query: RegisterQuery): ODataQueryParts {
  const clauses: string[] = [];
  const used: string[] = [];
  const add = (column: string, clause: string): void => {
    clauses.push(clause);
    used.push(column);
  };
  if (query.states && query.states.length > 0) {
    const states = query.states.map((state) => `${DossierColumn.State} eq ${odataString(state)}`);
    add(DossierColumn.State, states.length === 1 ? states[0] : `(${states.join(' or ')})`);
  }
  if (query.assigneeEmail) add(DossierColumn.AssigneeEmail, `${DossierColumn.AssigneeEmail} eq ${odataString(query.assigneeEmail.toLowerCase())}`);
  if (query.procedure) add(DossierColumn.Procedure, `${DossierColumn.Procedure} eq ${odataString(query.procedure)}`);
  if (query.institution) add(DossierColumn.Institution, `${DossierColumn.Institution} eq ${odataString(query.institution)}`);
  if (query.referencePrefix) add(DossierColumn.Reference, `startswith(${DossierColumn.Reference},${odataString(query.referencePrefix)})`);
  if (query.protocolNumber) add(DossierColumn.ProtocolNumber, `${DossierColumn.ProtocolNumber} eq ${odataString(query.protocolNumber)}`);
  if (query.receivedFrom) add(DossierColumn.ReceivedOn, `${DossierColumn.ReceivedOn} ge ${odataDateTime(query.receivedFrom)}`);
  if (query.receivedBefore) add(DossierColumn.ReceivedOn, `${DossierColumn.ReceivedOn} lt ${odataDateTime(query.receivedBefore)}`);
  if (query.stateSinceBefore) add(DossierColumn.StateSince, `${DossierColumn.StateSince} lt ${odataDateTime(query.stateSinceBefore)}`);
  if (query.protocolEndBefore) add(DossierColumn.ProtocolEndDate, `${DossierColumn.ProtocolEndDate} lt ${odataDateTime(query.protocolEndBefore)}`);

  const order = orders[query.orderBy ?? 'newest'];
  used.push(order.column);
  // SharePoint's paging always breaks ties on ID (the skip token carries p_ID), so no explicit
  // tie-breaker; ascending ID is SharePoint's default order and needs no $orderby at all.
  const orderBy = order.column === 'ID' && order.ascending ? [] : [order];
  const pageSize = query.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 5000) {
    throw new RangeError(`Register page size must be an integer from 1 to 5000, got ${pageSize}`);
  }
  const parts: ODataQueryParts = {
    select: REGISTER_SELECT,
    filter: clauses.length > 0 ? clauses.join(' and ') : undefined,
    orderBy,
    top: pageSize,
    usedColumns: [...new Set(used)]
  };
  assertIndexedOnly(parts);
  return parts;
}

/** Refuses a query that filters or sorts on a column provisioning did not index. */
export function assertIndexedOnly(parts: ODataQueryParts): void {
  const indexed = indexedColumnsOf(dossiersList);
  const offending = parts.usedColumns.filter((column) => !indexed.has(column));
  if (offending.length > 0) throw new NonIndexedQueryError(offending);
}

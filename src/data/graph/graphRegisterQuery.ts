import type { RegisterQuery } from '../ports';
import { DossierColumn } from '../schemaNames';
import { buildRegisterQuery } from '../sharepoint/registerQuery';
import { graphString } from './graphClient';
import type { ListItemsQuery } from './graphListItems';

const graphOrder: Readonly<Record<string, string>> = { ID: 'id' };

function isoLiteral(value: string): string {
  const time = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(time)) throw new RangeError(`Not an ISO date: "${value}"`);
  return graphString(new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z'));
}

/**
 * The register query in Graph's dialect (`fields/<Column>` operands, ISO string date literals). The
 * PnPjs builder runs first and refuses any non-indexed column, so both adapters send only indexed
 * filters. Graph filters on one indexed field at a time; with several the `Prefer` header is needed.
 */
export function graphRegisterQuery(query: RegisterQuery): ListItemsQuery {
  const parts = buildRegisterQuery(query);
  const clauses: string[] = [];
  const field = (column: string): string => `fields/${column}`;
  // Columns this filter uses: Graph filters on one indexed field at a time without the Prefer header.
  const filterColumns = new Set<string>();
  const use = (column: string): string => {
    filterColumns.add(column);
    return field(column);
  };
  if (query.states && query.states.length > 0) {
    const states = query.states.map((state) => `${use(DossierColumn.State)} eq ${graphString(state)}`);
    clauses.push(states.length === 1 ? states[0] : `(${states.join(' or ')})`);
  }
  if (query.assigneeEmail) clauses.push(`${use(DossierColumn.AssigneeEmail)} eq ${graphString(query.assigneeEmail.toLowerCase())}`);
  if (query.procedure) clauses.push(`${use(DossierColumn.Procedure)} eq ${graphString(query.procedure)}`);
  if (query.institution) clauses.push(`${use(DossierColumn.Institution)} eq ${graphString(query.institution)}`);
  if (query.referencePrefix) clauses.push(`startswith(${use(DossierColumn.Reference)},${graphString(query.referencePrefix)})`);
  if (query.protocolNumber) clauses.push(`${use(DossierColumn.ProtocolNumber)} eq ${graphString(query.protocolNumber)}`);
  if (query.receivedFrom) clauses.push(`${use(DossierColumn.ReceivedOn)} ge ${isoLiteral(query.receivedFrom)}`);
  if (query.receivedBefore) clauses.push(`${use(DossierColumn.ReceivedOn)} lt ${isoLiteral(query.receivedBefore)}`);
  if (query.stateSinceBefore) clauses.push(`${use(DossierColumn.StateSince)} lt ${isoLiteral(query.stateSinceBefore)}`);
  if (query.protocolEndBefore) clauses.push(`${use(DossierColumn.ProtocolEndDate)} lt ${isoLiteral(query.protocolEndBefore)}`);
  const orderBy = parts.orderBy
    .map((order) => `${graphOrder[order.column] ?? field(order.column)}${order.ascending ? '' : ' desc'}`)
    .join(',');
  return {
    select: parts.select.filter((column) => column !== 'Id' && column !== 'Modified'),
    filter: clauses.length > 0 ? clauses.join(' and ') : undefined,
    orderBy: orderBy || undefined,
    top: parts.top,
    honorNonIndexed: filterColumns.size > 1
  };
}

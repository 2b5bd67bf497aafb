import type { Dossier, DossierEvent, ProcedureId } from '../../domain/types';
import { isStateId } from '../../domain/states';
import { DataError } from '../errors';
import { dateOrUndefined, etagOf, isoOrUndefined } from '../odata';
import type { DossierProjection, ProjectionWrite, RegisterRow, SequencedEvent } from '../ports';
import { DossierColumn, EventColumn } from '../schema';
import { encodeStateHistory, rowStateHistory } from './stateHistoryColumn';

/** SharePoint's single-line text columns hold at most 255 characters. */
const TEXT_MAX = 255;

type Fields = Record<string, unknown>;

// SharePoint clears a column only when it receives null (undefined would leave the old value).
// eslint-disable-next-line @rushstack/no-new-null
function text(value: string | undefined): string | null {
  if (value === undefined || value.length === 0) return null;
  return value.length > TEXT_MAX ? `${value.slice(0, TEXT_MAX - 1)}…` : value;
}

// eslint-disable-next-line @rushstack/no-new-null
function dateTime(value: string | undefined): string | null {
  if (!value) return null;
  return value.length === 10 ? `${value}T00:00:00Z` : value;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The `Dossiers` columns of a dossier after a transition. */
export function projectionFields(write: ProjectionWrite): Fields {
  const { dossier } = write;
  return {
    [DossierColumn.Reference]: dossier.reference,
    [DossierColumn.State]: dossier.state,
    [DossierColumn.StateSince]: dateTime(dossier.stateSince),
    [DossierColumn.Subject]: text(dossier.subject),
    [DossierColumn.Institution]: text(dossier.requester.institution),
    [DossierColumn.Procedure]: dossier.procedure ?? null,
    [DossierColumn.AssigneeEmail]: text(dossier.assignedStatistician?.id.toLowerCase()),
    [DossierColumn.AssigneeName]: text(dossier.assignedStatistician?.displayName),
    [DossierColumn.ReceivedOn]: dateTime(dossier.receivedOn ?? dossier.createdAt.slice(0, 10)),
    [DossierColumn.ProtocolNumber]: text(dossier.protocolNumber),
    [DossierColumn.AddendumNumber]: text(dossier.addendumNumber),
    [DossierColumn.ParentProtocolNumber]: text(dossier.parentProtocolNumber),
    [DossierColumn.ProtocolEndDate]: dateTime(dossier.protocolEndDate),
    [DossierColumn.EventCount]: write.eventCount,
    [DossierColumn.LastEventId]: text(dossier.lastEventId),
    [DossierColumn.Snapshot]: JSON.stringify(dossier),
    [DossierColumn.PendingEvents]: JSON.stringify(write.pendingEvents),
    [DossierColumn.StateHistory]: encodeStateHistory(dossier.stateHistory)
  };
}

/** Columns read to load a projection for a transition. */
export const PROJECTION_SELECT: readonly string[] = [
  'Id',
  DossierColumn.Reference,
  DossierColumn.EventCount,
  DossierColumn.LastEventId,
  DossierColumn.PendingEvents,
  DossierColumn.Snapshot
];

function parseJson<T>(raw: unknown, what: string): T | undefined {
  if (typeof raw !== 'string' || raw.trim().length === 0) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    throw new DataError('data.error.corrupt', `${what} is not valid JSON.`);
  }
}

function isSequencedEvent(value: unknown): value is SequencedEvent {
  const candidate = value as SequencedEvent | undefined;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.sequence === 'number' &&
    typeof candidate.event === 'object' &&
    candidate.event !== null &&
    typeof candidate.event.id === 'string' &&
    typeof candidate.event.type === 'string'
  );
}

/** The projection of an item read with `PROJECTION_SELECT`; `fallbackEtag` for nometadata answers. */
export function projectionFromItem(item: Fields, fallbackEtag?: string): DossierProjection {
  const reference = str(item[DossierColumn.Reference]) ?? '';
  const itemId = Number(item.Id ?? item.ID);
  const etag = etagOf(item) ?? fallbackEtag;
  if (!Number.isInteger(itemId) || !etag) {
    throw new DataError('data.error.corrupt', `Dossier item of ${reference} has no id or ETag.`);
  }
  const pending = parseJson<unknown[]>(item[DossierColumn.PendingEvents], `Pending events of ${reference}`) ?? [];
  if (!Array.isArray(pending) || !pending.every(isSequencedEvent)) {
    throw new DataError('data.error.corrupt', `Pending events of ${reference} are malformed.`);
  }
  const snapshot = parseJson<Dossier>(item[DossierColumn.Snapshot], `Snapshot of ${reference}`);
  return {
    itemId,
    etag,
    reference,
    eventCount: Number(item[DossierColumn.EventCount] ?? 0),
    lastEventId: str(item[DossierColumn.LastEventId]),
    pendingEvents: pending,
    snapshot
  };
}

/**
 * A register row from an item read with `REGISTER_SELECT`; a corrupt state is reported, not hidden.
 * The state history is optional: without a readable `StateHistory` value the row simply has none.
 */
export function registerRowFromItem(item: Fields): RegisterRow {
  const reference = str(item[DossierColumn.Reference]) ?? '';
  const state = item[DossierColumn.State];
  if (!isStateId(state)) throw new DataError('data.error.corrupt', `Dossier ${reference} has an unknown state.`);
  const assigneeEmail = str(item[DossierColumn.AssigneeEmail]);
  const procedure = item[DossierColumn.Procedure];
  const stateSince = isoOrUndefined(item[DossierColumn.StateSince]);
  const stateHistory = rowStateHistory(item[DossierColumn.StateHistory], state, stateSince);
  return {
    itemId: Number(item.Id ?? item.ID),
    reference,
    subject: str(item[DossierColumn.Subject]) ?? '',
    state,
    stateSince,
    institution: str(item[DossierColumn.Institution]),
    procedure: procedure === 'standard' || procedure === 'simplified' ? (procedure as ProcedureId) : undefined,
    assignee: assigneeEmail ? { email: assigneeEmail, displayName: str(item[DossierColumn.AssigneeName]) ?? assigneeEmail } : undefined,
    receivedOn: dateOrUndefined(item[DossierColumn.ReceivedOn]),
    protocolNumber: str(item[DossierColumn.ProtocolNumber]),
    parentProtocolNumber: str(item[DossierColumn.ParentProtocolNumber]),
    addendumNumber: str(item[DossierColumn.AddendumNumber]),
    protocolEndDate: dateOrUndefined(item[DossierColumn.ProtocolEndDate]),
    modified: isoOrUndefined(item.Modified),
    ...(stateHistory ? { stateHistory } : {})
  };
}

/** The `Dossiergebeurtenissen` columns of one event. */
export function eventFields(sequenced: SequencedEvent): Fields {
  const { event } = sequenced;
  return {
    [EventColumn.EventType]: event.type,
    [EventColumn.EventId]: event.id,
    [EventColumn.DossierReference]: event.dossierReference,
    [EventColumn.Sequence]: sequenced.sequence,
    [EventColumn.ActorEmail]: text(event.actor.id.toLowerCase()),
    [EventColumn.OccurredAt]: event.at,
    [EventColumn.Payload]: JSON.stringify(event)
  };
}

/** Columns read to load events. */
export const EVENT_SELECT: readonly string[] = ['Id', EventColumn.EventId, EventColumn.Sequence, EventColumn.Payload];

/** The event stored in an item; a payload that is not an event is a clear `data.error.corrupt`. */
export function eventFromItem(item: Fields): SequencedEvent {
  const id = str(item[EventColumn.EventId]) ?? `item ${String(item.Id)}`;
  const event = parseJson<DossierEvent>(item[EventColumn.Payload], `Event ${id}`);
  const sequence = Number(item[EventColumn.Sequence]);
  const candidate = { sequence, event };
  if (!isSequencedEvent(candidate) || !Number.isInteger(sequence) || candidate.event.id !== item[EventColumn.EventId]) {
    throw new DataError('data.error.corrupt', `Event ${id} is malformed.`);
  }
  return candidate;
}

/**
 * Orders events by sequence and drops repeats of an event id (a retried append whose first answer was
 * lost), so a replay never sees an event twice.
 */
export function normalizeEvents(events: readonly SequencedEvent[]): SequencedEvent[] {
  const seen = new Set<string>();
  const sorted = [...events].sort((a, b) => a.sequence - b.sequence);
  const result: SequencedEvent[] = [];
  for (const item of sorted) {
    if (seen.has(item.event.id)) continue;
    seen.add(item.event.id);
    result.push(item);
  }
  return result;
}

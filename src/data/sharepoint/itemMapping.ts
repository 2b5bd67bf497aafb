import { conditionFollowUp } from '../../domain/conditionFollowUp';
import { withCurrentShape } from '../../domain/dossierShape';
import type { Dossier, DossierEvent, ProcedureId } from '../../domain/types';
import { isStateId } from '../../domain/states';
import { DataError } from '../errors';
import { dateOrUndefined, etagOf, isoOrUndefined } from '../odata';
import type { DossierProjection, ProjectionWrite, RegisterPage, RegisterRow, SequencedEvent, SkippedRow } from '../ports';
import { DossierColumn, EventColumn } from '../schemaNames';
import { encodeStateHistory, rowStateHistory } from './stateHistoryColumn';
import { decodeSurveys, encodeSurveys } from './surveysColumn';

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
  const followUp = conditionFollowUp(dossier.conditions ?? []);
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
    [DossierColumn.StateHistory]: encodeStateHistory(dossier.stateHistory),
    [DossierColumn.Surveys]: encodeSurveys(dossier.requestedData?.surveys),
    [DossierColumn.VariableCount]: dossier.requestedData ? dossier.requestedData.variablesCount : null,
    [DossierColumn.OpenConditions]: followUp.open,
    [DossierColumn.NextConditionDue]: dateTime(followUp.nextDue),
    [DossierColumn.RetentionEnd]: dateTime(dossier.retentionEnd ?? dossier.requestedData?.retentionEnd),
    [DossierColumn.RevokedOn]: dateTime(dossier.revocation?.date)
  };
}

/** Columns read to load a projection for a transition. */
export const PROJECTION_SELECT: readonly string[] = [
  'Id',
  DossierColumn.Reference,
  DossierColumn.EventCount,
  DossierColumn.LastEventId,
  DossierColumn.PendingEvents,
  DossierColumn.Snapshot,
  // Who last wrote the projection: its PendingEvents count only when that is a trusted writer.
  'Editor/Name'
];

/** `$expand` that `PROJECTION_SELECT` needs (SharePoint REST). */
export const PROJECTION_EXPAND: readonly string[] = ['Editor'];

/** The login name of an expanded user field (`Author`/`Editor` with `/Name`), if present. */
export function loginOf(value: unknown): string | undefined {
  const name = (value as { Name?: unknown } | null | undefined)?.Name;
  return typeof name === 'string' && name.length > 0 ? name : undefined;
}

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
  const stored = parseJson<Dossier>(item[DossierColumn.Snapshot], `Snapshot of ${reference}`);
  const snapshot = stored ? withCurrentShape(stored) : undefined;
  const editor = loginOf(item.Editor);
  return {
    ...(editor ? { editor } : {}),
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
  const surveys = decodeSurveys(item[DossierColumn.Surveys]);
  const variableCount = item[DossierColumn.VariableCount];
  const openConditions = item[DossierColumn.OpenConditions];
  const nextConditionDue = dateOrUndefined(item[DossierColumn.NextConditionDue]);
  const retentionEnd = dateOrUndefined(item[DossierColumn.RetentionEnd]);
  const revokedOn = dateOrUndefined(item[DossierColumn.RevokedOn]);
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
    ...(stateHistory ? { stateHistory } : {}),
    // Rows written before the columns existed have neither: the register shows nothing for them.
    ...(surveys.length > 0 ? { surveys } : {}),
    ...(typeof variableCount === 'number' && Number.isInteger(variableCount) && variableCount >= 0 ? { variableCount } : {}),
    // Rows written before the conditions' columns existed have neither: no conditions to follow.
    ...(typeof openConditions === 'number' && Number.isInteger(openConditions) && openConditions > 0 ? { openConditions } : {}),
    ...(nextConditionDue ? { nextConditionDue } : {}),
    // Lifecycle (issue 16); absent on rows written before the columns existed.
    ...(retentionEnd ? { retentionEnd } : {}),
    ...(revokedOn ? { revokedOn } : {})
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

/** Columns read to load events (with the writer, `Author/Name`, checked on replay). */
export const EVENT_SELECT: readonly string[] = ['Id', EventColumn.EventId, EventColumn.Sequence, EventColumn.Payload, 'Author/Name'];

/** `$expand` that `EVENT_SELECT` needs (SharePoint REST). */
export const EVENT_EXPAND: readonly string[] = ['Author'];

/** The event stored in an item; a payload that is not an event is a clear `data.error.corrupt`. */
export function eventFromItem(item: Fields): SequencedEvent {
  const id = str(item[EventColumn.EventId]) ?? `item ${String(item.Id)}`;
  const event = parseJson<DossierEvent>(item[EventColumn.Payload], `Event ${id}`);
  const sequence = Number(item[EventColumn.Sequence]);
  const candidate = { sequence, event };
  if (!isSequencedEvent(candidate) || !Number.isInteger(sequence) || candidate.event.id !== item[EventColumn.EventId]) {
    throw new DataError('data.error.corrupt', `Event ${id} is malformed.`);
  }
  const writer = typeof item.writer === 'string' ? item.writer : loginOf(item.Author);
  return writer ? { ...candidate, writer } : candidate;
}

/**
 * The events of one dossier's items. Every item is tried; when any is unreadable (no JSON, not an
 * event, id or sequence wrong) the dossier cannot be replayed and one `data.error.unreadableEvent`
 * names every such item id, so the other dossiers still load and an administrator knows what to repair.
 */
export function eventsFromItems(items: readonly Fields[], reference: string): SequencedEvent[] {
  const events: SequencedEvent[] = [];
  const unreadable: { itemId: number; reason: string }[] = [];
  for (const item of items) {
    try {
      events.push(eventFromItem(item));
    } catch (error) {
      unreadable.push({ itemId: Number(item.Id ?? item.ID), reason: error instanceof Error ? error.message : String(error) });
    }
  }
  if (unreadable.length > 0) {
    const itemIds = unreadable.map((entry) => entry.itemId).join(', ');
    throw new DataError('data.error.unreadableEvent', `Dossier ${reference}: event item(s) ${itemIds} are unreadable (${unreadable[0].reason}).`, undefined, {
      reference,
      itemIds,
      unreadable
    });
  }
  return normalizeEvents(events);
}

/** Why an item cannot be a register row, in technical English (no personal data). */
function skipReason(error: unknown): string {
  if (error instanceof DataError && /unknown state/.test(error.message)) return 'unknown or missing state';
  return error instanceof Error ? error.message.replace(/Dossier \S* ?/, '').trim() || 'unreadable' : 'unreadable';
}

/**
 * Register rows of a page of items: an item that cannot be mapped (no state, an unknown state) is
 * skipped and reported with its item id, so one bad row never hides the register from everyone.
 */
export function registerRowsFromItems(items: readonly Fields[]): { rows: RegisterRow[]; skipped: SkippedRow[] } {
  const rows: RegisterRow[] = [];
  const skipped: SkippedRow[] = [];
  for (const item of items) {
    try {
      rows.push(registerRowFromItem(item));
    } catch (error) {
      skipped.push({ itemId: Number(item.Id ?? item.ID), reason: skipReason(error) });
    }
  }
  return { rows, skipped };
}

/** A register page of mapped items; `skipped` only when some item could not be read. */
export function registerPageOf(items: readonly Fields[], nextCursor: string | undefined): RegisterPage {
  const { rows, skipped } = registerRowsFromItems(items);
  return { rows, nextCursor, ...(skipped.length > 0 ? { skipped } : {}) };
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

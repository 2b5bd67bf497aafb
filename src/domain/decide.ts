import type { Command } from './commands';
import type { DossierEvent } from './events';
import { runGuards } from './guards';
import type { DecideFacts } from './guards/context';
import { type EventPayload, type Handler, handlers } from './handlers';
import { tableRefusals } from './permissions';
import { isIsoDateTime, isNonBlank } from './rules/text';
import type { Actor, CommandType, DecideResult, DomainError, Dossier, IsoDateTime } from './types';
import { workflowTable } from './workflowTable';

const isCommandType = (value: unknown): value is CommandType =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(workflowTable, value);

/** Drops `undefined` members so stored events and their JSON round trip are identical. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}

/** Refusals that come before the table: an unknown command, a bad time. */
function shapeErrors(command: Command, now: IsoDateTime): DomainError[] {
  const errors: DomainError[] = [];
  const type: unknown = (command as { type?: unknown } | undefined)?.type;
  if (!isCommandType(type)) {
    errors.push({ kind: 'invalidCommand', code: 'dossier.error.unknownCommand', params: { type: String(type) } });
  }
  if (!isIsoDateTime(now)) errors.push({ kind: 'invalidCommand', code: 'dossier.error.invalidTime', params: { value: String(now) } });
  return errors;
}

/**
 * Decides a command on a dossier (`undefined` before `registerRequest`). Pure: returns the events
 * to append, or EVERY violation (role, state, guards); never throws for a business refusal.
 * Event ids are `${commandId}:${index}`, so a retried command yields the same ids. `facts` are what the
 * shell looked up beyond the dossier (see `DecideFacts`).
 */
export function decide(dossier: Dossier | undefined, command: Command, actor: Actor, now: IsoDateTime, facts: DecideFacts = {}): DecideResult {
  const early = shapeErrors(command, now);
  if (early.some((error) => error.code === 'dossier.error.unknownCommand')) return { ok: false, errors: early };
  const context = { dossier, command, actor, now, facts };
  const errors = [...early, ...tableRefusals(dossier, command.type, actor, facts), ...runGuards(workflowTable[command.type].guards, context)];
  if (errors.length > 0) return { ok: false, errors };
  const handler = handlers[command.type] as Handler<CommandType>;
  const result = handler(command as never, dossier as Dossier);
  const dossierReference = command.type === 'registerRequest' ? command.reference : (dossier as Dossier).reference;
  const actorSnapshot: Actor = { id: actor.id, displayName: actor.displayName, roles: [...actor.roles] };
  const comment = isNonBlank(command.comment) ? command.comment : undefined;
  const events = result.events.map(
    (payload: EventPayload, index): DossierEvent =>
      withoutUndefined({ ...payload, id: `${command.commandId}:${index}`, dossierReference, actor: actorSnapshot, at: now, comment }) as DossierEvent
  );
  return { ok: true, events, warnings: result.warnings };
}

/** True for an event a command produced: event ids are `${commandId}:${index}` (the idempotency key). */
export function isEventOfCommand(eventId: string, commandId: string): boolean {
  return eventId.startsWith(`${commandId}:`);
}

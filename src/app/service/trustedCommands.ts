/**
 * A command through the trusted command service: the body says what, the validated token says who,
 * the service's own reading of the site groups says in which roles, and the service's counter gives a
 * countersignature its number. The browser's `actor`, a name in the body or a number it chose take
 * no part.
 */
import type { AuthenticatedCaller } from '../../data/auth/caller';
import type { CallerRoles } from '../../data/auth/callerRoles';
import type { CommandOutcome, DossierCommands, LoadedDossier } from '../../data/commandService';
import { DataError, isDataError } from '../../data/errors';
import type { NumberIssuer, RestrictedNoteStore } from '../../data/ports';
import type { CommandResponseBody } from '../../data/service/contract';
import type { Command, CommandOf } from '../../domain/commands';
import type { DossierEvent } from '../../domain/events';
import { decide, isEventOfCommand } from '../../domain/decide';
import { isProtocolNumber, numberInSeries, seriesFor } from '../../domain/numbering';
import type { Actor, Dossier, IsoDateTime, ParentProtocolRef } from '../../domain/types';
import { memberActor } from './callerActor';
import { withServerDocuments, type ServerDocumentDeps } from './serverDocuments';
import type { DocumentCheckColumns } from '../../data/ports';
import { checkContextChanged, recheckCurrentDocuments } from '../recheckDocuments';
import { scopeFactsForChecks } from '../scopeInForce';

/** Ports of a trusted command (the library and forms engine rebuild the document registrations). */
export interface TrustedCommandDeps extends ServerDocumentDeps {
  /** The trusted `CommandService` (writes with the service's own identity). */
  readonly commands: DossierCommands;
  readonly roles: CallerRoles;
  readonly numbers: NumberIssuer;
  /** The parent protocol as the register holds it (`DossierLookups.parentProtocol`). */
  readonly parentProtocols: { parentProtocol(protocolNumber: string): Promise<ParentProtocolRef | undefined> };
  /** The server's time; a client's clock is never used. */
  readonly clock: () => IsoDateTime;
  /**
   * The library's check columns: when a transition changes the checks' context (a mandate registered,
   * the check phase), the current forms are checked again and their columns rewritten (absent: not).
   */
  readonly checkColumns?: DocumentCheckColumns;
  /**
   * Where the text of a note for the DPO goes (`Notities DPO`, written with the service's identity).
   * Without it such a note is refused (503): its text is never put anywhere else.
   */
  readonly restrictedNotes?: Pick<RestrictedNoteStore, 'write'>;
}

/** An answer of the service: an HTTP status and its JSON body. */
export interface ServiceAnswer<T> {
  readonly status: number;
  readonly body: T;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const invalid = (message: string): DataError => new DataError('data.error.invalidInput', message, 400);

/**
 * The command of a request body (`{ command }`), checked for what the service itself relies on: an
 * object with a string `type` and a non-empty string `commandId`; for `registerRequest` the reference
 * of the path must be the command's. Everything else is the domain's to judge (`decide`). An `actor`
 * field, in the body or in the command, is dropped.
 */
export function commandOfRequest(body: unknown, reference: string): Command {
  if (!isRecord(body) || !isRecord(body.command)) throw invalid('The request body must be a JSON object with a "command" object.');
  const command = { ...body.command };
  delete command.actor;
  if (typeof command.type !== 'string' || command.type.length === 0) throw invalid('The command needs a "type" string.');
  if (typeof command.commandId !== 'string' || command.commandId.trim().length === 0) throw invalid('The command needs a "commandId" string.');
  if (command.type === 'registerRequest' && command.reference !== reference) {
    throw invalid('The reference of a registerRequest must be the reference in the path.');
  }
  return command as unknown as Command;
}

/**
 * A number that satisfies the countersignature's number rule for this dossier, used only to ask the
 * domain whether it would allow the countersignature at all: a refused call then reserves no number.
 */
function probeNumber(dossier: LoadedDossier['dossier'], year: number): string {
  return numberInSeries(seriesFor(dossier ?? {}, year), 1);
}

/**
 * The countersignature with the number the service's counter gives (the body's number is ignored).
 * A retry of an applied command (same `commandId`) reuses the recorded number and reserves none; a
 * command the domain refuses is refused before a number is reserved.
 */
async function countersignWithIssuedNumber(
  deps: TrustedCommandDeps,
  load: () => Promise<LoadedDossier>,
  reference: string,
  command: CommandOf<'countersign'>,
  actor: Actor,
  now: IsoDateTime
): Promise<CommandOutcome> {
  const loaded = await load();
  const dossier = loaded.dossier;
  const applied = loaded.events.some((item) => isEventOfCommand(item.event.id, command.commandId));
  if (applied && dossier) {
    const recorded = dossier.addendumNumber ?? dossier.protocolNumber ?? '';
    return deps.commands.execute(reference, { ...command, number: recorded }, actor, now);
  }
  const year = new Date(now).getUTCFullYear();
  const probe = decide(dossier, { ...command, number: probeNumber(dossier, year) }, actor, now);
  if (!probe.ok) return { ok: false, errors: probe.errors };
  // `decide` allowed it: only now is a number reserved (a lost race afterwards leaves a gap, never a duplicate).
  const number = await deps.numbers.issue(dossier as NonNullable<typeof dossier>, year);
  return deps.commands.execute(reference, { ...command, number }, actor, now);
}

/** The id of the note a restricted `addComment` stores: from its command id, so a retry finds the same note. */
export const restrictedNoteId = (commandId: string): string => `dpo-note:${commandId}`;

/**
 * A note for the DPO: its text goes to the restricted list first (only when the domain allows the
 * command, so a refused caller writes nothing there), then the command runs with the note's id and
 * without the text, which never reaches the event log. A retry of an applied command writes nothing;
 * a retry after the note was written but the event not finds the note by its id and writes it once.
 * The client's `noteId` is ignored.
 */
async function addRestrictedNote(
  deps: TrustedCommandDeps,
  load: () => Promise<LoadedDossier>,
  reference: string,
  command: CommandOf<'addComment'>,
  actor: Actor,
  now: IsoDateTime
): Promise<CommandOutcome> {
  const noteId = restrictedNoteId(command.commandId);
  const withoutText: CommandOf<'addComment'> = { ...command, noteId, text: noteId };
  const loaded = await load();
  if (loaded.events.some((item) => isEventOfCommand(item.event.id, command.commandId))) return deps.commands.execute(reference, withoutText, actor, now);
  const probe = decide(loaded.dossier, { ...command, noteId }, actor, now);
  if (!probe.ok) return { ok: false, errors: probe.errors };
  if (!deps.restrictedNotes) throw new DataError('data.error.unavailable', 'The list of notes for the DPO is not configured on this service.', 503);
  await deps.restrictedNotes.write({ noteId, dossierReference: reference, text: command.text, authorName: actor.displayName, writtenAt: now });
  return deps.commands.execute(reference, withoutText, actor, now);
}

/**
 * The facts about the outside world a command carries (workflow: "facts travel in the command"), read
 * again by the service: an assignee's roles come from the site groups, a parent protocol's state from
 * the register. A client could otherwise assign a non-statistician by sending `roles: ['statistician']`,
 * or build on a protocol that was never published.
 */
async function withServerFacts(deps: TrustedCommandDeps, command: Command): Promise<Command> {
  if (command.type === 'assignStatistician') {
    const assignee = command.assignee as unknown;
    const id = (assignee as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string') return command;
    const displayName = (assignee as { displayName?: unknown }).displayName;
    const email = id.trim().toLowerCase();
    const roles = await deps.roles.rolesOf({ email });
    return { ...command, assignee: { id: email, displayName: typeof displayName === 'string' ? displayName : email, roles } };
  }
  if (command.type === 'requestForms' && command.parentProtocol !== undefined) {
    const number = (command.parentProtocol as { number?: unknown } | undefined)?.number;
    if (typeof number !== 'string' || !isProtocolNumber(number)) return command;
    // Unknown to the register: no parent protocol, which the domain refuses for the simplified procedure.
    return { ...command, parentProtocol: await deps.parentProtocols.parentProtocol(number) };
  }
  if (command.type === 'registerRequest' && command.requestedData !== undefined) {
    // No form is stored yet: what is requested is only known from the protocol an extension builds
    // on (`extensionRequest` copies it); any other client's `requestedData` is dropped, never recorded.
    const number = command.parentProtocolNumber;
    const parent = typeof number === 'string' && isProtocolNumber(number) ? await deps.parentProtocols.parentProtocol(number) : undefined;
    const requestedData = parent ? (await deps.commands.load(parent.dossierReference)).dossier?.requestedData : undefined;
    return { ...command, requestedData };
  }
  return command;
}

/** A reaction's failure as the answer carries it: its code when it has one, its technical message. */
function reactionFailure(error: Error): { code?: string; message: string } {
  return isDataError(error) ? { code: error.code, message: error.message } : { message: error.message };
}

/**
 * After a transition that changed the checks' context, the current forms' check columns are brought up
 * to date (`recheckCurrentDocuments`). The transition is recorded either way: a failure is reported
 * with the reaction errors, like a mail that could not be sent.
 */
async function recheckAfter(
  deps: TrustedCommandDeps,
  commandType: Command['type'],
  events: readonly DossierEvent[],
  dossier: Dossier,
  dossierOf: (reference: string) => Promise<Dossier | undefined>
): Promise<Error[]> {
  if (!deps.checkColumns || !checkContextChanged(events, dossier, commandType)) return [];
  try {
    const scopeInForce = deps.protocolRows ? await scopeFactsForChecks(dossier, { rowsByProtocolNumber: deps.protocolRows, loadDossier: dossierOf }) : undefined;
    await recheckCurrentDocuments({ ...deps, columns: deps.checkColumns }, dossier, scopeInForce);
    return [];
  } catch (error) {
    return [error instanceof Error ? error : new Error(String(error))];
  }
}

/**
 * Executes a request's command for the authenticated caller: 200 with the new dossier, 422 with the
 * domain's refusals; a `DataError` (400 invalid body, 403 no VSA role, storage failures) otherwise.
 */
export async function executeTrustedCommand(
  deps: TrustedCommandDeps,
  caller: AuthenticatedCaller,
  reference: string,
  body: unknown
): Promise<ServiceAnswer<CommandResponseBody>> {
  const requested = commandOfRequest(body, reference);
  const actor = await memberActor(deps.roles, caller);
  const withFacts = await withServerFacts(deps, requested);
  // One read of the dossier serves the document rebuild and the countersignature's number; `execute`
  // reads it again itself, for the ETag its write needs.
  let loading: Promise<LoadedDossier> | undefined;
  const load = (): Promise<LoadedDossier> => (loading ??= deps.commands.load(reference));
  const dossierOf = async (other: string): Promise<Dossier | undefined> => (await deps.commands.load(other)).dossier;
  const command = await withServerDocuments({ ...deps, dossierOf }, async () => (await load()).dossier, withFacts, actor);
  const now = deps.clock();
  const outcome =
    command.type === 'countersign'
      ? await countersignWithIssuedNumber(deps, load, reference, command, actor, now)
      : command.type === 'addComment' && command.restriction !== undefined
        ? await addRestrictedNote(deps, load, reference, command, actor, now)
        : await deps.commands.execute(reference, command, actor, now);
  if (!outcome.ok) return { status: 422, body: { ok: false, errors: outcome.errors } };
  const recheckErrors = outcome.alreadyApplied ? [] : await recheckAfter(deps, command.type, outcome.events, outcome.dossier, dossierOf);
  return {
    status: 200,
    body: {
      ok: true,
      dossier: outcome.dossier,
      events: outcome.events,
      warnings: outcome.warnings,
      alreadyApplied: outcome.alreadyApplied,
      reactionErrors: [...outcome.reactionErrors, ...recheckErrors].map(reactionFailure)
    }
  };
}

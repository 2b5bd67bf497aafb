import type { Actor, IsoDateTime } from '../../domain/types';
import { extensionRequest } from '../../publication/extension';
import type { CommandOf } from '../../domain/commands';
import type { DossierCommands } from '../commandService';
import { DataError } from '../errors';

/** What the one-click extension did. */
export interface ExtensionStarted {
  readonly reference: string;
  /** Prefilled for the assigned statistician (simplified procedure, reason `extension`, parent protocol). */
  readonly requestForms: CommandOf<'requestForms'>;
  readonly assigned: boolean;
}

/** What the one-click extension needs from the data layer. */
export interface ExtensionDeps {
  readonly commands: DossierCommands;
  readonly nextReference: (year: number) => Promise<string>;
  /** Every reference with the prefix (`DossierStore.referencesStartingWith`). */
  readonly referencesStartingWith: (prefix: string) => Promise<string[]>;
}

/** How many of the newest references a repeated click looks at. */
const recentWindow = 10;

async function earlierDossierOfClick(deps: ExtensionDeps, year: number, clickId: string): Promise<string | undefined> {
  const recent = (await deps.referencesStartingWith(`VSA-${year}-`)).sort().slice(-recentWindow);
  const loaded = await Promise.all(recent.map((reference) => deps.commands.load(reference)));
  const index = loaded.findIndex((item) => item.events.some((sequenced) => sequenced.event.id === `${clickId}:register:0`));
  return index >= 0 ? recent[index] : undefined;
}

/**
 * The one-click start of a simplified extension request from a protocol end-date reminder: registers a
 * new dossier linked to the protocol (`parentProtocolNumber`) with the protocol's requester and project
 * and, when given, assigns the statistician, who then confirms the prefilled simplified `requestForms`.
 * Command ids derive from `clickId`, so a double click or a retry creates one dossier, not two.
 */
export async function startExtensionRequest(
  deps: ExtensionDeps,
  protocolReference: string,
  actor: Actor,
  clickId: string,
  now: IsoDateTime,
  assignee?: Actor
): Promise<ExtensionStarted> {
  const protocol = (await deps.commands.load(protocolReference)).dossier;
  if (!protocol) throw new DataError('data.error.notFound', `Dossier ${protocolReference} does not exist.`, 404);
  const year = Number(now.slice(0, 4));
  // A repeated click finds the dossier its first click made among the newest references of the year.
  const reference = (await earlierDossierOfClick(deps, year, clickId)) ?? (await deps.nextReference(year));
  const request = extensionRequest(protocol, reference, { register: `${clickId}:register`, requestForms: `${clickId}:forms` }, now.slice(0, 10));
  const registered = await deps.commands.execute(reference, request.register, actor, now);
  if (!registered.ok) throw new DataError('data.error.domainRefused', `The extension request was refused: ${registered.errors.map((e) => e.code).join(', ')}`, undefined, { errors: registered.errors });
  let assigned = false;
  if (assignee) {
    const outcome = await deps.commands.execute(reference, { type: 'assignStatistician', commandId: `${clickId}:assign`, assignee }, actor, now);
    assigned = outcome.ok;
  }
  return { reference, requestForms: request.requestForms, assigned };
}

import type { Command } from '../commands';
import type { Actor, DomainError, Dossier, IsoDateTime } from '../types';

/** What a guard sees: the dossier (absent before registration), the command, the actor, the time. */
export interface GuardContext {
  readonly dossier: Dossier | undefined;
  readonly command: Command;
  readonly actor: Actor;
  readonly now: IsoDateTime;
}

/** A tiny named check: an error, several (one per offending item), or nothing. */
export type Guard = (context: GuardContext) => DomainError | readonly DomainError[] | undefined;

/** A guard refusal. */
export const guardError = (code: DomainError['code'], params?: DomainError['params']): DomainError => ({
  kind: 'guard',
  code,
  params
});

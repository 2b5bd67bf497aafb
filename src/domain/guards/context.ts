import type { Command } from '../commands';
import type { Actor, DomainError, Dossier, IsoDate, IsoDateTime } from '../types';

/**
 * Facts beyond the dossier that a guard may need, looked up by the shell (the trusted writer) before
 * deciding. Absent facts mean "nothing more is known", never "anything goes".
 */
export interface DecideFacts {
  /** Addresses known for the dossier's institution from its other dossiers (`addressesOfDossier`). */
  readonly institutionAddresses?: readonly string[];
  /**
   * The VSA signatories whose signature countersigns a protocol or addendum (names as a certificate
   * gives them). Absent: the Chief Statistician who gives the command (`actor.displayName`).
   */
  readonly vsaSignatories?: readonly string[];
  /** The DPO's address of the dossier's institution in the institution register (`Instellingen`). */
  readonly institutionDpo?: string;
  /**
   * Lifecycle (issue 16): the revocation of the protocol a simplified dossier (or a request registered on
   * a protocol) builds on, read from the protocol's dossier. Absent: not revoked, or not known.
   */
  readonly protocolRevocation?: { readonly protocolNumber: string; readonly date: IsoDate };
}

/** What a guard sees: the dossier (absent before registration), the command, the actor, the time, extra facts. */
export interface GuardContext {
  readonly dossier: Dossier | undefined;
  readonly command: Command;
  readonly actor: Actor;
  readonly now: IsoDateTime;
  readonly facts?: DecideFacts;
}

/** A tiny named check: an error, several (one per offending item), or nothing. */
export type Guard = (context: GuardContext) => DomainError | readonly DomainError[] | undefined;

/** A guard refusal. */
export const guardError = (code: DomainError['code'], params?: DomainError['params']): DomainError => ({
  kind: 'guard',
  code,
  params
});

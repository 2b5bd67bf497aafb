/**
 * The scope in force a dossier is measured against, read from the register: the protocol of its chain and
 * the countersigned addenda, loaded in full (their requested data is not on the register rows). One
 * reading for the register's panel and checks and the command service's checks.
 */
import { protocolChain, protocolNumberOf } from '../domain/chain';
import { protocolScope, scopeBefore, scopeChanges, scopeFactsOf, type ProtocolScope, type ScopeChanges } from '../domain/scope';
import type { Dossier } from '../domain/types';
import type { RegisterRow } from '../data/ports';
import type { ScopeFacts } from '../forms/types';

/** What the scope is read with. */
export interface ScopeReaders {
  /** The register rows of a protocol's chain (the protocol and the dossiers on it). */
  rowsByProtocolNumber(protocolNumber: string): Promise<readonly RegisterRow[]>;
  /** A dossier replayed in full. */
  loadDossier(reference: string): Promise<Dossier | undefined>;
}

/** The scope of a protocol dossier (after its addenda), or of a request on a protocol (before its own) with its diff. */
export interface DossierScope {
  readonly scope?: ProtocolScope;
  readonly scopeChanges?: ScopeChanges;
}

/**
 * The scope in force for a dossier, given its chain's rows: the protocol's own after its countersigned
 * addenda; for a request on a protocol, the scope before it and what it would change. Nothing for a
 * dossier whose protocol is not in the register or not countersigned yet.
 */
export async function scopeOfChain(dossier: Dossier, protocolNumber: string, rows: readonly RegisterRow[], loadDossier: ScopeReaders['loadDossier']): Promise<DossierScope> {
  const chain = protocolChain(rows, protocolNumber);
  if (!chain.protocol || (dossier.procedure === 'standard' && dossier.reference !== chain.protocol.reference)) return {};
  const load = (reference: string): Promise<Dossier | undefined> => (reference === dossier.reference ? Promise.resolve(dossier) : loadDossier(reference));
  const [protocol, ...addenda] = await Promise.all([chain.protocol, ...chain.addenda].map((row) => load(row.reference)));
  if (!protocol) return {};
  const countersigned = addenda.filter((addendum): addendum is Dossier => addendum !== undefined);
  if (dossier.reference === protocol.reference) {
    const scope = protocolScope(protocol, countersigned);
    return scope ? { scope } : {};
  }
  const scope = scopeBefore(dossier, protocol, countersigned);
  return scope ? { scope, scopeChanges: scopeChanges(scope, dossier.requestedData) } : {};
}

/**
 * The scope a request's forms are checked against (the checks' `scopeInForce`): only for a dossier on a
 * protocol that is not the protocol itself; undefined otherwise or when the protocol is not known.
 */
export async function scopeFactsForChecks(dossier: Dossier, readers: ScopeReaders): Promise<ScopeFacts | undefined> {
  const number = protocolNumberOf(dossier);
  if (!number || dossier.procedure === 'standard') return undefined;
  const { scope } = await scopeOfChain(dossier, number, await readers.rowsByProtocolNumber(number), readers.loadDossier);
  return scope && scope.protocolReference !== dossier.reference ? scopeFactsOf(scope) : undefined;
}

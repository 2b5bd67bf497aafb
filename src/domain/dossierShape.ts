/**
 * The shape of a stored dossier brought up to date, apart from `evolve.ts`: the register's rows read
 * stored snapshots through it without loading the event folding (bundle budget, docs/performance.md).
 */
import type { Dossier } from './types';

/**
 * A dossier stored before later fields existed (a projection's `Snapshot` written by an older
 * version), with the collections it lacks as empty ones: readers never meet `undefined` where the type
 * promises a list.
 */
export function withCurrentShape(dossier: Dossier): Dossier {
  const stored = dossier as Partial<Dossier> & Dossier;
  return {
    ...dossier,
    findings: stored.findings ?? [],
    unreadableVersions: stored.unreadableVersions ?? [],
    restrictedNotes: stored.restrictedNotes ?? [],
    conditions: stored.conditions ?? [],
    signatureAcceptances: stored.signatureAcceptances ?? []
  };
}

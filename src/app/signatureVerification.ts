/**
 * The ports the trusted command service needs to judge signed documents: a verifier of the electronic
 * signatures of a file (implemented by `src/signatures`, with the trust anchors the host reads) and
 * the institution register (the SharePoint list `Instellingen`). The service computes the report that
 * counts from the bytes it stored; a client's report is never taken.
 */
import { findInstitution } from '../domain/institutionRules';
import type { Institution } from '../domain/institutions';
import type { DocumentSignatureReport } from '../domain/signatures';
import type { Command } from '../domain/commands';
import type { DecideFacts } from '../domain/guards/context';
import type { Dossier, IsoDateTime } from '../domain/types';
import type { VerifyOptions } from '../signatures/options';

export type { VerifyOptions };

/** Verifies the signatures of one file. Bad input gives a report (`readable: false`), never a throw. */
export interface SignatureVerifier {
  /** `at`: judge validity at this time instead of each signature's own signing time. */
  verify(bytes: Uint8Array, fileName: string, at?: IsoDateTime): Promise<DocumentSignatureReport>;
}

/** The institution register, as the service reads it. */
export interface InstitutionDirectory {
  /**
   * The institution with this enterprise number, else with this name (trimmed, case-insensitive);
   * undefined when the register holds neither.
   */
  find(name?: string, enterpriseNumber?: string): Promise<Institution | undefined>;
}

/** The shape of `verifySignatures` (src/signatures/index.ts). */
export type VerifySignatures = (bytes: Uint8Array, fileName: string, options: VerifyOptions) => Promise<DocumentSignatureReport>;

/** What a host trusts: the anchors a path must end at, and intermediates a path may pass through. */
export interface TrustMaterial {
  readonly trustAnchors: readonly Uint8Array[];
  readonly intermediates: readonly Uint8Array[];
}

/**
 * The port over a `verifySignatures` function: the trust material is read once, on first use (a host
 * that never registers a signed document never reads it), and `now` is the host's clock.
 */
export function signatureVerifierOf(verify: VerifySignatures, trust: () => Promise<TrustMaterial>, clock: () => IsoDateTime): SignatureVerifier {
  let material: Promise<TrustMaterial> | undefined;
  const loadTrust = (): Promise<TrustMaterial> => {
    if (material) return material;
    const attempt = trust();
    material = attempt;
    // A failed read is not remembered: the next registration tries again.
    attempt.catch(() => {
      if (material === attempt) material = undefined;
    });
    return attempt;
  };
  return {
    async verify(bytes, fileName, at) {
      const { trustAnchors, intermediates } = await loadTrust();
      return verify(bytes, fileName, { trustAnchors, intermediates, now: clock(), ...(at ? { at } : {}) });
    }
  };
}

/** The institution a dossier names: by its enterprise number (the request's, else the forms'), else by name (the request's, else the forms'). */
export async function institutionOfDossier(directory: InstitutionDirectory, dossier: Pick<Dossier, 'requester' | 'requestedData'>): Promise<Institution | undefined> {
  const name = dossier.requester.institution ?? dossier.requestedData?.institution?.name;
  const enterpriseNumber = dossier.requester.kbo ?? dossier.requestedData?.institution?.enterpriseNumber;
  if (!name?.trim() && !enterpriseNumber?.trim()) return undefined;
  return directory.find(name?.trim() || undefined, enterpriseNumber?.trim() || undefined);
}

/** An in-memory register (tests, the demo): enterprise number first, then name, by the domain's `findInstitution`. */
export function institutionDirectoryOf(institutions: readonly Institution[]): InstitutionDirectory {
  return {
    async find(name, enterpriseNumber) {
      return findInstitution(institutions, { name, enterpriseNumber });
    }
  };
}

/**
 * The trusted writer's facts with the register's DPO of the dossier's institution, for a received mail
 * the team did not confirm: the sender rule (`incomingSenderKnown`) then accepts the institution's
 * DPO as the mail intake does. Other commands cost no lookup.
 */
export function decideFactsWithInstitutionDpo(
  base: ((dossier: Dossier | undefined, command: Command) => Promise<DecideFacts>) | undefined,
  directory: InstitutionDirectory
): (dossier: Dossier | undefined, command: Command) => Promise<DecideFacts> {
  return async (dossier, command) => {
    const facts = base ? await base(dossier, command) : {};
    if (!dossier || command.type !== 'recordCorrespondence' || command.direction !== 'incoming' || command.senderConfirmed === true) return facts;
    const institutionDpo = (await institutionOfDossier(directory, dossier))?.dpo?.email;
    return institutionDpo ? { ...facts, institutionDpo } : facts;
  };
}

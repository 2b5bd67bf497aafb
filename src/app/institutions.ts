/**
 * The institution register as the product uses it: the DPO team's "Instellingen" view lists, adds,
 * edits and shows the history of institutions; step 1 asks where a requester stands against it
 * (`institutionEligibility`); signer matching (step 4) reads the same records. The rules are the
 * domain's (`institutionRules.ts`); this file orders the calls and caches the list for a screen.
 */
import type { InstitutionStore, InstitutionVersion } from '../data/ports';
import type { Institution } from '../domain/institutions';
import {
  findInstitution,
  institutionEligibility,
  institutionNotice,
  institutionProblems,
  normalizeInstitution,
  type InstitutionEligibility
} from '../domain/institutionRules';
import type { DomainWarning, Dossier, Requester, StateId } from '../domain/types';
import { AppError } from './appError';
import type { InstitutionDirectory } from './signatureVerification';

/** Options of the cached register. */
export interface InstitutionRegisterOptions {
  /** How long a read of the list is trusted before it is read again; default 60 s. */
  readonly listTtlMs?: number;
  /** Milliseconds now (tests move it). */
  readonly now?: () => number;
}

/** Step 1: the states in which eligibility is judged, and where an institution outside the register is flagged. */
export const ELIGIBILITY_STATES: readonly StateId[] = ['intake', 'preliminary'];

/**
 * What the hosts use of the register (`InstitutionRegister`, or a lazily loaded one that keeps its code
 * out of a web part's first load: `lazyInstitutionRegister` in the composition). It is also the signer
 * matching's `InstitutionDirectory` (`find`, in `signatureVerification.ts`).
 */
export interface InstitutionRegisterPort extends InstitutionDirectory {
  list(): Promise<Institution[]>;
  save(institution: Institution): Promise<Institution>;
  history(id: string): Promise<InstitutionVersion[]>;
  eligibilityOf(requester: Requester): Promise<InstitutionEligibility>;
  noticeFor(dossier: Dossier): Promise<DomainWarning | undefined>;
  noticeForRequester(requester: Requester): Promise<DomainWarning | undefined>;
}

/**
 * The institution register with a short cache: a screen that opens ten dossiers reads the list once.
 * A save through here refreshes the cache at once.
 */
export class InstitutionRegister implements InstitutionRegisterPort {
  private read?: { at: number; institutions: Promise<Institution[]> };
  private readonly now: () => number;
  private readonly ttl: number;

  public constructor(private readonly store: InstitutionStore, options: InstitutionRegisterOptions = {}) {
    this.now = options.now ?? Date.now;
    this.ttl = options.listTtlMs ?? 60_000;
  }

  /** Every institution, by name (cached for `listTtlMs`; a failed read is not kept). */
  public list(): Promise<Institution[]> {
    const read = this.read;
    if (read && this.now() - read.at < this.ttl) return read.institutions;
    const institutions = this.store.list();
    this.read = { at: this.now(), institutions };
    institutions.catch(() => {
      if (this.read?.institutions === institutions) this.read = undefined;
    });
    return institutions;
  }

  /**
   * Adds (id `''`) or updates an institution after the domain's checks against the register as it is
   * now: a record with problems is refused with `app.error.institutionInvalid` (the view shows each
   * problem at its field before it gets here). Stored normalised (number as 10 digits, trimmed texts).
   */
  public async save(institution: Institution): Promise<Institution> {
    const others = await this.store.list();
    const problems = institutionProblems(institution, others);
    if (problems.length > 0) throw new AppError('app.error.institutionInvalid', { count: problems.length, name: institution.name.trim() });
    const stored = await this.store.save(normalizeInstitution(institution));
    this.read = undefined;
    return stored;
  }

  /**
   * The institution with this enterprise number, else this name, by the domain's `findInstitution`
   * (separators, case and diacritics ignored); what signer matching and the sender rule read.
   */
  public async find(name?: string, enterpriseNumber?: string): Promise<Institution | undefined> {
    return findInstitution(await this.list(), { name, enterpriseNumber });
  }

  /** Every version of an institution, newest first. */
  public history(id: string): Promise<InstitutionVersion[]> {
    return this.store.history(id);
  }

  /** Where a requester stands against the register (individual, registered, not in the register). */
  public async eligibilityOf(requester: Requester): Promise<InstitutionEligibility> {
    return institutionEligibility(requester, await this.list());
  }

  /**
   * The notice for the DPO team on a dossier in step 1 whose institution the register does not hold
   * (not a refusal); nothing in later steps, for an individual (refused by the workflow) or a known one.
   */
  public async noticeFor(dossier: Dossier): Promise<DomainWarning | undefined> {
    if (!ELIGIBILITY_STATES.includes(dossier.state)) return undefined;
    return this.noticeForRequester(dossier.requester);
  }

  /** The notice for a requester about to be registered (intake, new dossier), or nothing. */
  public async noticeForRequester(requester: Requester): Promise<DomainWarning | undefined> {
    return institutionNotice(requester, await this.list());
  }
}

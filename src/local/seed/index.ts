import { createLocalComposition } from '../../composition/local';
import { LOCAL_HOOK_HEADER } from '../../composition/localTenantIdentity';
import { DataError, toDataError } from '../../data/errors';
import { LIST_DOSSIERS } from '../../data/schema';
import { planDossiers } from './plan';
import { SeededRandom } from './random';
import { DossierSeeder, signInPersonas } from './runner';
import { seedCorrespondence, teamMember } from './correspondence';
import { seedCodebooks } from './codebooks';
import { seedInstitutions } from './institutions';
import type { SeedProgress } from '../server/seed-status';

/** Options of a seed run. */
export interface SeedOptions {
  /** The local tenant, e.g. `http://localhost:4321`. */
  readonly baseUrl: string;
  /** Empty the tenant first (`POST /_local/reset`). */
  readonly reset?: boolean;
  /** The moment the demo data ends; default: now. Dossiers spread over the 14 months before it. */
  readonly now?: Date;
  /** PRNG seed; default 20260101. */
  readonly seed?: number;
  /** Told the planned number of dossiers, then once after every seeded dossier (the start-up pages show it). */
  readonly onProgress?: (progress: SeedProgress) => void;
}

/** What a seed run did. */
export interface SeedReport {
  readonly dossiers: number;
  readonly commands: number;
  /** Demo messages added to the shared mailbox (0 when it held messages already). */
  readonly mailboxMessages: number;
  /** Mails recorded as sent on seeded dossiers (`recordCorrespondence`). */
  readonly sentMails: number;
  /** Waves whose demo codebook was imported. */
  readonly codebookWaves: number;
  /** Demo institutions added to the institution register. */
  readonly institutions: number;
  readonly milliseconds: number;
}

/** Site owner persona: provisioning and reset run as the site collection admin. */
export const SITE_OWNER = 'beheer@vsa.local';

/**
 * A member of the DPO team imports the demo codebooks (the codebooks' maintainers: DPO team and statisticians)
 * and adds the demo institutions (the register's maintainers: the DPO team).
 */
const CODEBOOK_IMPORTER = { id: 'an.peeters@vsa.local', displayName: 'An Peeters' };

const PERSONA_EMAILS = [
  'an.peeters@vsa.local',
  'jeroen.maes@vsa.local',
  'sofie.janssens@vsa.local',
  'pieter.claes@vsa.local',
  'lotte.wouters@vsa.local',
  'karel.desmet@vsa.local',
  'els.vermeulen@vsa.local'
];

async function resetTenant(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl.replace(/\/$/, '')}/_local/reset`, {
    method: 'POST',
    headers: { [LOCAL_HOOK_HEADER]: '1' }
  });
  if (!response.ok) throw new DataError('data.error.unavailable', `Reset of the local tenant failed (${response.status}).`, response.status);
}

/**
 * Provisions the site and fills it with demo dossiers in every state, created by running real
 * commands through the command service as the demo personas (so every event is genuine), with the
 * clock passed in. Deterministic for a given `seed` and `now`.
 */
export async function seed(options: SeedOptions): Promise<SeedReport> {
  const started = Date.now();
  if (options.reset) await resetTenant(options.baseUrl);
  const owner = createLocalComposition({ baseUrl: options.baseUrl, userEmail: SITE_OWNER });
  await owner.data.provisioner.ensureAll();
  // The codebooks first: the forms uploaded below are checked against them, as they would be in production.
  const codebookWaves = await seedCodebooks(createLocalComposition({ baseUrl: options.baseUrl, userEmail: CODEBOOK_IMPORTER.id, messaging: false }).data.codebooks, CODEBOOK_IMPORTER);
  const now = options.now ?? new Date();
  // The institution register before the dossiers: step 1 reads it, so the demo requests are from known institutions.
  const institutions = await seedInstitutions(createLocalComposition({ baseUrl: options.baseUrl, userEmail: CODEBOOK_IMPORTER.id, messaging: false }).data.institutions, now);
  const personas = await signInPersonas(options.baseUrl, PERSONA_EMAILS);
  const random = new SeededRandom(options.seed ?? 20260101);
  const plans = planDossiers(random, now);
  // Parents (standard) before the simplified dossiers that build on their protocol.
  const ordered = [...plans].sort((a, b) => Number(a.procedure === 'simplified') - Number(b.procedure === 'simplified') || a.reference.localeCompare(b.reference));
  let commands = 0;
  options.onProgress?.({ done: 0, total: ordered.length });
  for (const [index, plan] of ordered.entries()) {
    await new DossierSeeder(plan, personas, random).run();
    commands += plan.steps.length;
    options.onProgress?.({ done: index + 1, total: ordered.length });
  }
  // After the dossiers: the mailbox reply quotes one of them, and the sent mails are recorded on them.
  const correspondence = await seedCorrespondence(options.baseUrl, SITE_OWNER, plans, teamMember(personas), now);
  commands += correspondence.sentMails;
  return { dossiers: plans.length, commands, mailboxMessages: correspondence.messages, sentMails: correspondence.sentMails, codebookWaves, institutions, milliseconds: Date.now() - started };
}

/**
 * Seeds only when the tenant has no dossiers yet (first start); answers whether it seeded. A tenant
 * seeded by an older version is provisioned again (idempotent), so lists added since (`Bevindingen`)
 * exist before the service writes them.
 */
export async function seedIfEmpty(options: Omit<SeedOptions, 'reset'>): Promise<boolean> {
  const owner = createLocalComposition({ baseUrl: options.baseUrl, userEmail: SITE_OWNER });
  try {
    const lists = (await owner.sp.web.lists.select('Title', 'ItemCount')()) as unknown as { Title?: string; ItemCount?: number }[];
    const dossiers = lists.find((list) => list.Title === LIST_DOSSIERS);
    if (dossiers && Number(dossiers.ItemCount ?? 0) > 0) {
      await owner.data.provisioner.ensureAll();
      // A tenant seeded before the institution register existed gets the demo institutions now.
      await seedInstitutions(createLocalComposition({ baseUrl: options.baseUrl, userEmail: CODEBOOK_IMPORTER.id, messaging: false }).data.institutions, options.now ?? new Date());
      return false;
    }
  } catch (error) {
    throw toDataError(error, 'check whether the local tenant is seeded');
  }
  await seed(options);
  return true;
}

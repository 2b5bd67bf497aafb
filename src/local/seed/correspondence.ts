/**
 * The seed's correspondence: demo messages in the shared mailbox (one of them a reply quoting a dossier
 * that awaits signatures) and a few mails recorded as sent on seeded dossiers through the domain's
 * `recordCorrespondence`, as the correspondence service records them after sending. Deterministic: every
 * time and id derives from the plan.
 */
import { mailSentCommand } from '../../correspondence/audit';
import { buildMailDraft } from '../../correspondence/draft';
import type { MailKind } from '../../correspondence/types';
import type { StateId } from '../../domain/types';
import { hookMailDrop } from '../mailbox/drop';
import { seedMailbox } from '../mailbox/seed';
import { sharedMailbox } from '../personas';
import type { PlannedDossier } from './plan';
import type { Personas, SignedIn } from './runner';

/** The sent mails the seed records: the mail that goes with the state each dossier reached. */
export const seededSentMails: readonly (readonly [StateId, MailKind])[] = [
  ['formsRequested', 'requestForms'],
  ['awaitingSignatures', 'requestSignatures']
];

/** How long after the dossier's last event the seeded mail was sent. */
const sendDelayMs = 30 * 60_000;

/** What the correspondence seed did. */
export interface CorrespondenceSeedReport {
  readonly messages: number;
  readonly sentMails: number;
  readonly replyToReference?: string;
}

const firstWithTarget = (plans: readonly PlannedDossier[], target: StateId): PlannedDossier | undefined =>
  [...plans].sort((a, b) => a.reference.localeCompare(b.reference)).find((plan) => plan.target === target);

/** Records the sent mail of `kind` on the plan's dossier as `team`, half an hour after its last event. */
async function recordSentMail(team: SignedIn, plan: PlannedDossier, kind: MailKind): Promise<boolean> {
  const loaded = await team.data.commands.load(plan.reference);
  if (!loaded.dossier) throw new Error(`Seed: dossier ${plan.reference} does not exist.`);
  const draft = buildMailDraft(kind, loaded.dossier, { context: { mailbox: sharedMailbox } });
  const sentAt = new Date(Date.parse(loaded.dossier.updatedAt) + sendDelayMs).toISOString();
  const command = mailSentCommand(draft, `seed-${plan.reference}-mail-${kind}`, sentAt);
  const outcome = await team.data.commands.execute(plan.reference, command, team.actor, sentAt);
  if (!outcome.ok) throw new Error(`Seed: the ${kind} mail on ${plan.reference} was refused: ${outcome.errors.map((e) => e.code).join(', ')}`);
  return !outcome.alreadyApplied;
}

/**
 * Seeds the shared mailbox of the tenant at `baseUrl` (as `ownerEmail`, only when it is empty) and
 * records the sent mails of `seededSentMails` as a DPO-team member.
 */
export async function seedCorrespondence(
  baseUrl: string,
  ownerEmail: string,
  plans: readonly PlannedDossier[],
  team: SignedIn,
  now: Date
): Promise<CorrespondenceSeedReport> {
  const awaiting = firstWithTarget(plans, 'awaitingSignatures');
  const messages = await seedMailbox(hookMailDrop(baseUrl, ownerEmail), {
    now,
    ...(awaiting ? { replyToReference: awaiting.reference, replyFrom: { name: awaiting.contactName, address: awaiting.contactEmail } } : {})
  });
  let sentMails = 0;
  for (const [target, kind] of seededSentMails) {
    const plan = firstWithTarget(plans, target);
    if (plan && (await recordSentMail(team, plan, kind))) sentMails += 1;
  }
  return { messages, sentMails, ...(awaiting ? { replyToReference: awaiting.reference } : {}) };
}

/** The DPO-team member (not the DPO) the seed records mails as. */
export function teamMember(personas: Personas): SignedIn {
  const member = [...personas.values()].find((p) => p.actor.roles.includes('dpoTeam') && !p.actor.roles.includes('dpo'));
  if (!member) throw new Error('The local tenant has no DPO-team member; run provisioning and check the groups.');
  return member;
}

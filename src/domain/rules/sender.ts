import type { Dossier, StateId } from '../types';
import { isEmailAddress } from './text';

/**
 * The sender rule of the mail intake: a received mail is linked to a dossier directly only when its
 * sender is the dossier's contact, the institution's DPO, or another address already known for the
 * institution; otherwise the team confirms first. Pure: the facts are data the shell assembles (the
 * trusted writer from the register, so a client cannot widen them).
 *
 * Addresses compare whole and case-insensitively. No domain guessing: a shared domain (`@ugent.be`)
 * holds thousands of people, and a look-alike or free-mail domain proves nothing (docs/decisions/intake.md).
 */

/** What the rule knows about a dossier's correspondents. */
export interface SenderFacts {
  readonly reference: string;
  readonly institution?: string;
  /** The dossier's contact person. */
  readonly contact?: string;
  /** The institution's DPO, when the dossier holds it. */
  readonly dpo?: string;
  /** The institution's DPO as the institution register (`Instellingen`) holds it. */
  readonly institutionDpo?: string;
  /** Other addresses known for this dossier or its institution (earlier linked mails, contacts and DPOs of its other dossiers). */
  readonly knownAddresses: readonly string[];
}

/** Why a sender is trusted. */
export type SenderBasis = 'contact' | 'dpo' | 'knownAddress';

/** The rule's verdict on one sender. */
export type SenderVerdict =
  | { readonly known: true; readonly basis: SenderBasis }
  | {
      readonly known: false;
      /** The refusal's code and parameters, as the dialog shows them and the domain refuses with them. */
      readonly code: 'dossier.error.senderNotKnown' | 'dossier.error.senderNotContact';
      readonly params: Readonly<Record<string, string>>;
    };

/** An address as the rule compares it: trimmed, lower case (mail systems treat addresses so in practice). */
export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}


/** The sender rule. */
export function senderVerdict(sender: string, facts: SenderFacts): SenderVerdict {
  const address = normalizeAddress(sender);
  const same = (other: string | undefined): boolean => other !== undefined && isEmailAddress(address) && normalizeAddress(other) === address;
  if (same(facts.contact)) return { known: true, basis: 'contact' };
  if (same(facts.dpo) || same(facts.institutionDpo)) return { known: true, basis: 'dpo' };
  if (facts.knownAddresses.some(same)) return { known: true, basis: 'knownAddress' };
  const institution = facts.institution?.trim();
  return institution
    ? { known: false, code: 'dossier.error.senderNotKnown', params: { sender: address, reference: facts.reference, institution } }
    : { known: false, code: 'dossier.error.senderNotContact', params: { sender: address, reference: facts.reference } };
}

/** Every address a dossier makes known: its contact, its DPO, and the senders of the mails linked to it. */
export function addressesOfDossier(dossier: Dossier): string[] {
  const senders = dossier.correspondence.flatMap((entry) => (entry.direction === 'incoming' && entry.sender ? [entry.sender] : []));
  return [dossier.requester.contact.email, ...(dossier.requester.dpoEmail ? [dossier.requester.dpoEmail] : []), ...senders]
    .map(normalizeAddress)
    .filter((address) => address !== '');
}

/** True when two dossiers belong to the same institution (names compared trimmed and case-insensitively). */
export function sameInstitution(a: Dossier, b: Dossier): boolean {
  const first = a.requester.institution?.trim().toLowerCase();
  return !!first && first === b.requester.institution?.trim().toLowerCase();
}

/**
 * The facts of a dossier: its own addresses, plus `institutionAddresses` (the addresses of the
 * institution's other dossiers, as `addressesOfDossier` gives them; assembled by the shell) and the
 * DPO of the institution register (`institutionDpo`, looked up by the shell).
 */
export function senderFactsOf(dossier: Dossier, institutionAddresses: readonly string[] = [], institutionDpo?: string): SenderFacts {
  return {
    reference: dossier.reference,
    ...(dossier.requester.institution?.trim() ? { institution: dossier.requester.institution.trim() } : {}),
    contact: dossier.requester.contact.email,
    ...(dossier.requester.dpoEmail ? { dpo: dossier.requester.dpoEmail } : {}),
    ...(institutionDpo?.trim() ? { institutionDpo: normalizeAddress(institutionDpo) } : {}),
    knownAddresses: [...addressesOfDossier(dossier), ...institutionAddresses.map(normalizeAddress)]
  };
}

/** The states in which the requester sends signed documents (step 4) back. */
const signingStates: readonly StateId[] = ['awaitingSignatures', 'awaitingCountersignature'];

/**
 * Signed documents arrive from the institution's contact, its DPO (the dossier's or the register's)
 * or another address known for it. Documents stored from a mail whose sender the rule did not know
 * (the team confirmed the link) while the dossier awaits signatures are flagged: who sent them is
 * something the DPO team checks before relying on them.
 */
export function signedDocumentsFromUnknownSender(state: StateId | undefined, verdict: SenderVerdict, storedAttachments: number): boolean {
  return state !== undefined && signingStates.includes(state) && !verdict.known && storedAttachments > 0;
}

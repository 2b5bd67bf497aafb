/**
 * The fictional people and SharePoint groups of the demo tenant (shared/design/workflow.md).
 * This is tenant set-up (the directory and the site's groups), not seed data of the product.
 */
import { GROUPS } from '../data/schema';

/** A demo user. */
export interface Persona {
  readonly email: string;
  readonly displayName: string;
  /** Role ids from workflow.md; empty for the site owner and the guest. */
  readonly roles: readonly string[];
  readonly isSiteAdmin?: boolean;
  /** Graph `preferredLanguage` (notifications are written in it); default `nl-BE`. */
  readonly preferredLanguage?: string;
}

/** A SharePoint site group of the product and the role id it stands for. */
export interface DemoGroup {
  readonly title: string;
  readonly roleId: string;
  readonly description: string;
}

/** The four VSA groups, exactly as provisioning creates them (one definition: src/data/schema.ts). */
export const demoGroups: readonly DemoGroup[] = GROUPS.map((group) => ({ title: group.title, roleId: group.role, description: group.description }));

/** Every demo persona; the DPO is also a member of the DPO team. */
export const demoPersonas: readonly Persona[] = [
  { email: 'an.peeters@vsa.local', displayName: 'An Peeters', roles: ['dpoTeam'] },
  { email: 'jeroen.maes@vsa.local', displayName: 'Jeroen Maes', roles: ['dpoTeam'] },
  { email: 'sofie.janssens@vsa.local', displayName: 'Sofie Janssens', roles: ['statistician'] },
  { email: 'pieter.claes@vsa.local', displayName: 'Pieter Claes', roles: ['statistician'] },
  // Reads English: her notifications are in English (the other personas read Dutch).
  { email: 'lotte.wouters@vsa.local', displayName: 'Lotte Wouters', roles: ['statistician'], preferredLanguage: 'en-GB' },
  { email: 'karel.desmet@vsa.local', displayName: 'Karel De Smet', roles: ['dpo', 'dpoTeam'] },
  { email: 'els.vermeulen@vsa.local', displayName: 'Els Vermeulen', roles: ['chiefStatistician'] },
  { email: 'beheer@vsa.local', displayName: 'Sitebeheerder', roles: [], isSiteAdmin: true },
  { email: 'gast@vsa.local', displayName: 'Gast', roles: [] }
];

/** A persona's Graph `preferredLanguage` (`nl-BE` unless the persona says otherwise). */
export function preferredLanguageOfPersona(email: string): string {
  return demoPersonas.find((persona) => persona.email === email.toLowerCase())?.preferredLanguage ?? 'nl-BE';
}

/** The shared mailbox where requesters' mails arrive. */
export const sharedMailbox = 'data-aanvragen@vsa.local';

/** Lists that are append-only for everyone but site owners, whatever role assignments say. */
export const appendOnlyListTitles: readonly string[] = ['Dossiergebeurtenissen'];

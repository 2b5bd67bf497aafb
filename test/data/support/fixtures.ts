import type { Command } from '../../../src/domain/commands';
import type { Actor } from '../../../src/domain/types';

/** Demo actors (fictional personas of the local tenant). */
export const an: Actor = { id: 'an.peeters@vsa.local', displayName: 'An Peeters', roles: ['dpoTeam'] };
export const jeroen: Actor = { id: 'jeroen.maes@vsa.local', displayName: 'Jeroen Maes', roles: ['dpoTeam'] };
export const sofie: Actor = { id: 'sofie.janssens@vsa.local', displayName: 'Sofie Janssens', roles: ['statistician'] };
export const gast: Actor = { id: 'gast@vsa.local', displayName: 'Gast', roles: [] };

/** A title that must survive every round trip and filter. */
export const nastyTitle = `Onderzoek "welzijn" 100% #1 & 'co' – Ærø 🚀 <script>alert(1)</script>`;

/** A valid `registerRequest`. */
export function registerCommand(reference: string, commandId: string, subject = 'Welzijn van jongeren in Vlaanderen'): Command {
  return {
    type: 'registerRequest',
    commandId,
    reference,
    requester: {
      institution: 'Universiteit Gent',
      institutionType: 'onderzoeksinstelling',
      isIndividual: false,
      contact: { name: 'Dr. Hanne Vos', email: 'hanne.vos@ugent.example' }
    },
    subject,
    receivedOn: '2026-01-15'
  };
}

/** An `addComment` command. */
export function commentCommand(commandId: string, text = 'Nota'): Command {
  return { type: 'addComment', commandId, text };
}

/** Assigns Sofie. */
export function assignCommand(commandId: string): Command {
  return { type: 'assignStatistician', commandId, assignee: sofie };
}

/**
 * Test dossiers built through the real domain (`decide` + `replay`), so the UI is tested against
 * the shapes the domain really produces.
 */
import { decide, replay } from '../../../src/domain';
import type { Actor, Command, Dossier, DossierEvent, IsoDateTime } from '../../../src/domain';

export const dpoMember: Actor = { id: 'an.peeters@vsa.example', displayName: 'An Peeters', roles: ['dpoTeam'] };
export const statistician: Actor = { id: 'bart.claes@vsa.example', displayName: 'Bart Claes', roles: ['statistician'] };
export const otherStatistician: Actor = { id: 'eva.maes@vsa.example', displayName: 'Eva Maes', roles: ['statistician'] };
export const dpo: Actor = { id: 'dirk.dpo@vsa.example', displayName: 'Dirk Janssens', roles: ['dpo', 'dpoTeam'] };
export const chief: Actor = { id: 'hilde.chief@vsa.example', displayName: 'Hilde Wouters', roles: ['chiefStatistician'] };

/** One step of a fixture: who does what when. */
export interface Step {
  readonly actor: Actor;
  readonly at: IsoDateTime;
  readonly command: Record<string, unknown> & { type: Command['type'] };
}

let counter = 0;

/** Applies the steps through `decide`; throws with the domain's codes when a step is refused. */
export function buildEvents(steps: readonly Step[]): DossierEvent[] {
  const events: DossierEvent[] = [];
  for (const step of steps) {
    const dossier = replay(events);
    counter += 1;
    const command = { commandId: `cmd-${counter}`, ...step.command } as unknown as Command;
    const result = decide(dossier, command, step.actor, step.at);
    if (!result.ok) throw new Error(`fixture step ${step.command.type} refused: ${result.errors.map((e) => e.code).join(', ')}`);
    events.push(...result.events);
  }
  return events;
}

/** The dossier the steps produce. */
export function buildDossier(steps: readonly Step[]): Dossier {
  const dossier = replay(buildEvents(steps));
  if (!dossier) throw new Error('fixture produced no dossier');
  return dossier;
}

/** `registerRequest` for a research institution. */
export function registerStep(reference: string, at: IsoDateTime, subject = 'Onderzoek naar vrijetijdsbesteding'): Step {
  return {
    actor: dpoMember,
    at,
    command: {
      type: 'registerRequest',
      reference,
      subject,
      requester: {
        institution: 'Universiteit Gent',
        institutionType: 'onderzoeksinstelling',
        isIndividual: false,
        contact: { name: 'Jan Janssens', email: 'jan.janssens@ugent.example' }
      },
      requestedData: { surveys: ['SV-bevraging 2023-2'], variablesCount: 12 }
    }
  };
}

/** `assignStatistician` to `assignee`. */
export function assignStep(at: IsoDateTime, assignee: Actor = statistician): Step {
  return { actor: dpoMember, at, command: { type: 'assignStatistician', assignee } };
}

/** `requestForms` (standard procedure) by the assigned statistician. */
export function requestFormsStep(at: IsoDateTime, by: Actor = statistician): Step {
  return { actor: by, at, command: { type: 'requestForms', procedure: 'standard' } };
}

/** `registerDraftDocuments` with the three standard drafts, each with the given check summary. */
export function draftsStep(at: IsoDateTime, blocking = 0): Step {
  const doc = (id: string, kind: string): Record<string, unknown> => ({
    id, kind, fileName: `${kind}.docx`, version: '1.0', checkSummary: { blocking, warnings: 1, info: 0 }
  });
  return {
    actor: dpoMember,
    at,
    command: { type: 'registerDraftDocuments', documents: [doc('d1', 'aanvraagformulier'), doc('d2', 'verklaringTOM'), doc('d3', 'protocol')] }
  };
}

/** A dossier under review since `2026-10-01`, registered 2026-09-01. */
export function dossierUnderReview(reference = 'VSA-2026-0001'): Dossier {
  return buildDossier([
    registerStep(reference, '2026-09-01T09:00:00.000Z'),
    assignStep('2026-09-03T09:00:00.000Z'),
    requestFormsStep('2026-09-10T09:00:00.000Z'),
    draftsStep('2026-10-01T09:00:00.000Z')
  ]);
}

/**
 * Fills a local tenant's `Dossiers` list with many register rows at once (straight into its store, in one
 * transaction), for screenshots and benchmarks. The rows are projections of dossiers built through the
 * real domain in several states; they have no event log, so they show in the register but do not open.
 */
import { projectionFields } from '../../../../src/data/sharepoint/itemMapping';
import { LIST_DOSSIERS } from '../../../../src/data/schema';
import { decide, replay } from '../../../../src/domain';
import type { Actor, Command, Dossier, DossierEvent } from '../../../../src/domain';
import type { LocalTenant } from '../../../../src/local/server/server';

const team: Actor = { id: 'an.peeters@vsa.local', displayName: 'An Peeters', roles: ['dpoTeam'] };
const statisticians: Actor[] = [
  { id: 'sofie.janssens@vsa.local', displayName: 'Sofie Janssens', roles: ['statistician'] },
  { id: 'pieter.claes@vsa.local', displayName: 'Pieter Claes', roles: ['statistician'] },
  { id: 'lotte.wouters@vsa.local', displayName: 'Lotte Wouters', roles: ['statistician'] }
];
const institutions = ['Universiteit Gent', 'KU Leuven', 'Departement Onderwijs en Vorming', 'Universiteit Antwerpen', 'VUB', 'Agentschap Opgroeien'];
const subjects = ['Vrijetijdsbesteding van jongeren', 'Armoede-indicatoren per gemeente', 'Welzijn na COVID-19', 'Mobiliteit en telewerk', 'Vertrouwen in de overheid', 'Cultuurparticipatie'];

function build(index: number, reference: string, now: Date): Dossier {
  const day = 24 * 60 * 60 * 1000;
  const start = now.getTime() - (20 + (index * 7) % 300) * day;
  const at = (offsetDays: number): string => new Date(start + offsetDays * day).toISOString();
  const statistician = statisticians[Math.floor(index / 3) % statisticians.length];
  const steps: [Actor, Record<string, unknown>, string][] = [[team, {
    type: 'registerRequest', reference, subject: subjects[Math.floor(index / 2) % subjects.length],
    requester: { institution: institutions[Math.floor(index / 4) % institutions.length], institutionType: 'onderzoeksinstelling', isIndividual: false, contact: { name: 'Contact', email: 'contact@example.org' } },
    requestedData: { surveys: [index % 2 ? 'SV-bevraging 2024-1' : 'COVID-19-bevraging golf 3'], variablesCount: 8 }
  }, at(0)]];
  const depth = index % 5;
  if (depth >= 1) steps.push([team, { type: 'assignStatistician', assignee: statistician }, at(2)]);
  if (depth >= 2) steps.push([statistician, { type: 'requestForms', procedure: 'standard' }, at(6)]);
  if (depth >= 3) {
    const doc = (id: string, kind: string): Record<string, unknown> => ({ id: `${reference}-${id}`, kind, fileName: `${kind}.docx`, version: '1.0', checkSummary: { blocking: 0, warnings: 1, info: 0 } });
    steps.push([team, { type: 'registerDraftDocuments', documents: [doc('a', 'aanvraagformulier'), doc('t', 'verklaringTOM'), doc('p', 'protocol')] }, at(15)]);
  }
  if (depth >= 4) steps.push([team, { type: 'startDeliberation' }, at(30)]);
  const events: DossierEvent[] = [];
  steps.forEach(([actor, command, when], step) => {
    const result = decide(replay(events), { commandId: `bulk-${index}-${step}`, ...command } as unknown as Command, actor, when);
    if (!result.ok) throw new Error(`bulk register step refused: ${result.errors.map((e) => e.code).join(', ')}`);
    events.push(...result.events);
  });
  return replay(events) as Dossier;
}

/** Adds `count` register rows with references `VSA-<year>-<n>` (years before `now`'s year). */
export function fillRegister(tenant: LocalTenant, count: number, now = new Date()): void {
  const list = tenant.store.lists.requireByTitle(LIST_DOSSIERS);
  const year = now.getUTCFullYear();
  tenant.store.db.exec('BEGIN');
  try {
    for (let i = 1; i <= count; i++) {
      const reference = `VSA-${year - 1 - (i % 3)}-${String(i).padStart(4, '0')}`;
      const dossier = build(i, reference, now);
      tenant.store.lists.addItem(list, projectionFields({ dossier, eventCount: dossier.version, pendingEvents: [] }), { actorId: 1, mayOverrideSystemColumns: true });
    }
    tenant.store.db.exec('COMMIT');
  } catch (error) {
    tenant.store.db.exec('ROLLBACK');
    throw error;
  }
}

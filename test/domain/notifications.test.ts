import { eventTypes } from '../../src/domain/events';
import { reminderActivity } from '../../src/domain/reminders';
import type { DossierEvent } from '../../src/domain/events';
import { catalogProblems } from '../../src/domain/i18n';
import { notificationPolicy, notificationRuleFor, recipientsOf, renderNotification, rolesToNotify } from '../../src/domain/notifications';
import { evolvedEventTypes } from '../../src/domain/evolve';
import { notifiedEventSamples } from './support/notificationSamples';
import * as fs from 'node:fs';
import * as path from 'node:path';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../teams/manifest.json'), 'utf8')) as {
  activities: { activityTypes: { type: string; templateText: string }[] };
};
const englishManifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../teams/en-us.json'), 'utf8')) as Record<string, string>;
const placeholders = (text: string | undefined): string[] => (text?.match(/\{(\w+)\}/g) ?? []).sort();

const base = { id: 'c:0', dossierReference: 'VSA-2026-0042', at: '2026-11-25T12:00:00.000Z', actor: { id: 'els.vermeulen@vsa.local', displayName: 'Els Vermeulen' } };
const dossier = { reference: 'VSA-2026-0042' };

describe('the notification policy table', () => {
  it('names only event types that exist, each once', () => {
    const events = notificationPolicy.map((rule) => rule.event);
    for (const event of events) expect(eventTypes).toContain(event);
    for (const event of events) expect(evolvedEventTypes).toContain(event);
    expect(new Set(events).size).toBe(events.length);
  });

  it('has Dutch and English title and body for every row, with the same placeholders', () => {
    for (const rule of notificationPolicy) expect([rule.event, catalogProblems(rule.text)]).toEqual([rule.event, []]);
  });

  it('uses only activity types the Teams manifest declares, with the template parameters the manifest names', () => {
    const declared = new Map(manifest.activities.activityTypes.map((activity) => [activity.type, activity.templateText]));
    for (const rule of notificationPolicy) {
      expect([rule.activityType, declared.has(rule.activityType)]).toEqual([rule.activityType, true]);
      const named = (declared.get(rule.activityType)?.match(/\{(\w+)\}/g) ?? []).map((p) => p.slice(1, -1)).filter((p) => p !== 'actor');
      expect([rule.activityType, [...rule.templateParameters].sort()]).toEqual([rule.activityType, named.sort()]);
    }
  });

  it('declares no activity type in the Teams manifest that the table does not use', () => {
    // The scheduled job's reminders use one more type (src/domain/reminders).
    const used = new Set<string>([...notificationPolicy.map((rule) => rule.activityType), reminderActivity.type]);
    expect(manifest.activities.activityTypes.map((activity) => activity.type).filter((type) => !used.has(type))).toEqual([]);
  });

  it('has an English template for every activity type of the manifest, at the same index, with the same placeholders', () => {
    const activities = manifest.activities.activityTypes;
    const englishKeys = Object.keys(englishManifest).filter((key) => key.startsWith('activities.'));
    expect(englishKeys).toHaveLength(activities.length * 2);
    activities.forEach((activity, index) => {
      const english = englishManifest[`activities.activityTypes[${index}].templateText`];
      expect([activity.type, placeholders(english)]).toEqual([activity.type, placeholders(activity.templateText)]);
      expect(englishManifest[`activities.activityTypes[${index}].description`]).toBeTruthy();
    });
  });

  it('tells the next actor at every hand-over of the workflow', () => {
    const handOvers = Object.fromEntries(notificationPolicy.map((rule) => [rule.event, rule.recipients]));
    expect(handOvers).toEqual({
      DossierRegistered: 'dpoTeam', // intake: the DPO team assigns
      StatisticianAssigned: 'assignee', // preliminary check
      FormsRequested: 'dpoTeam', // the forms mail is due (or the statistician sends it)
      DeclaredNotAdmissible: 'dpoTeam', // the not-admissible mail is due (or the statistician sends it)
      DraftDocumentsRegistered: 'assignee', // a (new) version to review
      ReturnedForChanges: 'assignee', // back with the requester: the statistician waits
      DeliberationStarted: 'dpo',
      AdviceGiven: 'chiefStatistician',
      DecisionMade: 'dpoTeam',
      MoreInformationRequested: 'dpoTeam',
      SignedDocumentsRegistered: 'dpoTeam', // the signature report to check
      SignedSetCompleted: 'chiefStatistician',
      Countersigned: 'dpoTeam', // publication due
      Published: 'assignee', // delivery due
      Withdrawn: 'assignee'
    });
  });

  it('sends a hand-over to the dossier\'s assigned statistician, or the one the assignment names, never to the actor when excluded', () => {
    const sofie = { id: 'sofie.janssens@vsa.local', displayName: 'Sofie' };
    const drafts = { ...base, actor: { id: 'an.peeters@vsa.local', displayName: 'An', roles: [] }, type: 'DraftDocumentsRegistered', documents: [] } as DossierEvent;
    const rule = notificationRuleFor('DraftDocumentsRegistered')!;
    expect(recipientsOf(rule, drafts, { assignedStatistician: sofie }, {})).toEqual(['sofie.janssens@vsa.local']);
    expect(recipientsOf(rule, drafts, {}, {})).toEqual([]);
    const byHerself = { ...drafts, actor: { id: 'Sofie.Janssens@vsa.local', displayName: 'Sofie', roles: [] } } as DossierEvent;
    expect(recipientsOf(rule, byHerself, { assignedStatistician: sofie }, {})).toEqual([]);
    const assigned = { ...base, type: 'StatisticianAssigned', assignee: { id: 'pieter.claes@vsa.local', displayName: 'Pieter' } } as DossierEvent;
    expect(recipientsOf(notificationRuleFor('StatisticianAssigned')!, assigned, { assignedStatistician: sofie }, {})).toEqual(['pieter.claes@vsa.local']);
    const forms = { ...base, actor: { id: 'jeroen.maes@vsa.local', displayName: 'Jeroen', roles: [] }, type: 'FormsRequested', procedure: 'standard', simplifiedReasons: [] } as DossierEvent;
    expect(recipientsOf(notificationRuleFor('FormsRequested')!, forms, {}, { dpoTeam: ['an.peeters@vsa.local', 'Jeroen.Maes@vsa.local', 'AN.PEETERS@vsa.local'] })).toEqual(['an.peeters@vsa.local']);
  });

  it('tells which roles to look up', () => {
    expect(rolesToNotify([{ type: 'DeliberationStarted' }, { type: 'StatisticianAssigned' }, { type: 'CommentAdded' }])).toEqual(['dpo']);
    expect(rolesToNotify([{ type: 'DecisionMade' }, { type: 'SignedSetCompleted' }]).sort()).toEqual(['chiefStatistician', 'dpoTeam']);
    expect(notificationRuleFor('CommentAdded')).toBeUndefined();
  });
});

describe('renderNotification', () => {
  const decision = { ...base, type: 'DecisionMade', outcome: 'rejected', motivation: 'Geen rechtsgrond.' } as DossierEvent;
  const rule = notificationRuleFor('DecisionMade')!;

  it('is in the recipient\'s language, never in two (no "geweigerd / rejected")', () => {
    const dutch = renderNotification(rule, decision, dossier, 'nl');
    expect(dutch.subject).toBe('Dossier VSA-2026-0042: geweigerd');
    expect(dutch.body).toBe('De Hoofdstatisticus heeft dossier VSA-2026-0042 geweigerd. Motivering: Geen rechtsgrond.');
    expect(dutch.templateParameters).toEqual({ dossier: 'VSA-2026-0042', outcome: 'geweigerd' });
    const english = renderNotification(rule, decision, dossier, 'en');
    expect(english.subject).toBe('Dossier VSA-2026-0042: rejected');
    expect(english.body).toBe('The Chief Statistician rejected dossier VSA-2026-0042. Motivation: Geen rechtsgrond.');
    // Teams fills the template of the client's language with these values: English words for an English reader.
    expect(english.templateParameters).toEqual({ dossier: 'VSA-2026-0042', outcome: 'rejected' });
  });

  it('fills every placeholder of every row (no `{name}` left) for a sample of each event', () => {
    expect(Object.keys(notifiedEventSamples).sort()).toEqual(notificationPolicy.map((rule) => rule.event).sort());
    for (const row of notificationPolicy) {
      const event = { ...base, type: row.event, ...notifiedEventSamples[row.event] } as DossierEvent;
      for (const lang of ['nl', 'en'] as const) {
        const message = renderNotification(row, event, dossier, lang);
        expect([row.event, lang, /\{\w+\}/.test(message.subject + message.body)]).toEqual([row.event, lang, false]);
        expect([row.event, lang, / \/ /.test(message.subject)]).toEqual([row.event, lang, false]);
      }
    }
  });
});

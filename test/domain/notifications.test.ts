import { eventTypes } from '../../src/domain/events';
import type { DossierEvent } from '../../src/domain/events';
import { catalogProblems } from '../../src/domain/i18n';
import { notificationPolicy, notificationRuleFor, renderNotification, rolesToNotify } from '../../src/domain/notifications';
import { evolvedEventTypes } from '../../src/domain/evolve';
import { notifiedEventSamples } from './support/notificationSamples';
import * as fs from 'node:fs';
import * as path from 'node:path';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../teams/manifest.json'), 'utf8')) as {
  activities: { activityTypes: { type: string; templateText: string }[] };
};

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

  it('tells which roles to look up', () => {
    expect(rolesToNotify([{ type: 'DeliberationStarted' }, { type: 'StatisticianAssigned' }, { type: 'CommentAdded' }])).toEqual(['dpo']);
    expect(rolesToNotify([{ type: 'DecisionMade' }, { type: 'SignedSetCompleted' }]).sort()).toEqual(['chiefStatistician', 'dpoTeam']);
    expect(notificationRuleFor('CommentAdded')).toBeUndefined();
  });
});

describe('renderNotification', () => {
  const decision = { ...base, type: 'DecisionMade', outcome: 'rejected', motivation: 'Geen rechtsgrond.' } as DossierEvent;
  const rule = notificationRuleFor('DecisionMade')!;

  it('is Dutch first, English second when the recipient\'s language is unknown', () => {
    const message = renderNotification(rule, decision, dossier);
    expect(message.subject).toBe('Dossier VSA-2026-0042: geweigerd / rejected');
    expect(message.body).toBe('De Hoofdstatisticus heeft dossier VSA-2026-0042 geweigerd. Motivering: Geen rechtsgrond.\n\nThe Chief Statistician rejected dossier VSA-2026-0042. Motivation: Geen rechtsgrond.');
    expect(message.templateParameters).toEqual({ dossier: 'VSA-2026-0042', outcome: 'geweigerd' });
  });

  it('is in the recipient\'s language when it is known', () => {
    expect(renderNotification(rule, decision, dossier, 'en').subject).toBe('Dossier VSA-2026-0042: rejected');
    expect(renderNotification(rule, decision, dossier, 'nl').body).toBe('De Hoofdstatisticus heeft dossier VSA-2026-0042 geweigerd. Motivering: Geen rechtsgrond.');
  });

  it('fills every placeholder of every row (no `{name}` left) for a sample of each event', () => {
    expect(Object.keys(notifiedEventSamples).sort()).toEqual(notificationPolicy.map((rule) => rule.event).sort());
    for (const row of notificationPolicy) {
      const event = { ...base, type: row.event, ...notifiedEventSamples[row.event] } as DossierEvent;
      const message = renderNotification(row, event, dossier);
      expect([row.event, /\{\w+\}/.test(message.subject + message.body)]).toEqual([row.event, false]);
    }
  });
});

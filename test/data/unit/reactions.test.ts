import { decide } from '../../../src/domain/decide';
import { replay } from '../../../src/domain/evolve';
import type { DossierEvent } from '../../../src/domain/events';
import type { Command } from '../../../src/domain/commands';
import type { Actor } from '../../../src/domain/types';
import { plannedMessages } from '../../../src/data/reactions';
import { an, assignCommand, registerCommand, sofie } from '../support/fixtures';

const config = { registerUrl: 'https://contoso.sharepoint.com/sites/microdata/SitePages/Register.aspx', sharedMailbox: 'data-aanvragen@vsa.local' };

function run(steps: readonly [Command, Actor][]): { events: DossierEvent[]; last: DossierEvent[] } {
  const events: DossierEvent[] = [];
  let last: DossierEvent[] = [];
  steps.forEach(([command, actor], index) => {
    const result = decide(replay(events), command, actor, `2026-02-0${index + 1}T10:00:00.000Z`);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    last = [...result.events];
    events.push(...result.events);
  });
  return { events, last };
}

describe('planned messages', () => {
  it('notifies the assigned statistician with a link to the dossier', () => {
    const { events, last } = run([[registerCommand('VSA-2026-0001', 'c1'), an], [assignCommand('c2'), an]]);
    const planned = plannedMessages(last, replay(events)!, {}, config);
    expect(planned.mails).toEqual([]);
    expect(planned.notifications).toEqual([
      expect.objectContaining({ recipient: sofie.id, activityType: 'dossierAssigned', topic: { value: 'VSA-2026-0001', webUrl: `${config.registerUrl}?dossier=VSA-2026-0001` } })
    ]);
  });

  it('keeps the register page\'s own query in the dossier link', () => {
    const { events, last } = run([[registerCommand('VSA-2026-0001', 'c1'), an], [assignCommand('c2'), an]]);
    const page = 'https://contoso.sharepoint.com/sites/microdata/SitePages/Register.aspx?env=WebView';
    const planned = plannedMessages(last, replay(events)!, {}, { ...config, registerUrl: page });
    expect(planned.notifications.map((n) => n.topic.webUrl)).toEqual([`${page}&dossier=VSA-2026-0001`]);
  });

  it('never mails the requester: requester mail is previewed and sent by a person', () => {
    const { events, last } = run([
      [registerCommand('VSA-2026-0001', 'c1'), an],
      [assignCommand('c2'), an],
      [{ type: 'requestForms', commandId: 'c3', procedure: 'standard' }, sofie]
    ]);
    const planned = plannedMessages(last, replay(events)!, { dpoTeam: ['jeroen.maes@vsa.local'] }, config);
    // The DPO team hears that the forms mail is due; the requester gets nothing automatically.
    expect(planned.mails).toEqual([]);
    expect(planned.notifications).toEqual([expect.objectContaining({ recipient: 'jeroen.maes@vsa.local', activityType: 'requesterMailDue' })]);
    expect(planned.notifications[0].previewText).toBe('Dossier VSA-2026-0001: mail met de formulieren te versturen');
  });

  it('sends nothing for a comment', () => {
    const { events, last } = run([[registerCommand('VSA-2026-0001', 'c1'), an], [{ type: 'addComment', commandId: 'c2', text: 'x' }, an]]);
    expect(plannedMessages(last, replay(events)!, { dpoTeam: ['jeroen.maes@vsa.local'] }, config)).toEqual({ mails: [], notifications: [] });
  });
});

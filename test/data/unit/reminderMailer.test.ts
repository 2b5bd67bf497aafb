import { GraphNotifier, REMINDER_KEY_PROPERTY, type GraphApi } from '../../../src/data/graph/notifier';
import { GraphReminderMailer } from '../../../src/data/graph/reminderMailer';

/** A Graph client that records calls and answers `get` with `answer`. */
function fakeGraph(answer: unknown = { value: [] }): { graph: GraphApi; calls: { path: string; filter?: string; posted?: any }[] } {
  const calls: { path: string; filter?: string; posted?: any }[] = [];
  const graph = {
    api(path: string) {
      const call: { path: string; filter?: string; posted?: any } = { path };
      calls.push(call);
      const request = {
        filter(value: string) { call.filter = value; return request; },
        select() { return request; },
        top() { return request; },
        async get() { return answer; },
        async post(body: unknown) { call.posted = body; return undefined; }
      };
      return request;
    }
  } as unknown as GraphApi;
  return { graph, calls };
}

describe('GraphReminderMailer', () => {
  it('sends from the shared mailbox with the key as a single-value extended property', async () => {
    const { graph, calls } = fakeGraph();
    await new GraphReminderMailer(new GraphNotifier(graph), graph, 'data-aanvragen@vsa.local').send({ to: ['sofie.janssens@vsa.local'], subject: 's', body: 'b', key: "VSA-2026-0001|phaseOverdue|2026-03-05" });
    expect(calls[0].path).toBe('/users/data-aanvragen%40vsa.local/sendMail');
    expect(calls[0].posted.saveToSentItems).toBe(true);
    expect(calls[0].posted.message.singleValueExtendedProperties).toEqual([{ id: REMINDER_KEY_PROPERTY, value: 'VSA-2026-0001|phaseOverdue|2026-03-05' }]);
  });

  it('finds a key in Sent Items with a filter on the property (quotes doubled, the query encoded)', async () => {
    const found = fakeGraph({ value: [{ id: 'AAMk' }] });
    expect(await new GraphReminderMailer(new GraphNotifier(found.graph), found.graph, 'data-aanvragen@vsa.local').sentWithKey("o'brien+vsa@vsa.local|weeklyDigest|2026-03-09#x")).toBe(true);
    const url = new URL(found.calls[0].path, 'https://graph.example');
    expect(url.pathname).toBe('/users/data-aanvragen%40vsa.local/mailFolders/sentitems/messages');
    expect(url.searchParams.get('$filter')).toBe(`singleValueExtendedProperties/Any(ep: ep/id eq '${REMINDER_KEY_PROPERTY}' and ep/value eq 'o''brien+vsa@vsa.local|weeklyDigest|2026-03-09#x')`);
    expect(url.searchParams.get('$select')).toBe('id');
    const none = fakeGraph({ value: [] });
    expect(await new GraphReminderMailer(new GraphNotifier(none.graph), none.graph, 'data-aanvragen@vsa.local').sentWithKey('x')).toBe(false);
  });

  it('sends mail without the property when no key is given (the other mails are unchanged)', async () => {
    const { graph, calls } = fakeGraph();
    await new GraphNotifier(graph).sendMail({ to: ['a@vsa.local'], subject: 's', body: 'b' });
    expect(calls[0].posted.message.singleValueExtendedProperties).toBeUndefined();
  });
});

import { chunkBatchRequests, okBody, sendBatch, type BatchRequest } from '../../../src/data/graph/graphBatch';
import { graphSitePath, graphString } from '../../../src/data/graph/graphClient';
import { listItemsUrl, relativeGraphPath } from '../../../src/data/graph/graphListItems';
import { graphRegisterQuery } from '../../../src/data/graph/graphRegisterQuery';
import { buildRegisterQuery } from '../../../src/data/sharepoint/registerQuery';
import type { RegisterQuery } from '../../../src/data/ports';

/** The Graph order the PnPjs builder's order maps to (the order itself is the data layer's choice). */
const graphOrderOf = (query: RegisterQuery): string | undefined =>
  buildRegisterQuery(query).orderBy.map((o) => `${o.column === 'ID' ? 'id' : `fields/${o.column}`}${o.ascending ? '' : ' desc'}`).join(',') || undefined;
import type { GraphClientLike } from '../../../src/data/graph/graphClient';

/** A Graph client whose `$batch` answers come from `answer`; records every batch sent. */
function fakeBatchClient(answer: (requests: { id: string }[], call: number) => { id: string; status: number; headers?: Record<string, string>; body?: unknown }[]) {
  const calls: { id: string }[][] = [];
  const client = {
    api: (path: string) => ({
      post: async (body: { requests: { id: string }[] }) => {
        expect(path).toBe('/$batch');
        calls.push(body.requests);
        return { responses: answer(body.requests, calls.length) };
      }
    })
  } as unknown as GraphClientLike;
  return { client, calls };
}

const requests = (n: number): BatchRequest[] => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, url: `/sites/s/lists/L/items?$top=${i + 1}` }));

describe('Graph $batch', () => {
  it('never sends more than 20 requests per batch and refuses duplicate ids', () => {
    expect(chunkBatchRequests(requests(45)).map((chunk) => chunk.length)).toEqual([20, 20, 5]);
    expect(() => chunkBatchRequests([...requests(2), { id: 'r0', url: '/x' }])).toThrow('Duplicate $batch request id "r0"');
  });

  it('matches answers by id whatever their order', async () => {
    const { client, calls } = fakeBatchClient((reqs) => [...reqs].reverse().map((r) => ({ id: r.id, status: 200, body: { value: [r.id] } })));
    const answers = await sendBatch(client, requests(25));
    expect(calls.map((c) => c.length)).toEqual([20, 5]);
    expect(answers.get('r3')?.body).toEqual({ value: ['r3'] });
    expect(answers.size).toBe(25);
  });

  it('retries only the inner requests that were throttled, after their Retry-After', async () => {
    const sleeps: number[] = [];
    const { client, calls } = fakeBatchClient((reqs, call) =>
      reqs.map((r) => (call === 1 && r.id === 'r1' ? { id: r.id, status: 429, headers: { 'Retry-After': '2' } } : { id: r.id, status: 200, body: {} }))
    );
    const answers = await sendBatch(client, requests(3), { sleep: async (ms) => void sleeps.push(ms) });
    expect(calls.map((c) => c.map((r) => r.id))).toEqual([['r0', 'r1', 'r2'], ['r1']]);
    expect(sleeps).toEqual([2000]);
    expect(answers.get('r1')?.status).toBe(200);
  });

  it('gives up after the retries and reports the throttled detail clearly', async () => {
    const { client, calls } = fakeBatchClient((reqs) => reqs.map((r) => ({ id: r.id, status: 429, headers: { 'retry-after': '0' } })));
    const answers = await sendBatch(client, requests(1), { maxRetries: 2, sleep: async () => undefined });
    expect(calls).toHaveLength(3);
    expect(() => okBody(answers.get('r0'), 'read the queue')).toThrow('read the queue: still throttled after retries (429).');
  });

  it('reports a batch answer that lacks a response', async () => {
    const { client } = fakeBatchClient(() => [{ id: 'r0', status: 200 }]);
    await expect(sendBatch(client, requests(2))).rejects.toThrow('lacks 1 of its responses');
  });
});

describe('Graph list item URLs', () => {
  it('builds the site path from the site URL', () => {
    expect(graphSitePath('https://contoso.sharepoint.com/sites/microdata/')).toBe('/sites/contoso.sharepoint.com:/sites/microdata');
    expect(() => graphSitePath('sites/microdata')).toThrow('Not an absolute site URL');
  });

  it('encodes every query value, so quotes, & and # survive', () => {
    const url = listItemsUrl('site-1', 'Dossiers', { select: ['Title', 'DossierState'], filter: `fields/Title eq ${graphString("O'Neil & #1")}`, top: 10 });
    expect(url).toBe(
      "/sites/site-1/lists/Dossiers/items?expand=fields(select%3DTitle%2CDossierState)&$filter=fields%2FTitle%20eq%20'O''Neil%20%26%20%231'&$top=10"
    );
    expect(() => listItemsUrl('s', 'L', { select: ['A'], top: 6000 })).toThrow('outside 1..5000');
  });

  it('turns an absolute next link into a path for the client base URL', () => {
    expect(relativeGraphPath('http://localhost:4321/graph/v1.0/sites/x/lists/L/items?$skiptoken=5')).toBe('/sites/x/lists/L/items?$skiptoken=5');
    expect(() => relativeGraphPath('https://example.org/other')).toThrow('does not point at a Graph version root');
  });

  it('translates register queries to indexed Graph filters, with Prefer only for several columns', () => {
    const one = graphRegisterQuery({ states: ['awaitingDecision', 'signed'] });
    expect(one.filter).toBe("(fields/DossierState eq 'awaitingDecision' or fields/DossierState eq 'signed')");
    expect(one.honorNonIndexed).toBe(false);
    expect(one.orderBy).toBe(graphOrderOf({ states: ['awaitingDecision', 'signed'] }));
    const two = graphRegisterQuery({ states: ['intake'], receivedFrom: '2026-01-01', orderBy: 'stateSince' });
    expect(two.filter).toBe("fields/DossierState eq 'intake' and fields/ReceivedOn ge '2026-01-01T00:00:00Z'");
    expect(two.orderBy).toBe(graphOrderOf({ states: ['intake'], receivedFrom: '2026-01-01', orderBy: 'stateSince' }));
    expect(two.orderBy).toMatch(/^fields\/StateSince/);
    expect(two.honorNonIndexed).toBe(true);
  });
});

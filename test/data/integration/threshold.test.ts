import { isHttpRequestErrorLike } from '../support/httpErrors';
import { buildRegisterQuery } from '../../../src/data/sharepoint/registerQuery';
import type { RegisterQuery, RegisterRow } from '../../../src/data/ports';
import { stateIds } from '../../../src/domain/states';
import { AN, as, OWNER, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

const COUNT = 20000;

describe('the register above the list view threshold (20,000 dossiers)', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
    const store = tenant.raw.store;
    const rows = Array.from({ length: COUNT }, (_, i) => ({
      Title: `VSA-${2019 + (i % 7)}-${String(i + 1).padStart(5, '0')}`,
      DossierState: stateIds[i % stateIds.length],
      StateSince: new Date(Date.UTC(2025, 0, 1) + i * 60000).toISOString(),
      Subject: `Onderwerp ${i}`,
      Institution: i % 100 === 0 ? 'KU Leuven – Centrum voor Sociologisch Onderzoek' : `Instelling ${i % 500}`,
      Procedure: i % 5 === 0 ? 'simplified' : 'standard',
      AssigneeEmail: i % 3 === 0 ? 'sofie.janssens@vsa.local' : 'pieter.claes@vsa.local',
      ReceivedOn: new Date(Date.UTC(2025, 0, 1) + i * 3600000).toISOString(),
      EventCount: 1
    }));
    store.lists.bulkInsert(store.lists.requireByTitle('Dossiers').id, rows, 1);
  }, 60000);
  afterAll(async () => tenant?.close());

  it('pages through all of them with the register query, no threshold error', async () => {
    const { data } = as(tenant, AN);
    let cursor: string | undefined;
    let total = 0;
    let pages = 0;
    const seen = new Set<number>();
    do {
      const page = await data.dossiers.readRegisterPage({ pageSize: 5000 }, cursor);
      page.rows.forEach((row) => seen.add(row.itemId));
      total += page.rows.length;
      pages++;
      cursor = page.nextCursor;
    } while (cursor);
    expect(total).toBe(COUNT);
    expect(seen.size).toBe(COUNT);
    expect(pages).toBe(4);
  }, 60000);

  it('answers every filter the register offers (all on indexed columns)', async () => {
    const { data } = as(tenant, AN);
    const kul = 'KU Leuven – Centrum voor Sociologisch Onderzoek';
    const cases: [RegisterQuery, (row: RegisterRow) => boolean][] = [
      [{ states: ['awaitingDecision'], pageSize: 5000 }, (row) => row.state === 'awaitingDecision'],
      [{ assigneeEmail: 'sofie.janssens@vsa.local', states: ['intake'], pageSize: 5000 }, (row) => row.state === 'intake' && row.assignee?.email === 'sofie.janssens@vsa.local'],
      [{ institution: kul, pageSize: 5000 }, (row) => row.institution === kul],
      [{ referencePrefix: 'VSA-2023-', orderBy: 'reference', pageSize: 100 }, (row) => row.reference.startsWith('VSA-2023-')],
      [{ procedure: 'simplified', orderBy: 'stateSince', pageSize: 100 }, (row) => row.procedure === 'simplified'],
      [{ receivedFrom: '2025-06-01', receivedBefore: '2025-06-02', orderBy: 'receivedOn' }, (row) => ['2025-06-01', '2025-06-02'].includes(String(row.receivedOn).slice(0, 10))]
    ];
    for (const [query, matches] of cases) {
      expect(buildRegisterQuery(query).usedColumns.length).toBeGreaterThan(0);
      const page = await data.dossiers.readRegisterPage(query);
      expect(page.rows.length).toBeGreaterThan(0);
      expect(page.rows.filter((row) => !matches(row))).toEqual([]);
    }
    const kulPage = await data.dossiers.readRegisterPage({ institution: kul, pageSize: 5000 });
    expect(kulPage.rows).toHaveLength(COUNT / 100);
  }, 60000);

  it('transitions, lookups and the detail screen work on the 20,000-item list', async () => {
    const { data } = as(tenant, AN);
    const actor = await data.directory.currentActor();
    const reference = await data.lookups.nextReference(2026);
    expect(reference).toBe('VSA-2026-0001');
    const outcome = await data.commands.execute(reference, {
      type: 'registerRequest',
      commandId: 'big-1',
      reference,
      requester: { institution: 'Universiteit Gent', institutionType: 'onderzoeksinstelling', isIndividual: false, contact: { name: 'Hanne Vos', email: 'hanne.vos@ugent.example' } },
      subject: 'Groot register'
    }, actor);
    expect(outcome.ok).toBe(true);
    expect((await data.commands.execute(reference, { type: 'addComment', commandId: 'big-2', text: 'ok' }, actor)).ok).toBe(true);
    const detail = await data.readModel.loadDossierDetail(reference);
    expect(detail.events).toHaveLength(2);
    expect((await data.readModel.loadRegisterScreen({ referencePrefix: 'VSA-2026-' })).page.rows[0].reference).toBe(reference);
  }, 60000);

  it('a filter or sort on a non-indexed column gets what SharePoint answers: HTTP 500 SPQueryThrottledException', async () => {
    const { sp } = as(tenant, AN);
    const items = sp.web.lists.getByTitle('Dossiers').items;
    for (const request of [items.filter("Subject eq 'Onderwerp 7'"), items.orderBy('Subject')]) {
      const error = await request().catch((e: unknown) => e);
      expect(isHttpRequestErrorLike(error) && error.status).toBe(500);
      expect(String((error as Error).message)).toContain('SPQueryThrottledException');
    }
  }, 60000);
});

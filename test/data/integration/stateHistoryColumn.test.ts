import type { LocalComposition } from '../../../src/composition/local';
import { GraphDossierStore } from '../../../src/data/graph/graphDossierStore';
import { GraphSite } from '../../../src/data/graph/graphSite';
import { DossierColumn, LIST_DOSSIERS } from '../../../src/data/schema';
import { clockStatus, defaultProcedureSettings, generatedHolidayCalendar } from '../../../src/domain/clocks';
import type { Dossier, IsoDateTime } from '../../../src/domain/types';
import { deadlineOfRow } from '../../../src/webparts/dossierRegister/app/registerEntries';
import { assignCommand, registerCommand } from '../support/fixtures';
import { AN, as, OWNER, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

type Fields = Record<string, unknown>;

const overdue = (dossier: Dossier, now: IsoDateTime) => clockStatus(dossier, defaultProcedureSettings, generatedHolidayCalendar, now);

/**
 * The product as it was before the `StateHistory` column: the same code with the column left out of
 * the provisioned schema and of every projection write. Loaded in its own module registry. A persona
 * (the site owner provisions); or the trusted writer (`'service'`: the command service's app-only
 * identity writing the lists directly), since members only read the lists and the service mounted
 * in the tenant runs today's code.
 */
function previousRelease(tenant: RunningTenant, who: string | 'service'): LocalComposition {
  let composition: LocalComposition | undefined;
  jest.isolateModules(() => {
    jest.doMock('../../../src/data/schema', () => {
      const actual = jest.requireActual('../../../src/data/schema') as typeof import('../../../src/data/schema');
      return {
        ...actual,
        LISTS: actual.LISTS.map((list) => (list.title === actual.LIST_DOSSIERS ? { ...list, columns: list.columns.filter((c) => c.internalName !== 'StateHistory') } : list))
      };
    });
    jest.doMock('../../../src/data/sharepoint/itemMapping', () => {
      const actual = jest.requireActual('../../../src/data/sharepoint/itemMapping') as typeof import('../../../src/data/sharepoint/itemMapping');
      return {
        ...actual,
        projectionFields: (...args: Parameters<typeof actual.projectionFields>) => {
          const { StateHistory: _left, ...fields } = actual.projectionFields(...args);
          return fields;
        }
      };
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createLocalComposition } = require('../../../src/composition/local') as typeof import('../../../src/composition/local');
    composition =
      who === 'service'
        ? createLocalComposition({ baseUrl: tenant.baseUrl, app: 'service', commandsVia: 'direct', messaging: false })
        : createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: who, messaging: false });
  });
  if (!composition) throw new Error('previous release did not load');
  return composition;
}

describe('StateHistory column on the local tenant', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTenant();
  });
  afterAll(async () => tenant?.close());

  it('is added to a site provisioned before it, a transition writes it and the register reads it back', async () => {
    // A site and a dossier from before the column.
    const before = await previousRelease(tenant, OWNER).data.provisioner.ensureAll();
    expect(before.created).toContain(`list ${LIST_DOSSIERS}`);
    expect(before.created).not.toContain(`column ${LIST_DOSSIERS}.${DossierColumn.StateHistory}`);
    const old = previousRelease(tenant, 'service').data;
    const actor = await as(tenant, AN).data.directory.currentActor();
    expect((await old.commands.execute('VSA-2026-0001', registerCommand('VSA-2026-0001', 'reg-old'), actor)).ok).toBe(true);

    // Provisioning adds the column to the existing site, once.
    const owner = as(tenant, OWNER);
    const upgrade = await owner.data.provisioner.ensureAll();
    expect(upgrade.created).toEqual([`column ${LIST_DOSSIERS}.${DossierColumn.StateHistory}`]);
    expect((await owner.data.provisioner.ensureAll()).created).toEqual([]);
    const field = (await owner.sp.web.lists.getByTitle(LIST_DOSSIERS).fields.getByInternalNameOrTitle(DossierColumn.StateHistory).select('Indexed', 'FieldTypeKind')()) as unknown as Fields;
    expect(field).toMatchObject({ Indexed: false, FieldTypeKind: 3 });

    // The item written before the column has no history: the register falls back.
    const { data } = as(tenant, AN);
    const legacyRow = (await data.dossiers.readRegisterPage({})).rows[0];
    expect(legacyRow).toMatchObject({ reference: 'VSA-2026-0001', state: 'intake' });
    expect(legacyRow.stateHistory).toBeUndefined();

    // The next transition writes the history; SharePoint REST and Graph both read it back.
    expect((await data.commands.execute('VSA-2026-0001', assignCommand('assign-new'), actor)).ok).toBe(true);
    const stored = (await owner.sp.web.lists.getByTitle(LIST_DOSSIERS).items.select(DossierColumn.StateHistory)()) as unknown as Fields[];
    const pairs = JSON.parse(String(stored[0][DossierColumn.StateHistory])) as [string, string][];
    expect(pairs.map(([state]) => state)).toEqual(['intake', 'preliminary']);

    const panel = (await data.readModel.loadDossierDetail('VSA-2026-0001')).dossier;
    if (!panel) throw new Error('dossier not loaded');
    const screen = await data.readModel.loadRegisterScreen({});
    const row = screen.page.rows[0];
    expect(row.stateHistory).toEqual(panel.stateHistory);
    for (const now of ['2026-02-01T00:00:00.000Z', '2027-06-01T00:00:00.000Z']) expect(deadlineOfRow(row, now)).toEqual(overdue(panel, now));

    const graphStore = new GraphDossierStore(new GraphSite(as(tenant, AN).graph, as(tenant, AN).siteUrl));
    const graphRows = (await graphStore.readRegisterPage({ states: ['preliminary'] })).rows;
    expect(graphRows.map((r) => r.stateHistory)).toEqual([panel.stateHistory]);
  });
});

import { loadProcedureSettings } from '../../../src/app/procedureSettings';
import { GraphProcedureSettingsReader } from '../../../src/data/graph/graphProcedureSettingsReader';
import { GraphSite } from '../../../src/data/graph/graphSite';
import { LIST_PROCEDURE_SETTINGS } from '../../../src/data/schema';
import { SharePointProcedureSettingsReader } from '../../../src/data/sharepoint/procedureSettingsReader';
import { defaultProcedureSettings } from '../../../src/domain/clocks';
import { AN, ELS, OWNER, SOFIE, as, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

type Fields = Record<string, unknown>;

describe('the procedure settings list against the local tenant', () => {
  let tenant: RunningTenant;

  beforeAll(async () => {
    tenant = await startTenant();
  });
  afterAll(async () => tenant?.close());

  it('given a site not yet provisioned, when the register reads the settings, then it gets the defaults and the warning', async () => {
    const result = await loadProcedureSettings(new SharePointProcedureSettingsReader(as(tenant, SOFIE).sp));
    expect(result.settings).toEqual(defaultProcedureSettings);
    expect(result.warning?.code).toBe('settings.warning.unreadable');
  });

  it('given provisioning, then the defaults are seeded once and read back through PnPjs and Graph alike', async () => {
    const report = await as(tenant, OWNER).data.provisioner.ensureAll();
    expect(report.created).toEqual(expect.arrayContaining([`list ${LIST_PROCEDURE_SETTINGS}`, 'setting review', 'setting digestWeekday']));
    expect((await as(tenant, OWNER).data.provisioner.ensureAll()).created).toEqual([]);
    expect(await loadProcedureSettings(new SharePointProcedureSettingsReader(as(tenant, SOFIE).sp))).toEqual({ settings: defaultProcedureSettings, problems: [] });
    const composition = as(tenant, ELS);
    const graph = new GraphProcedureSettingsReader(new GraphSite(composition.graph, composition.siteUrl));
    expect(await loadProcedureSettings(graph)).toEqual({ settings: defaultProcedureSettings, problems: [] });
  });

  it('given the DPO team changes a row and breaks another, then the change applies, the broken row keeps its default with a problem; a statistician may not write', async () => {
    const items = as(tenant, AN).sp.web.lists.getByTitle(LIST_PROCEDURE_SETTINGS).items;
    const rows = (await items.select('Id', 'Title')()) as unknown as Fields[];
    const idOf = (key: string): number => Number(rows.find((row) => row.Title === key)?.Id);
    await items.getById(idOf('review')).update({ SettingDays: 20, SettingUnit: 'werkdagen' });
    await items.getById(idOf('intake')).update({ SettingDays: -2 });
    const result = await loadProcedureSettings(new SharePointProcedureSettingsReader(as(tenant, SOFIE).sp));
    expect(result.settings.phases.review).toEqual({ phase: 'review', days: 20, unit: 'working', escalateAfterDays: 10 });
    expect(result.settings.phases.intake).toEqual(defaultProcedureSettings.phases.intake);
    expect(result.problems.map((problem) => [problem.key, problem.code])).toEqual([['intake', 'settings.error.notPositive']]);
    await expect(as(tenant, SOFIE).sp.web.lists.getByTitle(LIST_PROCEDURE_SETTINGS).items.getById(idOf('review')).update({ SettingDays: 1 })).rejects.toBeDefined();
  });
});

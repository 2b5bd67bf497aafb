import { GROUPS, LIBRARY_CODEBOOKS, LIST_CODEBOOKS, LIST_DOSSIERS, LIST_EVENTS, LIST_FINDINGS, LIST_INSTITUTIONS, LIST_PROCEDURE_SETTINGS, LIST_NUMBERING, LIST_REMINDERS, LIST_RESTRICTED_NOTES, LISTS, RoleDefinitionId, indexedColumns } from '../../../src/data/schema';
import { hasDataErrorCode } from '../../../src/data/errors';
import { as, GAST, OWNER, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

type Fields = Record<string, unknown>;

describe('provisioning against the local tenant', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTenant();
  });
  afterAll(async () => tenant?.close());

  it('creates lists, columns, indexes, permissions and views, and a second run changes nothing', async () => {
    const owner = as(tenant, OWNER);
    const first = await owner.data.provisioner.ensureAll();
    expect(first.created.filter((c) => c.startsWith('list '))).toEqual([`list ${LIST_DOSSIERS}`, `list ${LIST_EVENTS}`, 'list Dossierdocumenten', `list ${LIST_NUMBERING}`, `list ${LIST_CODEBOOKS}`, `list ${LIBRARY_CODEBOOKS}`, `list ${LIST_RESTRICTED_NOTES}`, `list ${LIST_FINDINGS}`, `list ${LIST_INSTITUTIONS}`, `list ${LIST_REMINDERS}`, `list ${LIST_PROCEDURE_SETTINGS}`]);
    // The procedure's settings are seeded with the defaults, one item per setting (issue 16).
    expect(first.created.filter((c) => c.startsWith('setting '))).toHaveLength(14);
    expect(first.created).toContain(`index ${LIST_NUMBERING}.Title`);
    expect(first.created).toContain(`index ${LIST_EVENTS}.Title`);
    const second = await owner.data.provisioner.ensureAll();
    expect(second.created).toEqual([]);

    for (const spec of LISTS) {
      const list = owner.sp.web.lists.getByTitle(spec.title);
      const info = (await list.select('BaseTemplate', 'HasUniqueRoleAssignments')()) as unknown as Fields;
      expect(info.BaseTemplate).toBe(spec.baseTemplate);
      expect(info.HasUniqueRoleAssignments).toBe(true);
      const fields = (await list.fields.select('InternalName', 'Indexed')()) as unknown as Fields[];
      const byName = new Map(fields.map((f) => [String(f.InternalName), f]));
      for (const column of spec.columns) expect(byName.has(column.internalName)).toBe(true);
      for (const name of indexedColumns(spec.title)) if (name !== 'Id') expect(byName.get(name)?.Indexed).toBe(true);
      const views = (await list.views.select('Title')()) as unknown as Fields[];
      for (const view of spec.views) expect(views.map((v) => v.Title)).toContain(view.title);
      const assignments = (await list.roleAssignments.expand('Member', 'RoleDefinitionBindings')()) as unknown as Fields[];
      for (const group of GROUPS) {
        const assignment = assignments.find((a) => (a.Member as Fields | undefined)?.Title === group.title);
        // The notes for the DPO: the DPO team and the statisticians hold no level at all.
        if (spec.title === LIST_RESTRICTED_NOTES && (group.role === 'dpoTeam' || group.role === 'statistician')) {
          expect(assignment).toBeUndefined();
          continue;
        }
        expect(assignment).toBeDefined();
        const bindings = assignment?.RoleDefinitionBindings as Fields[] | { results: Fields[] };
        const ids = (Array.isArray(bindings) ? bindings : bindings.results).map((b) => Number(b.Id));
        // Every group reads every list, the counter included; only the service (and the owners) write the
        // dossier lists. The codebooks are reference data the DPO team and the statisticians maintain.
        // The institution register is maintained by the DPO team alone.
        const maintains = ((spec.title === LIST_CODEBOOKS || spec.title === LIBRARY_CODEBOOKS) && (group.role === 'dpoTeam' || group.role === 'statistician'))
          || ((spec.title === LIST_INSTITUTIONS || spec.title === LIST_PROCEDURE_SETTINGS) && group.role === 'dpoTeam');
        expect(ids).toEqual([maintains ? RoleDefinitionId.Contribute : RoleDefinitionId.Read]);
      }
    }
  });

  it('moves a group that holds Contribute on a list (an older run) back to Read', async () => {
    const owner = as(tenant, OWNER);
    const groups = (await owner.sp.web.siteGroups.select('Id', 'Title')()) as unknown as Fields[];
    const team = Number(groups.find((g) => g.Title === 'VSA DPO-team')?.Id);
    await owner.sp.web.lists.getByTitle(LIST_EVENTS).roleAssignments.add(team, RoleDefinitionId.Contribute);
    const repaired = await owner.data.provisioner.ensureAll();
    expect(repaired.created).toEqual([`removed level ${RoleDefinitionId.Contribute} of VSA DPO-team on ${LIST_EVENTS}`]);
  });

  it('refuses provisioning to a user outside the site owners', async () => {
    const error = await as(tenant, GAST).data.provisioner.ensureAll().catch((e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.accessDenied')).toBe(true);
  });
});

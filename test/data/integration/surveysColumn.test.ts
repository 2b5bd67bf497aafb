import { createLocalComposition, type LocalComposition } from '../../../src/composition/local';
import { GraphDossierStore } from '../../../src/data/graph/graphDossierStore';
import { GraphSite } from '../../../src/data/graph/graphSite';
import type { RegisterRow } from '../../../src/data/ports';
import { DossierColumn, LIST_DOSSIERS } from '../../../src/data/schema';
import type { Command } from '../../../src/domain/commands';
import { queryRegister, defaultSort, surveyChoicesOf } from '../../../src/ui/register/registerQuery';
import { toDossierRow } from '../../../src/ui/register/registerRows';
import { entriesFromRegisterRows } from '../../../src/webparts/dossierRegister/app/registerEntries';
import { registerCommand } from '../support/fixtures';
import { AN, as, OWNER, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

type Fields = Record<string, unknown>;
const NEW_COLUMNS = [DossierColumn.Surveys, DossierColumn.VariableCount] as string[];
/** Columns added later still (issue 14): that release lacked them too, so the owner's upgrade adds them as well. */
const LATER_COLUMNS = [DossierColumn.OpenConditions, DossierColumn.NextConditionDue] as string[];
const MISSING_COLUMNS = [...NEW_COLUMNS, ...LATER_COLUMNS];

/** The product before the `Surveys` and `VariableCount` columns (schema and projection without them). */
function previousRelease(tenant: RunningTenant, who: string | 'service'): LocalComposition {
  let composition: LocalComposition | undefined;
  jest.isolateModules(() => {
    jest.doMock('../../../src/data/schema', () => {
      const actual = jest.requireActual('../../../src/data/schema') as typeof import('../../../src/data/schema');
      return {
        ...actual,
        LISTS: actual.LISTS.map((list) => (list.title === actual.LIST_DOSSIERS ? { ...list, columns: list.columns.filter((c) => !MISSING_COLUMNS.includes(c.internalName)) } : list))
      };
    });
    jest.doMock('../../../src/data/sharepoint/itemMapping', () => {
      const actual = jest.requireActual('../../../src/data/sharepoint/itemMapping') as typeof import('../../../src/data/sharepoint/itemMapping');
      return {
        ...actual,
        projectionFields: (...args: Parameters<typeof actual.projectionFields>) =>
          Object.fromEntries(Object.entries(actual.projectionFields(...args)).filter(([column]) => !MISSING_COLUMNS.includes(column)))
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

/** A registration as the service writes it, with the requested data its forms stated. */
function registered(reference: string, surveys: readonly string[], variablesCount: number): Command {
  return { ...registerCommand(reference, `reg-${reference}`), requestedData: { surveys, variablesCount } } as Command;
}

const now = '2026-11-25T12:00:00.000Z';
const visible = (rows: readonly RegisterRow[], survey: string): string[] =>
  queryRegister(entriesFromRegisterRows(rows, now).map((entry) => toDossierRow(entry, now, 'nl')), { survey }, defaultSort, 'x').map((row) => row.reference).sort();

describe('Surveys and VariableCount columns of the register (local tenant: SharePoint REST and Graph)', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTenant();
  });
  afterAll(async () => tenant?.close());

  it('are added to an older site; old rows keep working; rows carry the waves and count; the filter takes a survey or a wave', async () => {
    const before = await previousRelease(tenant, OWNER).data.provisioner.ensureAll();
    expect(before.created).toContain(`list ${LIST_DOSSIERS}`);
    const actor = await as(tenant, AN).data.directory.currentActor();
    expect((await previousRelease(tenant, 'service').data.commands.execute('VSA-2026-0001', registered('VSA-2026-0001', ['SV-bevraging 2022-1'], 2), actor)).ok).toBe(true);

    const owner = as(tenant, OWNER);
    expect((await owner.data.provisioner.ensureAll()).created.sort()).toEqual(MISSING_COLUMNS.map((column) => `column ${LIST_DOSSIERS}.${column}`).sort());
    const field = (await owner.sp.web.lists.getByTitle(LIST_DOSSIERS).fields.getByInternalNameOrTitle(DossierColumn.Surveys).select('Indexed', 'FieldTypeKind')()) as unknown as Fields;
    expect(field).toMatchObject({ Indexed: false, FieldTypeKind: 3 });

    const service = createLocalComposition({ baseUrl: tenant.baseUrl, app: 'service', commandsVia: 'direct', messaging: false }).data;
    const scv = ['SCV-survey 1996', 'SCV-survey 1997', 'SCV-survey 1998', 'SCV-survey 1999', 'SCV-survey 2000', 'SCV-survey 2001', 'SCV-survey 2002', 'SCV-survey 2003',
      'SCV-survey 2004', 'SCV-survey 2005', 'SCV-survey 2006', 'SCV-survey 2007', 'SCV-survey 2008', 'SCV-survey 2009', 'SCV-survey 2010', 'SCV-survey 2011', 'SCV-survey 2012',
      'SCV-survey 2013', 'SCV-survey 2014', 'SCV-survey 2015', 'SCV-survey 2016', 'SCV-survey 2017', 'SCV-survey 2018'];
    for (const [reference, surveys, count] of [
      ['VSA-2026-0002', ['SV-bevraging 2023-1', 'SV-bevraging 2023-2'], 12],
      ['VSA-2026-0003', ['SV-bevraging 2023-2', 'COVID-19-bevraging golf 3'], 4],
      ['VSA-2026-0004', scv, 30]
    ] as const) {
      expect((await service.commands.execute(reference, registered(reference, surveys, count), actor)).ok).toBe(true);
    }

    const { data } = as(tenant, AN);
    const rows = (await data.dossiers.readRegisterPage({ pageSize: 100, orderBy: 'reference' })).rows;
    const byReference = new Map(rows.map((row) => [row.reference, row]));
    // Written before the columns: no waves, no count, still a row.
    expect(byReference.get('VSA-2026-0001')).toMatchObject({ state: 'intake' });
    expect(byReference.get('VSA-2026-0001')?.surveys).toBeUndefined();
    expect(byReference.get('VSA-2026-0001')?.variableCount).toBeUndefined();
    expect(byReference.get('VSA-2026-0002')).toMatchObject({ surveys: ['SV-bevraging 2023-1', 'SV-bevraging 2023-2'], variableCount: 12 });
    // 23 waves pass SharePoint's 255 characters of a single-line text: the Note keeps them all.
    expect(byReference.get('VSA-2026-0004')?.surveys).toEqual(scv);

    expect(visible(rows, 'SV-bevraging')).toEqual(['VSA-2026-0002', 'VSA-2026-0003']);
    expect(visible(rows, 'SV-bevraging 2023-1')).toEqual(['VSA-2026-0002']);
    expect(visible(rows, 'COVID-19-bevraging golf 3')).toEqual(['VSA-2026-0003']);
    expect(visible(rows, 'SCV-survey 2010')).toEqual(['VSA-2026-0004']);
    expect(visible(rows, 'SCV-survey 201')).toEqual([]);
    const lines = entriesFromRegisterRows(rows, now).map((entry) => toDossierRow(entry, now, 'nl'));
    expect(lines.find((line) => line.reference === 'VSA-2026-0004')?.surveysText).toBe('SCV-survey 1996–2018 (23 golven)');
    expect(surveyChoicesOf(lines).slice(0, 3).map((choice) => choice.key)).toEqual(['COVID-19-bevraging', 'COVID-19-bevraging golf 3', 'SCV-survey']);

    // The Graph store reads the same columns.
    const graphStore = new GraphDossierStore(new GraphSite(as(tenant, AN).graph, as(tenant, AN).siteUrl));
    const graphRows = (await graphStore.readRegisterPage({ pageSize: 100, orderBy: 'reference' })).rows;
    expect(graphRows.map((row) => [row.reference, row.surveys, row.variableCount])).toEqual(rows.map((row) => [row.reference, row.surveys, row.variableCount]));
    expect(visible(graphRows, 'SV-bevraging 2023-2')).toEqual(['VSA-2026-0002', 'VSA-2026-0003']);
  });
});

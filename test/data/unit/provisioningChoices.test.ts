import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import { DefaultParse } from '@pnp/queryable';
import { Provisioner } from '../../../src/data/sharepoint/provisioning';
import { settingKeys } from '../../../src/domain/clocks/settings';
import { DocumentColumn, DossierColumn, GROUPS, LISTS, groupLevelOn } from '../../../src/data/schema';

/**
 * Lifecycle (issue 16): a site provisioned before the state `closed`, the phase `closeOut` and the kind
 * `destructionStatement` gets the missing choices appended (values kept, in their order); a site that has
 * them, or does not report its choices, is left alone.
 */
const json = (value: unknown): Response => new Response(JSON.stringify(value), { status: 200, headers: { 'Content-Type': 'application/json' } });

function site(choicesOf: (list: string, column: string, choices: readonly string[]) => unknown): { sp: ReturnType<typeof spfi>; sent: { url: string; method: string; body?: string }[] } {
  const sent: { url: string; method: string; body?: string }[] = [];
  const answer = (url: string, method: string): Response => {
    if (method !== 'GET') return new Response(null, { status: 204 });
    if (url.includes('/siteGroups')) return json({ value: GROUPS.map((group, index) => ({ Id: 10 + index, Title: group.title })) });
    const list = LISTS.find((candidate) => candidate.title === /getByTitle\('([^']+)'\)/.exec(url)?.[1]);
    if (!list) {
      const title = /Title eq '([^']+)'/.exec(url)?.[1];
      return json({ value: title ? [{ Title: title, EnableVersioning: true }] : [] });
    }
    const single = /fields\/getByInternalNameOrTitle\('([^']+)'\)/.exec(url)?.[1];
    if (single) {
      const column = list.columns.find((candidate) => candidate.internalName === single);
      return json(column?.choices ? { Choices: choicesOf(list.title, single, column.choices) } : {});
    }
    if (url.includes('/fields')) {
      return json({ value: [
        { InternalName: 'Title', Indexed: true, EnforceUniqueValues: true },
        ...list.columns.map((column) => ({ InternalName: column.internalName, Indexed: true, EnforceUniqueValues: true, ...(column.choices ? { Choices: choicesOf(list.title, column.internalName, column.choices) } : {}) }))
      ] });
    }
    if (url.includes('/roleAssignments')) return json({ value: GROUPS.map((group, index) => ({ PrincipalId: 10 + index, RoleDefinitionBindings: [{ Id: groupLevelOn(list, group.role) }] })) });
    if (url.includes('/views')) return json({ value: list.views.map((view) => ({ Title: view.title })) });
    // The settings list's seed reads the keys already there (issue 16, clocks): this site has them all.
    if (url.includes('/items')) return json({ value: settingKeys.map((key) => ({ Title: key })) });
    return json({ HasUniqueRoleAssignments: true });
  };
  const sp = spfi('https://contoso.sharepoint.com/sites/microdata').using(DefaultHeaders(), DefaultInit(), DefaultParse(), (instance) => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => {
      const request = { url: decodeURIComponent(url.toString().replace(/\+/g, ' ')), method: String(init.method), body: init.body as string | undefined };
      sent.push(request);
      return answer(request.url, request.method);
    });
    return instance;
  });
  return { sp, sent };
}

const newValues = new Set(['closed', 'closeOut', 'destructionStatement']);

describe('provisioning brings choice columns up to date', () => {
  it('appends the lifecycle values to the state, phase and kind columns of an older site, keeping the values there', async () => {
    const { sp, sent } = site((_, __, choices) => choices.filter((choice) => !newValues.has(choice)).reverse());
    const report = await new Provisioner(sp).ensureAll();
    expect(report.created.sort()).toEqual([
      'choices Bevindingen.DocumentKind', 'choices Dossierdocumenten.DocumentKind', 'choices Dossierdocumenten.DocumentPhase', 'choices Dossiers.DossierState'
    ]);
    const merges = sent.filter((request) => request.body?.includes('Choices'));
    const state = merges.find((merge) => merge.url.includes(`getByTitle('Dossiers')/fields/getByInternalNameOrTitle('${DossierColumn.State}')`));
    const stateChoices = (JSON.parse(String(state?.body)) as { Choices: string[] }).Choices;
    expect(stateChoices.at(-1)).toBe('closed');
    expect(stateChoices[0]).toBe('withdrawn');
    const phase = merges.find((merge) => merge.url.includes(`getByInternalNameOrTitle('${DocumentColumn.Phase}')`));
    expect((JSON.parse(String(phase?.body)) as { Choices: string[] }).Choices).toEqual(['publication', 'countersigned', 'signed', 'draft', 'closeOut']);
  });

  it('changes nothing on a site that has every choice, or that does not report them', async () => {
    for (const reported of [(_: string, __: string, choices: readonly string[]) => ({ results: [...choices] }), () => undefined]) {
      const { sp, sent } = site(reported);
      expect((await new Provisioner(sp).ensureAll()).created).toEqual([]);
      expect(sent.filter((request) => request.method !== 'GET')).toEqual([]);
    }
  });
});

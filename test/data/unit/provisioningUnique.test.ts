import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import type { SPFI } from '@pnp/sp';
import { DefaultParse } from '@pnp/queryable';
import { Provisioner } from '../../../src/data/sharepoint/provisioning';
import { GROUPS, LISTS, groupLevelOn } from '../../../src/data/schema';
import { settingItemsOf } from '../../../src/data/settings/procedureSettingSeed';

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

const json = (value: unknown): Response => new Response(JSON.stringify(value), { status: 200, headers: { 'Content-Type': 'application/json' } });

/**
 * A site that already has every list, column, index, permission and view of the schema; its fields
 * report `EnforceUniqueValues` as given (SharePoint Online always reports it).
 */
function completeSite(enforceUnique: boolean | undefined, enableVersioning?: boolean): { sp: SPFI; sent: Sent[] } {
  const sent: Sent[] = [];
  const listOf = (url: string): (typeof LISTS)[number] | undefined => {
    const match = /getByTitle\('([^']+)'\)/.exec(decodeURIComponent(url));
    return LISTS.find((list) => list.title === match?.[1]);
  };
  const answer = (request: Sent): Response => {
    const url = decodeURIComponent(request.url.replace(/\+/g, ' '));
    if (request.method !== 'GET') return new Response(null, { status: 204 });
    if (url.includes('/siteGroups')) return json({ value: GROUPS.map((group, index) => ({ Id: 10 + index, Title: group.title })) });
    const list = listOf(url);
    if (!list) {
      const title = /Title eq '([^']+)'/.exec(url)?.[1];
      return json({ value: title ? [{ Title: title, ...(enableVersioning === undefined ? {} : { EnableVersioning: enableVersioning }) }] : [] });
    }
    if (url.includes('/fields')) {
      const names = ['Title', ...list.columns.map((column) => column.internalName)];
      return json({ value: names.map((name) => ({ InternalName: name, Indexed: true, ...(enforceUnique === undefined ? {} : { EnforceUniqueValues: enforceUnique }) })) });
    }
    if (url.includes('/roleAssignments')) {
      return json({ value: GROUPS.map((group, index) => ({ PrincipalId: 10 + index, RoleDefinitionBindings: [{ Id: groupLevelOn(list, group.role) }] })) });
    }
    if (url.includes('/views')) return json({ value: list.views.map((view) => ({ Title: view.title })) });
    // The settings list already holds every setting (provisioning seeds only missing keys).
    if (url.includes('/items')) return json({ value: settingItemsOf().map((item) => ({ Title: item.Title })) });
    return json({ HasUniqueRoleAssignments: true });
  };
  const sp = spfi('https://contoso.sharepoint.com/sites/microdata').using(DefaultHeaders(), DefaultInit(), DefaultParse(), (instance) => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => {
      const request = { url: url.toString(), method: String(init.method), headers: { ...(init.headers as Record<string, string>) }, body: init.body as string | undefined };
      sent.push(request);
      return answer(request);
    });
    return instance;
  });
  return { sp, sent };
}

describe('provisioning makes the number columns and the counter series unique', () => {
  it('MERGEs EnforceUniqueValues on every unique column a site reports as not unique', async () => {
    const { sp, sent } = completeSite(false);
    const report = await new Provisioner(sp).ensureAll();
    expect(report.created.sort()).toEqual([
      'unique Codebooks.Title', 'unique Dossiergebeurtenissen.EventId', 'unique Dossiers.AddendumNumber', 'unique Dossiers.ProtocolNumber',
      'unique Herinneringen.Title', 'unique Instellingen van de procedure.Title', 'unique Instellingen.EnterpriseNumber', 'unique Notities DPO.Title', 'unique Nummering.Title'
    ]);
    const merges = sent.filter((request) => request.body?.includes('EnforceUniqueValues'));
    expect(merges).toHaveLength(9);
    for (const merge of merges) {
      expect(merge.headers['X-HTTP-Method']).toBe('MERGE');
      expect(JSON.parse(String(merge.body))).toEqual({ EnforceUniqueValues: true });
    }
    expect(decodeURIComponent(merges.map((m) => m.url).join(' '))).toContain("getByTitle('Nummering')/fields/getByInternalNameOrTitle('Title')");
  });

  it('changes nothing on a site whose columns are unique already, or that does not report it', async () => {
    for (const reported of [true, undefined]) {
      const { sp, sent } = completeSite(reported);
      expect((await new Provisioner(sp).ensureAll()).created).toEqual([]);
      expect(sent.filter((request) => request.method !== 'GET')).toEqual([]);
    }
  });
});

describe('provisioning keeps the history of the institution register', () => {
  it('turns versioning on for a list that wants it and reports it off (a site provisioned before), and only there', async () => {
    const { sp, sent } = completeSite(true, false);
    // The institution register and the procedure settings (issue 16) both keep versions.
    expect((await new Provisioner(sp).ensureAll()).created).toEqual(['versioning Instellingen', 'versioning Instellingen van de procedure']);
    const merges = sent.filter((request) => request.method !== 'GET');
    expect(merges).toHaveLength(2);
    expect(decodeURIComponent(merges[0].url)).toContain("getByTitle('Instellingen')");
    expect(merges[0].headers['X-HTTP-Method']).toBe('MERGE');
    expect(JSON.parse(String(merges[0].body))).toEqual({ EnableVersioning: true });
  });

  it('changes nothing when versioning is on already', async () => {
    const { sp, sent } = completeSite(true, true);
    expect((await new Provisioner(sp).ensureAll()).created).toEqual([]);
    expect(sent.filter((request) => request.method !== 'GET')).toEqual([]);
  });
});

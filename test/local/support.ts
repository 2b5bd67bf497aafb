/**
 * Shared helpers of the local tenant tests: start a tenant in-process on a free port, call it with
 * raw fetch as a persona, and provision the three lists the product uses.
 */
import { startLocalTenant, type LocalTenant, type LocalTenantOptions } from '../../src/local/server/server';
import { audienceFor, hookHeaders, tokenFor } from '../support/tokens';

export const admin = 'beheer@vsa.local';
export const dpoTeamMember = 'an.peeters@vsa.local';
export const statistician = 'sofie.janssens@vsa.local';
export const guest = 'gast@vsa.local';

/** Starts a tenant on a free port with an in-memory database (unless told otherwise). */
export function startTenant(options: LocalTenantOptions = {}): Promise<LocalTenant> {
  return startLocalTenant({ port: 0, dataFile: ':memory:', slowMs: 50, ...options });
}

/**
 * Raw fetch against the tenant as a persona. `path` is relative to the base URL. SharePoint REST and
 * Graph get a token minted for the persona; `/_local/*` hooks and `/outbox` get the hook header and
 * `Bearer local:<email>` (which only the token endpoint reads).
 */
export async function call(
  tenant: LocalTenant,
  email: string | undefined,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {}
): Promise<{ status: number; headers: Headers; text: string; json: () => any }> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(init.headers ?? {}) };
  const hook = path.startsWith('/_local/') || path === '/outbox';
  if (hook) Object.assign(headers, hookHeaders, init.headers ?? {});
  if (email && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) {
    headers.Authorization = hook ? `Bearer local:${email}` : `Bearer ${await tokenFor(tenant.baseUrl, email, audienceFor(tenant.baseUrl, path))}`;
  }
  if (typeof init.body === 'string' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${tenant.baseUrl}${path}`, { method: init.method ?? 'GET', headers, body: init.body, redirect: 'manual' });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

/** `/sites/microdata/_api/<rest>` */
export const api = (rest: string): string => `/sites/microdata/_api/${rest}`;

/** Creates Dossiers, Dossiergebeurtenissen and Dossierdocumenten as the site owner, like provisioning does. */
export async function provision(tenant: LocalTenant): Promise<void> {
  const post = async (path: string, body: unknown, extra: Record<string, string> = {}): Promise<any> => {
    const response = await call(tenant, admin, api(path), { method: 'POST', body: JSON.stringify(body), headers: extra });
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${response.text}`);
    return response.text ? response.json() : undefined;
  };
  await post('web/lists', { Title: 'Dossiers', BaseTemplate: 100, Description: 'Register' });
  await post('web/lists', { Title: 'Dossiergebeurtenissen', BaseTemplate: 100 });
  await post('web/lists', { Title: 'Dossierdocumenten', BaseTemplate: 101 });
  const fields: [string, number, Record<string, unknown>][] = [
    ['State', 6, { Choices: ['intake', 'preliminary', 'underReview'], Indexed: true }],
    ['Amount', 9, {}],
    ['DueDate', 4, {}],
    ['Urgent', 8, {}],
    ['Assignee', 20, {}],
    ['Notes', 3, {}],
    ['Requester', 2, {}]
  ];
  for (const [name, kind, extra] of fields) {
    await post("web/lists/getbytitle('Dossiers')/fields", { Title: name, InternalName: name, FieldTypeKind: kind, ...extra });
  }
  await post("web/lists/getbytitle('Dossiergebeurtenissen')/fields/createfieldasxml", {
    parameters: { SchemaXml: '<Field Type="Number" DisplayName="Dossier" Name="DossierId2" Indexed="TRUE" />' }
  });
  await post("web/lists/getbytitle('Dossiergebeurtenissen')/fields/createfieldasxml", {
    parameters: { SchemaXml: '<Field Type="Text" DisplayName="Event type" Name="EventType" />' }
  });
  await post("web/lists/getbytitle('Dossierdocumenten')/fields", { Title: 'DocumentKind', InternalName: 'DocumentKind', FieldTypeKind: 2 });
  const groups = (await call(tenant, admin, api('web/sitegroups'))).json().value as { Id: number; Title: string }[];
  for (const list of ['Dossiers', 'Dossiergebeurtenissen', 'Dossierdocumenten']) {
    await post(`web/lists/getbytitle('${list}')/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`, {});
    for (const group of groups.filter((g) => g.Title.startsWith('VSA '))) {
      await post(`web/lists/getbytitle('${list}')/roleassignments/addroleassignment(principalid=${group.Id},roledefid=1073741827)`, {});
    }
  }
}

/** The hostile title used in round-trip tests. */
export const hostileTitle = `O'Brien & "Zoë" 100% #1 <script>alert('x')</script> 漢字 – ü`;

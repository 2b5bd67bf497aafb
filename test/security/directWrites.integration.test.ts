import { LIBRARY_DOCUMENTS, LIST_DOSSIERS, LIST_EVENTS, LIST_NUMBERING, NumberingColumn } from '../../src/data/schema';
import { createLocalComposition } from '../../src/composition/local';
import { registerCommand } from '../data/support/fixtures';
import { AN, as, ELS, GAST, JEROEN, KAREL, OWNER, SOFIE, startTenant, type RunningTenant } from '../data/support/tenant';
import { api, batchPartStatuses, fingerprint, getJson, graphPath, guardedLists, listApi, send, SITE_PATH, type Caller, type ProbeRequest } from './support';

/**
 * Issue 12, "Tests": for every VSA persona (and the guest) and every write route of SharePoint REST,
 * Graph and both `$batch` kinds, no change to `Dossiers`, the event list, the number counter or the
 * document library succeeds. Every probe must be refused (status ≥ 400, or every part of a batch ≥ 400)
 * AND the site owner's fingerprint of the lists and files must be unchanged afterwards: a refusal that
 * still wrote something would fail the second check.
 *
 * The site owner (site collection admin) is out of scope on purpose: SharePoint cannot stop its own
 * admins; what they forge is caught on the read side instead (replay's writer check, see
 * integrity.integration.test.ts and test/data/integration/integrity.test.ts).
 *
 * A control at the end sends the same kinds of request as the command service's app identity (which
 * has write access through its site grant) and expects them accepted, so a refusal in the matrix is a
 * permission refusal and not a malformed probe.
 */

const REFERENCE = 'VSA-2026-0001';
const DOCUMENT = 'machtiging.pdf';
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const personas = [AN, JEROEN, SOFIE, KAREL, ELS, GAST];

/** What the probes address: ids read once, as the site owner, after the setup. */
interface Targets {
  /** Item id per list title (the one item each guarded list holds). */
  readonly itemId: Record<string, number>;
  /** Graph list id per list title. */
  readonly listId: Record<string, string>;
  readonly graphSite: string;
  readonly driveId: string;
  readonly driveItemId: string;
  /** Server-relative URL of the uploaded file and of its folder. */
  readonly fileUrl: string;
  readonly folderUrl: string;
  /** Path of the folder below the library root (for Graph `root:/…:`). */
  readonly folderInDrive: string;
}

/** A changed value per list that would matter if it were accepted. */
const tamper: Record<string, Record<string, unknown>> = {
  [LIST_DOSSIERS]: { DossierState: 'published', ProtocolNumber: 'PROT-2026-999' },
  [LIST_EVENTS]: { Payload: '{"type":"CommentAdded","text":"vervalst"}' },
  [LIST_NUMBERING]: { [NumberingColumn.LastNumber]: 99 },
  [LIBRARY_DOCUMENTS]: { Title: 'vervalst' }
};

/**
 * Routes the local tenant does not emulate even for a writer (validateUpdateListItem,
 * AddValidateUpdateItemUsingPath, a file's `$value` PUT, Graph drive writes) still check the caller's
 * rights first, as SharePoint and Graph do, so a reader gets 403 there too. Only `web/folders` POST is
 * refused for everyone (501) before any rights check; its refusal says nothing about permissions, but
 * it stays in the matrix so an emulation added later is probed at once.
 */
const notEmulated = /web\/folders add/;

const json = (value: unknown): string => JSON.stringify(value);
const merge = { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' };

/** One kind of write: a name and the request(s) it sends; `batch` means the answer's parts are checked. */
interface Route {
  readonly name: string;
  readonly batch?: boolean;
  request(targets: Targets): ProbeRequest;
}

/** SharePoint REST writes on one list's items (the library's items included). */
function listItemRoutes(title: string): Route[] {
  const items = (t: Targets): string => api(`${listApi(title)}/items(${t.itemId[title]})`);
  const formValues = Object.entries(tamper[title]).map(([FieldName, value]) => ({ FieldName, FieldValue: String(value) }));
  return [
    { name: `SP ${title} items add`, request: () => ({ method: 'POST', path: api(`${listApi(title)}/items`), body: json({ Title: 'VSA-2026-0666', ...tamper[title] }) }) },
    { name: `SP ${title} item MERGE If-Match *`, request: (t) => ({ method: 'POST', path: items(t), headers: merge, body: json(tamper[title]) }) },
    { name: `SP ${title} item MERGE verb`, request: (t) => ({ method: 'MERGE', path: items(t), headers: { 'IF-Match': '*' }, body: json(tamper[title]) }) },
    { name: `SP ${title} item PATCH`, request: (t) => ({ method: 'PATCH', path: items(t), headers: { 'IF-Match': '*' }, body: json(tamper[title]) }) },
    { name: `SP ${title} item DELETE`, request: (t) => ({ method: 'DELETE', path: items(t), headers: { 'IF-Match': '*' } }) },
    { name: `SP ${title} item X-HTTP-Method DELETE`, request: (t) => ({ method: 'POST', path: items(t), headers: { 'X-HTTP-Method': 'DELETE', 'IF-Match': '*' } }) },
    { name: `SP ${title} item recycle()`, request: (t) => ({ method: 'POST', path: `${items(t)}/recycle()` }) },
    {
      name: `SP ${title} item validateUpdateListItem`,
      request: (t) => ({ method: 'POST', path: `${items(t)}/validateUpdateListItem()`, body: json({ formValues, bNewDocumentUpdate: false }) })
    },
    {
      name: `SP ${title} AddValidateUpdateItemUsingPath`,
      request: () => ({
        method: 'POST',
        path: api(`${listApi(title)}/AddValidateUpdateItemUsingPath()`),
        body: json({ listItemCreateInfo: { FolderPath: { DecodedUrl: `${SITE_PATH}/Lists/${title}` }, UnderlyingObjectType: 0 }, formValues, bNewDocumentUpdate: false })
      })
    }
  ];
}

/** SharePoint REST writes on the library's files and folders. */
const libraryRoutes: Route[] = [
  { name: 'SP files/add new', request: (t) => ({ method: 'POST', path: api(`web/getfolderbyserverrelativepath(decodedurl='${t.folderUrl}')/files/add(url='nieuw.pdf',overwrite=false)`), body: PDF }) },
  { name: 'SP files/add overwrite', request: (t) => ({ method: 'POST', path: api(`web/getfolderbyserverrelativepath(decodedurl='${t.folderUrl}')/files/add(url='${DOCUMENT}',overwrite=true)`), body: PDF }) },
  { name: 'SP file PUT $value', request: (t) => ({ method: 'PUT', path: api(`web/getfilebyserverrelativepath(decodedurl='${t.fileUrl}')/$value`), body: PDF }) },
  { name: 'SP file X-HTTP-Method PUT $value', request: (t) => ({ method: 'POST', path: api(`web/getfilebyserverrelativepath(decodedurl='${t.fileUrl}')/$value`), headers: { 'X-HTTP-Method': 'PUT' }, body: PDF }) },
  { name: 'SP file DELETE', request: (t) => ({ method: 'DELETE', path: api(`web/getfilebyserverrelativepath(decodedurl='${t.fileUrl}')`), headers: { 'IF-Match': '*' } }) },
  { name: 'SP file recycle()', request: (t) => ({ method: 'POST', path: api(`web/getfilebyserverrelativepath(decodedurl='${t.fileUrl}')/recycle()`) }) },
  {
    name: 'SP file ListItemAllFields MERGE',
    request: (t) => ({ method: 'POST', path: api(`web/getfilebyserverrelativepath(decodedurl='${t.fileUrl}')/ListItemAllFields`), headers: merge, body: json(tamper[LIBRARY_DOCUMENTS]) })
  },
  { name: 'SP folders add', request: (t) => ({ method: 'POST', path: api(`web/getfolderbyserverrelativepath(decodedurl='${t.folderUrl}')/folders/add('vervalst')`) }) },
  { name: 'SP web/folders add', request: (t) => ({ method: 'POST', path: api('web/folders'), body: json({ ServerRelativeUrl: `${t.folderUrl}/vervalst` }) }) }
];

/** One part of a SharePoint multipart `$batch` changeset. */
function batchPart(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: string): string[] {
  return [
    '--changeset_probe',
    'Content-Type: application/http',
    'Content-Transfer-Encoding: binary',
    '',
    `${method} ${baseUrl}${path} HTTP/1.1`,
    'Accept: application/json;odata=nometadata',
    ...(body === undefined ? [] : ['Content-Type: application/json;odata=verbose']),
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    '',
    body ?? ''
  ];
}

/** A SharePoint `$batch` holding writes on every guarded list and on the file. */
function spBatch(baseUrl: string): Route {
  return {
    name: 'SP $batch (multipart changeset of writes)',
    batch: true,
    request: (t) => ({
      method: 'POST',
      path: api('$batch'),
      headers: { 'Content-Type': 'multipart/mixed; boundary=batch_probe' },
      body: [
        '--batch_probe',
        'Content-Type: multipart/mixed; boundary="changeset_probe"',
        '',
        ...batchPart(baseUrl, 'POST', api(`${listApi(LIST_EVENTS)}/items`), {}, json({ Title: 'CommentAdded', ...tamper[LIST_EVENTS] })),
        ...batchPart(baseUrl, 'MERGE', api(`${listApi(LIST_DOSSIERS)}/items(${t.itemId[LIST_DOSSIERS]})`), { 'IF-Match': '*' }, json(tamper[LIST_DOSSIERS])),
        ...batchPart(baseUrl, 'DELETE', api(`${listApi(LIST_NUMBERING)}/items(${t.itemId[LIST_NUMBERING]})`), { 'IF-Match': '*' }),
        ...batchPart(baseUrl, 'POST', api(`web/getfilebyserverrelativepath(decodedurl='${t.fileUrl}')/recycle()`), {}),
        '--changeset_probe--',
        '--batch_probe--',
        ''
      ].join('\r\n')
    })
  };
}

/** Graph writes on one list's items. */
function graphListRoutes(title: string): Route[] {
  const items = (t: Targets): string => graphPath(`sites/${t.graphSite}/lists/${t.listId[title]}/items`);
  return [
    { name: `Graph ${title} items POST`, request: (t) => ({ method: 'POST', path: items(t), body: json({ fields: { Title: 'VSA-2026-0666', ...tamper[title] } }) }) },
    { name: `Graph ${title} item PATCH fields`, request: (t) => ({ method: 'PATCH', path: `${items(t)}/${t.itemId[title]}/fields`, body: json(tamper[title]) }) },
    { name: `Graph ${title} item DELETE`, request: (t) => ({ method: 'DELETE', path: `${items(t)}/${t.itemId[title]}` }) }
  ];
}

/** Graph writes on the library's drive. */
const driveRoutes: Route[] = [
  { name: 'Graph drive item PUT content', request: (t) => ({ method: 'PUT', path: graphPath(`drives/${t.driveId}/items/${t.driveItemId}/content`), headers: { 'Content-Type': 'application/pdf' }, body: PDF }) },
  { name: 'Graph drive PUT new file by path', request: (t) => ({ method: 'PUT', path: graphPath(`drives/${t.driveId}/root:/${t.folderInDrive}/nieuw.pdf:/content`), headers: { 'Content-Type': 'application/pdf' }, body: PDF }) },
  { name: 'Graph drive item DELETE', request: (t) => ({ method: 'DELETE', path: graphPath(`drives/${t.driveId}/items/${t.driveItemId}`) }) },
  { name: 'Graph drive item PATCH rename', request: (t) => ({ method: 'PATCH', path: graphPath(`drives/${t.driveId}/items/${t.driveItemId}`), body: json({ name: 'hernoemd.pdf' }) }) }
];

/** A Graph JSON `$batch` holding writes on every guarded list and on the drive item. */
const graphBatch: Route = {
  name: 'Graph $batch (JSON) of writes',
  batch: true,
  request: (t) => {
    const site = `/sites/${t.graphSite}/lists`;
    const headers = { 'Content-Type': 'application/json' };
    return {
      method: 'POST',
      path: graphPath('$batch'),
      body: json({
        requests: [
          { id: '1', method: 'POST', url: `${site}/${t.listId[LIST_EVENTS]}/items`, headers, body: { fields: { Title: 'CommentAdded', ...tamper[LIST_EVENTS] } } },
          { id: '2', method: 'PATCH', url: `${site}/${t.listId[LIST_DOSSIERS]}/items/${t.itemId[LIST_DOSSIERS]}/fields`, headers, body: tamper[LIST_DOSSIERS] },
          { id: '3', method: 'DELETE', url: `${site}/${t.listId[LIST_NUMBERING]}/items/${t.itemId[LIST_NUMBERING]}` },
          { id: '4', method: 'DELETE', url: `/drives/${t.driveId}/items/${t.driveItemId}` },
          { id: '5', method: 'PATCH', url: `/drives/${t.driveId}/items/${t.driveItemId}`, headers, body: { name: 'hernoemd.pdf' } }
        ]
      })
    };
  }
};

describe('direct writes of every persona are refused and change nothing (SharePoint REST, Graph, both $batch kinds)', () => {
  let tenant: RunningTenant;
  let targets: Targets;
  let before: Record<string, unknown>;
  const routes: Route[] = [];

  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
    const an = as(tenant, AN).data;
    expect((await an.commands.execute(REFERENCE, registerCommand(REFERENCE, 'probe-register'))).ok).toBe(true);
    await an.documents.upload(REFERENCE, DOCUMENT, PDF, { kind: 'mandate', phase: 'draft' });
    // The counter gets its item the way the service writes it (its app identity), so the counter is probed too.
    await createLocalComposition({ baseUrl: tenant.baseUrl, app: 'service' }).sp.web.lists.getByTitle(LIST_NUMBERING).items.add({ Title: 'PROT-2099', [NumberingColumn.LastNumber]: 3 });
    targets = await readTargets(tenant);
    before = await fingerprint(tenant);
    routes.push(...[LIST_DOSSIERS, LIST_EVENTS, LIST_NUMBERING, LIBRARY_DOCUMENTS].flatMap(listItemRoutes), ...libraryRoutes, spBatch(tenant.baseUrl));
    routes.push(...[LIST_DOSSIERS, LIST_EVENTS, LIST_NUMBERING, LIBRARY_DOCUMENTS].flatMap(graphListRoutes), ...driveRoutes, graphBatch);
  }, 60000);
  afterAll(async () => tenant?.close());

  it('the setup holds what the probes aim at: one item per list, the uploaded file in its dossier folder', () => {
    expect(Object.keys(before)).toEqual([...guardedLists, 'files']);
    for (const title of guardedLists) expect((before[title] as unknown[]).length).toBeGreaterThan(0);
    expect(before.files).toEqual(expect.arrayContaining([expect.objectContaining({ FileLeafRef: DOCUMENT, File: expect.objectContaining({ Length: String(PDF.length) }) })]));
    expect(routes.length).toBeGreaterThan(50);
  });

  it.each(personas)('%s: every write route is refused and the lists and files are unchanged', async (persona) => {
    const wrong: string[] = [];
    for (const route of routes) {
      const answer = await send(tenant, persona, route.request(targets));
      const statuses = route.batch && answer.status < 400 ? batchPartStatuses(answer) : [answer.status];
      if (route.batch && answer.status < 400) expect(statuses.length).toBeGreaterThan(0);
      const refused = (status: number): boolean => (notEmulated.test(route.name) ? status >= 400 : status === 403);
      const refusedAsExpected = statuses.every(refused);
      if (!refusedAsExpected) wrong.push(`${route.name}: ${statuses.join(',')}`);
      expect({ route: route.name, state: await fingerprint(tenant) }).toEqual({ route: route.name, state: before });
    }
    expect(wrong).toEqual([]);
  }, 60000);

  it('control: the service\'s app identity gets the same kinds of request accepted (the refusals above are permissions)', async () => {
    const service: Caller = { app: 'service' };
    const control = [
      listItemRoutes(LIST_NUMBERING).find((r) => r.name.endsWith('item MERGE If-Match *'))!,
      graphListRoutes(LIST_EVENTS).find((r) => r.name.endsWith('items POST'))!,
      graphListRoutes(LIST_NUMBERING).find((r) => r.name.endsWith('PATCH fields'))!,
      libraryRoutes.find((r) => r.name === 'SP files/add new')!,
      listItemRoutes(LIST_DOSSIERS).find((r) => r.name.endsWith('items add'))!
    ];
    for (const route of control) {
      const answer = await send(tenant, service, route.request(targets));
      expect({ route: route.name, status: answer.status < 400 ? 'accepted' : `${answer.status} ${answer.text.slice(0, 200)}` }).toEqual({ route: route.name, status: 'accepted' });
    }
    expect(await fingerprint(tenant)).not.toEqual(before);
  }, 30000);
});

async function readTargets(tenant: RunningTenant): Promise<Targets> {
  const itemId: Record<string, number> = {};
  const listId: Record<string, string> = {};
  for (const title of guardedLists) {
    const items = await getJson<{ value: { Id: number; FileSystemObjectType: number }[] }>(tenant, OWNER, api(`${listApi(title)}/items?$select=Id,FileSystemObjectType&$orderby=Id`));
    itemId[title] = items.value.find((item) => item.FileSystemObjectType === 0)!.Id;
    listId[title] = (await getJson<{ Id: string }>(tenant, OWNER, api(`${listApi(title)}?$select=Id`))).Id;
  }
  const file = await getJson<{ FileRef: string }>(tenant, OWNER, api(`${listApi(LIBRARY_DOCUMENTS)}/items(${itemId[LIBRARY_DOCUMENTS]})?$select=FileRef`));
  const fileUrl = file.FileRef;
  const folderUrl = fileUrl.slice(0, fileUrl.lastIndexOf('/'));
  const host = new URL(tenant.baseUrl).hostname;
  const graphSite = (await getJson<{ id: string }>(tenant, OWNER, graphPath(`sites/${host}:${SITE_PATH}`))).id;
  const driveId = (await getJson<{ id: string }>(tenant, OWNER, graphPath(`sites/${graphSite}/lists/${listId[LIBRARY_DOCUMENTS]}/drive`))).id;
  const libraryRoot = `${SITE_PATH}/${LIBRARY_DOCUMENTS}`;
  const folderInDrive = folderUrl.startsWith(`${libraryRoot}/`) ? folderUrl.slice(libraryRoot.length + 1) : '';
  const driveItem = await getJson<{ id: string }>(tenant, OWNER, graphPath(`drives/${driveId}/root:/${folderInDrive ? `${folderInDrive}/` : ''}${DOCUMENT}`));
  return { itemId, listId, graphSite, driveId, driveItemId: driveItem.id, fileUrl, folderUrl, folderInDrive };
}

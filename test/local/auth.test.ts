/**
 * The local tenant authenticates like Entra ID and refuses like SharePoint: signed tokens (issuer,
 * audience, expiry, signature), `Bearer local:` only at the token endpoint, form digests for cookie
 * writes, the service's app principal with its site grant, guarded hooks.
 */
import { SignJWT, createRemoteJWKSet, generateKeyPair, jwtVerify } from 'jose';
import {
  LOCAL_API_AUDIENCE,
  LOCAL_HOOK_HEADER,
  LOCAL_ISSUER,
  LOCAL_KEYS_PATH,
  LOCAL_SERVICE_APP_ID,
  LOCAL_SERVICE_DISPLAY_NAME,
  LOCAL_SERVICE_LOGIN,
  LOCAL_TENANT_ID,
  LOCAL_TOKEN_PATH,
  SERVICE_SCOPE
} from '../../src/composition/localTenantIdentity';
import { GRAPH_AUDIENCE, localTokenSource } from '../../src/composition/localTokens';
import { createLocalSp } from '../../src/composition/local';
import type { LocalTenant } from '../../src/local/server/server';
import { admin, api, call, dpoTeamMember, provision, startTenant, statistician } from './support';

let tenant: LocalTenant;
beforeAll(async () => {
  tenant = await startTenant();
  await provision(tenant);
});
afterAll(async () => tenant.close());

/** Claims of a JWT without verifying it (the test reads what the tenant minted). */
function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

const withToken = (token: string): { headers: Record<string, string> } => ({ headers: { Authorization: `Bearer ${token}` } });

async function mintAt(body: unknown, headers: Record<string, string>): Promise<{ status: number; json: () => any; text: string }> {
  return call(tenant, undefined, LOCAL_TOKEN_PATH, { method: 'POST', body: JSON.stringify(body), headers });
}

describe('token endpoint', () => {
  it('mints a delegated token for Bearer local:<email> with Entra v2.0 claims fitting the audience', async () => {
    const response = await mintAt({ audience: LOCAL_API_AUDIENCE }, { Authorization: `Bearer local:${statistician}` });
    expect(response.status).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    const claims = claimsOf(body.access_token);
    expect(claims).toMatchObject({ iss: LOCAL_ISSUER, tid: LOCAL_TENANT_ID, aud: LOCAL_API_AUDIENCE, preferred_username: statistician, upn: statistician, name: 'Sofie Janssens', scp: SERVICE_SCOPE, idtyp: 'user' });
    expect(claims.exp).toBe((claims.iat as number) + 3600);
    expect(claims.nbf).toBe(claims.iat);
    // The object id is stable per principal, across tokens and audiences.
    const again = claimsOf((await mintAt({ audience: GRAPH_AUDIENCE }, { Authorization: `Bearer local:${statistician}` })).json().access_token);
    expect(again.oid).toBe(claims.oid);
    expect(again.scp).not.toContain(SERVICE_SCOPE);
  });

  it('mints for the sign-in cookie, and an app-only token for the service', async () => {
    const byCookie = await mintAt({ audience: tenant.baseUrl }, { Cookie: `lt_persona=${encodeURIComponent(dpoTeamMember)}` });
    expect(claimsOf(byCookie.json().access_token).preferred_username).toBe(dpoTeamMember);
    const app = claimsOf((await mintAt({ audience: tenant.baseUrl, app: 'service' }, {})).json().access_token);
    expect(app).toMatchObject({ appid: LOCAL_SERVICE_APP_ID, azp: LOCAL_SERVICE_APP_ID, idtyp: 'app', roles: ['Sites.Selected'] });
    expect(app.scp).toBeUndefined();
    expect(app.preferred_username).toBeUndefined();
  });

  it('refuses no persona, an unknown persona, an unknown audience or app', async () => {
    expect((await mintAt({ audience: LOCAL_API_AUDIENCE }, {})).status).toBe(401);
    expect((await mintAt({ audience: LOCAL_API_AUDIENCE }, { Authorization: 'Bearer local:nobody@elsewhere.example' })).status).toBe(400);
    const foreign = await mintAt({ audience: 'https://contoso.sharepoint.com' }, { Authorization: `Bearer local:${statistician}` });
    expect([foreign.status, foreign.text]).toEqual([400, expect.stringContaining('AADSTS500011')]);
    expect((await mintAt({ audience: LOCAL_API_AUDIENCE, app: 'other' }, {})).status).toBe(400);
    expect((await mintAt({}, { Authorization: `Bearer local:${statistician}` })).status).toBe(400);
  });

  it('refuses without the hook header or with a foreign Host', async () => {
    const plain = await fetch(`${tenant.baseUrl}${LOCAL_TOKEN_PATH}`, { method: 'POST', headers: { Authorization: `Bearer local:${statistician}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ audience: LOCAL_API_AUDIENCE }) });
    expect(plain.status).toBe(403);
    expect(await plain.text()).toContain(LOCAL_HOOK_HEADER);
    const rebound = await tenant.dispatch({
      method: 'POST',
      url: new URL(`http://attacker.example:${tenant.port}${LOCAL_TOKEN_PATH}`),
      headers: new Map([['host', `attacker.example:${tenant.port}`], [LOCAL_HOOK_HEADER.toLowerCase(), '1'], ['authorization', `Bearer local:${statistician}`]]),
      body: new TextEncoder().encode(JSON.stringify({ audience: LOCAL_API_AUDIENCE }))
    });
    expect(rebound.status).toBe(403);
  });

  it('localTokenSource caches per audience until shortly before expiry', async () => {
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      calls += 1;
      return fetch(input, init);
    };
    const source = localTokenSource(tenant.baseUrl, { persona: statistician }, counting);
    const [a, b] = await Promise.all([source.token(GRAPH_AUDIENCE), source.token(GRAPH_AUDIENCE)]);
    expect(a).toBe(b);
    expect(await source.token(GRAPH_AUDIENCE)).toBe(a);
    expect(calls).toBe(1);
    await source.token(tenant.baseUrl);
    expect(calls).toBe(2);
  });

  it('publishes the signing key as a JWKS, openly (like Entra ID)', async () => {
    const response = await fetch(`${tenant.baseUrl}${LOCAL_KEYS_PATH}`);
    expect(response.status).toBe(200);
    const jwks = (await response.json()) as { keys: { kid: string; kty: string; alg: string; d?: string }[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' });
    expect(jwks.keys[0].d).toBeUndefined();
    expect(jwks).toEqual(tenant.tokens.jwks());
  });

  it('mints tokens jose validates with the published keys, as the command service does', async () => {
    const token = await tenant.tokens.mint({ audience: LOCAL_API_AUDIENCE, persona: statistician });
    const keys = createRemoteJWKSet(new URL(`${tenant.baseUrl}${LOCAL_KEYS_PATH}`));
    const { payload, protectedHeader } = await jwtVerify(token, keys, { issuer: LOCAL_ISSUER, audience: LOCAL_API_AUDIENCE, algorithms: ['RS256'] });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toMatchObject({ preferred_username: statistician, scp: SERVICE_SCOPE });
    await expect(jwtVerify(token, keys, { issuer: LOCAL_ISSUER, audience: GRAPH_AUDIENCE })).rejects.toThrow();
  });
});

describe('validation on SharePoint REST and Graph', () => {
  const me = (token: string) => call(tenant, undefined, api('web/currentuser'), withToken(token));
  const graphMe = (token: string) => call(tenant, undefined, '/graph/v1.0/me', withToken(token));

  it('accepts a valid token and maps it to the persona', async () => {
    const sp = await me(await tenant.tokens.mint({ audience: tenant.baseUrl, persona: statistician }));
    expect([sp.status, sp.json().Email]).toEqual([200, statistician]);
    const graph = await graphMe(await tenant.tokens.mint({ audience: GRAPH_AUDIENCE, persona: statistician }));
    expect([graph.status, graph.json().mail]).toEqual([200, statistician]);
  });

  it.each([
    ['expired', { expiresInSeconds: -600 }, /expired/],
    ['not yet valid', { claims: { nbf: Math.floor(Date.now() / 1000) + 3600 } }, /not yet valid/],
    ['from another issuer', { claims: { iss: 'https://login.microsoftonline.com/other/v2.0' } }, /issuer/],
    ['from another tenant', { claims: { tid: '00000000-0000-0000-0000-000000000000' } }, /tenant/],
    ['for an unknown user', { claims: { preferred_username: 'nobody@elsewhere.example', upn: 'nobody@elsewhere.example' } }, /not known/]
  ])('refuses a token %s with 401 on both', async (_name, options, reason) => {
    const sp = await me(await tenant.tokens.mint({ audience: tenant.baseUrl, persona: statistician, ...options }));
    expect([sp.status, sp.json()['odata.error'].message.value]).toEqual([401, expect.stringMatching(reason)]);
    const graph = await graphMe(await tenant.tokens.mint({ audience: GRAPH_AUDIENCE, persona: statistician, ...options }));
    expect([graph.status, graph.json().error.code]).toEqual([401, 'InvalidAuthenticationToken']);
  });

  it('refuses a token for another audience (Graph token on SharePoint, service token on Graph)', async () => {
    expect((await me(await tenant.tokens.mint({ audience: GRAPH_AUDIENCE, persona: statistician }))).status).toBe(401);
    expect((await me(await tenant.tokens.mint({ audience: 'http://127.0.0.1:1', persona: statistician }))).status).toBe(401);
    expect((await graphMe(await tenant.tokens.mint({ audience: LOCAL_API_AUDIENCE, persona: statistician }))).status).toBe(401);
  });

  it('refuses a token signed with another key, or unsigned', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const valid = claimsOf(await tenant.tokens.mint({ audience: tenant.baseUrl, persona: statistician }));
    const kid = tenant.tokens.jwks().keys[0].kid as string;
    const forged = await new SignJWT(valid).setProtectedHeader({ alg: 'RS256', kid }).sign(privateKey);
    expect((await me(forged)).status).toBe(401);
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${Buffer.from(JSON.stringify(valid)).toString('base64url')}.`;
    expect((await me(unsigned)).status).toBe(401);
    // A genuine token with one claim changed no longer matches its signature.
    const [header, , signature] = (await tenant.tokens.mint({ audience: tenant.baseUrl, persona: statistician })).split('.');
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...valid, preferred_username: admin })).toString('base64url')}.${signature}`;
    const refused = await me(tampered);
    expect([refused.status, refused.json()['odata.error'].message.value]).toEqual([401, expect.stringContaining('signature')]);
    expect((await me('not-a-jwt')).status).toBe(401);
  });

  it('answers Bearer local:<email> on SharePoint and Graph with a 401 that says where to mint a token', async () => {
    const sp = await call(tenant, undefined, api('web/currentuser'), { headers: { Authorization: `Bearer local:${statistician}` } });
    expect([sp.status, sp.json()['odata.error'].message.value]).toEqual([401, expect.stringContaining(LOCAL_TOKEN_PATH)]);
    const graph = await call(tenant, undefined, '/graph/v1.0/me', { headers: { Authorization: `Bearer local:${statistician}` } });
    expect([graph.status, graph.json().error.message]).toEqual([401, expect.stringContaining(LOCAL_TOKEN_PATH)]);
  });

  it('verifies in-process what it minted, and refuses what it did not', async () => {
    const token = await tenant.tokens.mint({ audience: LOCAL_API_AUDIENCE, persona: dpoTeamMember });
    await expect(tenant.tokens.verify(token, LOCAL_API_AUDIENCE)).resolves.toMatchObject({ kind: 'user', email: dpoTeamMember });
    await expect(tenant.tokens.verify(token, GRAPH_AUDIENCE)).rejects.toMatchObject({ status: 401 });
    const app = await tenant.tokens.mint({ audience: LOCAL_API_AUDIENCE, app: 'service' });
    await expect(tenant.tokens.verify(app, LOCAL_API_AUDIENCE)).resolves.toMatchObject({ kind: 'app', appId: LOCAL_SERVICE_APP_ID });
  });
});

describe('form digest for cookie-authenticated writes', () => {
  const cookie = { Cookie: `lt_persona=${encodeURIComponent(dpoTeamMember)}` };
  const add = (headers: Record<string, string>) =>
    call(tenant, undefined, api("web/lists/getbytitle('Dossiers')/items"), { method: 'POST', body: JSON.stringify({ Title: 'digest' }), headers });

  it('refuses a cookie write without a digest or with another persona\'s, as SharePoint does', async () => {
    const refused = await add(cookie);
    expect(refused.status).toBe(403);
    expect(refused.json()['odata.error'].message.value).toBe("The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again.");
    expect((await add({ ...cookie, 'X-RequestDigest': '0xABC,Wed, 02 Dec 2026 10:00:00 GMT' })).status).toBe(403);
    const other = (await call(tenant, undefined, api('contextinfo'), { method: 'POST', headers: { Cookie: `lt_persona=${encodeURIComponent(admin)}` } })).json().FormDigestValue as string;
    expect((await add({ ...cookie, 'X-RequestDigest': other })).status).toBe(403);
    // Reads need none.
    expect((await call(tenant, undefined, api("web/lists/getbytitle('Dossiers')/items"), { headers: cookie })).status).toBe(200);
  });

  it('accepts a cookie write with the digest of /_api/contextinfo, and a bearer write without one', async () => {
    const info = await call(tenant, undefined, api('contextinfo'), { method: 'POST', headers: cookie });
    expect(info.status).toBe(200);
    expect((await add({ ...cookie, 'X-RequestDigest': info.json().FormDigestValue })).status).toBe(201);
    expect((await call(tenant, dpoTeamMember, api("web/lists/getbytitle('Dossiers')/items"), { method: 'POST', body: JSON.stringify({ Title: 'bearer' }) })).status).toBe(201);
  });

  it('lets the browser composition (cookie, PnPjs RequestDigest) write, including in a batch', async () => {
    const sp = createLocalSp({ baseUrl: tenant.baseUrl });
    // Node has no cookie jar; the browser would send it on same-origin requests.
    const browserLike = sp.using((instance) => {
      instance.on.pre(async (url: string, init: RequestInit, result: unknown) => {
        init.headers = { ...(init.headers as Record<string, string>), ...cookie };
        return [url, init, result];
      });
      return instance;
    });
    await import('@pnp/sp/webs');
    await import('@pnp/sp/lists');
    await import('@pnp/sp/items');
    await import('@pnp/sp/batching');
    const added = await browserLike.web.lists.getByTitle('Dossiers').items.add({ Title: 'from the browser' });
    expect(added).toMatchObject({ Title: 'from the browser' });
    const [batched, execute] = browserLike.batched();
    const pending = batched.web.lists.getByTitle('Dossiers').items.add({ Title: 'batched in the browser' });
    await execute();
    expect(await pending).toMatchObject({ Title: 'batched in the browser' });
  });
});

describe("the command service's app principal", () => {
  it('exists with its login and title, and a site grant (Sites.Selected, write)', () => {
    const principal = tenant.store.servicePrincipal();
    expect(principal).toMatchObject({ loginName: LOCAL_SERVICE_LOGIN, title: LOCAL_SERVICE_DISPLAY_NAME, email: '' });
    expect(tenant.store.permissions.appGrant(LOCAL_SERVICE_APP_ID)).toMatchObject({ roles: ['write'] });
    // It is no directory user: Graph does not find it.
    expect(tenant.store.principals.userByAadIdOrUpn(LOCAL_SERVICE_LOGIN)).toBeUndefined();
  });

  it('writes a list where the groups have only Read, and is the item\'s Author and Editor', async () => {
    const groups = (await call(tenant, admin, api('web/sitegroups'))).json().value as { Id: number; Title: string }[];
    const list = "web/lists/getbytitle('Dossiergebeurtenissen')";
    for (const group of groups.filter((g) => g.Title.startsWith('VSA '))) {
      await call(tenant, admin, api(`${list}/roleassignments/removeroleassignment(principalid=${group.Id},roledefid=1073741827)`), { method: 'POST' });
      await call(tenant, admin, api(`${list}/roleassignments/addroleassignment(principalid=${group.Id},roledefid=1073741826)`), { method: 'POST' });
    }
    expect((await call(tenant, dpoTeamMember, api(`${list}/items`), { method: 'POST', body: JSON.stringify({ Title: 'member' }) })).status).toBe(403);
    const token = await tenant.tokens.mint({ audience: tenant.baseUrl, app: 'service' });
    const created = await call(tenant, undefined, api(`${list}/items`), { method: 'POST', body: JSON.stringify({ Title: 'service' }), headers: { Authorization: `Bearer ${token}` } });
    expect(created.status).toBe(201);
    const item = (await call(tenant, dpoTeamMember, api(`${list}/items(${created.json().Id})?$select=Author/Title,Author/Name,Editor/Title&$expand=Author,Editor`))).json();
    expect(item).toMatchObject({ Author: { Title: LOCAL_SERVICE_DISPLAY_NAME, Name: LOCAL_SERVICE_LOGIN }, Editor: { Title: LOCAL_SERVICE_DISPLAY_NAME } });
  });

  it('has no access without its grant', async () => {
    const token = await tenant.tokens.mint({ audience: tenant.baseUrl, app: 'service' });
    const grant = tenant.store.permissions.appGrant(LOCAL_SERVICE_APP_ID)!;
    tenant.store.permissions.revokeAppGrant(grant.id);
    try {
      expect((await call(tenant, undefined, api("web/lists/getbytitle('Dossiers')/items"), withToken(token))).status).toBe(403);
    } finally {
      tenant.store.permissions.grantApp(LOCAL_SERVICE_APP_ID, grant.displayName, grant.roles);
    }
  });
});

describe('Graph sites/{site-id}/permissions', () => {
  it('lists, grants and revokes site-level app grants for a site admin only', async () => {
    const site = (await call(tenant, admin, '/graph/v1.0/sites/root')).json().id as string;
    const path = `/graph/v1.0/sites/${site}/permissions`;
    const listed = (await call(tenant, admin, path)).json().value as { roles: string[]; grantedToIdentitiesV2: { application: { id: string } }[] }[];
    expect(listed).toEqual([expect.objectContaining({ roles: ['write'], grantedToIdentitiesV2: [{ application: expect.objectContaining({ id: LOCAL_SERVICE_APP_ID }) }] })]);
    expect((await call(tenant, dpoTeamMember, path)).status).toBe(403);
    const other = '11111111-2222-3333-4444-555555555555';
    const body = JSON.stringify({ roles: ['read'], grantedToIdentitiesV2: [{ application: { id: other, displayName: 'Rapportering' } }] });
    expect((await call(tenant, dpoTeamMember, path, { method: 'POST', body })).status).toBe(403);
    const created = await call(tenant, admin, path, { method: 'POST', body });
    expect([created.status, created.json().roles]).toEqual([201, ['read']]);
    expect(tenant.store.permissions.appGrant(other)?.roles).toEqual(['read']);
    expect((await call(tenant, admin, path, { method: 'POST', body: JSON.stringify({ roles: ['owner'], grantedToIdentitiesV2: [{ application: { id: other } }] }) })).status).toBe(400);
    expect((await call(tenant, admin, `${path}/${created.json().id}`, { method: 'DELETE' })).status).toBe(204);
    expect(tenant.store.permissions.appGrant(other)).toBeUndefined();
  });
});

describe('hooks and /outbox', () => {
  it.each(['/_local/health', '/_local/outbox', '/outbox'])('refuse %s without the hook header', async (path) => {
    const response = await fetch(`${tenant.baseUrl}${path}`);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain(LOCAL_HOOK_HEADER);
  });

  it('refuse a cross-site form post to /_local/reset (no header possible) and a foreign Host', async () => {
    const reset = await fetch(`${tenant.baseUrl}/_local/reset`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' }, body: 'x=1' });
    expect(reset.status).toBe(403);
    expect(tenant.store.lists.lists().length).toBeGreaterThan(0);
    for (const host of ['attacker.example', 'localhost.attacker.example', '192.168.1.10']) {
      const response = await tenant.dispatch({ method: 'GET', url: new URL(`http://${host}:${tenant.port}/_local/health`), headers: new Map([['host', `${host}:${tenant.port}`], ['x-local-tenant', '1']]), body: new Uint8Array() });
      expect([host, response.status]).toEqual([host, 403]);
    }
  });

  it('answer with the header on any loopback name', async () => {
    for (const host of ['localhost', '127.0.0.1', '[::1]']) {
      const response = await tenant.dispatch({ method: 'GET', url: new URL(`http://${host}:${tenant.port}/_local/health`), headers: new Map([['host', `${host}:${tenant.port}`], ['x-local-tenant', '1']]), body: new Uint8Array() });
      expect([host, response.status]).toEqual([host, 200]);
    }
  });

  it('open /outbox by a same-origin link or a typed address, never from another site', async () => {
    const get = (site: string) => fetch(`${tenant.baseUrl}/outbox`, { headers: { 'Sec-Fetch-Site': site } });
    expect((await get('same-origin')).status).toBe(200);
    expect((await get('none')).status).toBe(200);
    expect((await get('cross-site')).status).toBe(403);
    expect((await get('same-site')).status).toBe(403);
  });
});

describe('the command service mount', () => {
  it('answers 404 under /api/ when nothing is mounted (api: false), in Dutch and English', async () => {
    const bare = await startTenant({ api: false });
    try {
      const response = await fetch(`${bare.baseUrl}/api/dossiers`);
      expect(response.status).toBe(404);
      expect(await response.text()).toMatch(/opdrachtendienst is niet gekoppeld.*command service is not mounted/);
    } finally {
      await bare.close();
    }
  });

  it('mounts the product command service by default: an /api/ path it does not know is its 404', async () => {
    const response = await fetch(`${tenant.baseUrl}/api/dossiers`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: expect.objectContaining({ code: 'data.error.notFound' }) });
  });

  it('hands every /api/ request to the mounted handler', async () => {
    const seen: string[] = [];
    const mounted = await startTenant({
      api: async (request) => {
        seen.push(`${request.method} ${request.url.pathname}`);
        return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}' };
      }
    });
    try {
      const response = await fetch(`${mounted.baseUrl}/api/commands/VSA-2026-0001`, { method: 'POST', body: '{}' });
      expect([response.status, await response.json()]).toEqual([200, { ok: true }]);
      expect(seen).toEqual(['POST /api/commands/VSA-2026-0001']);
    } finally {
      await mounted.close();
    }
  });
});

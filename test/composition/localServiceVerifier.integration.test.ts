/**
 * The local composition's token check: the keys come from the tenant's JWKS endpoint (which answers
 * only with the hook header), the issuer and audience are the local tenant's, as Entra ID's would be.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { KeyLike } from 'jose';
import { localServiceVerifier } from '../../src/composition/localService';
import { LOCAL_API_AUDIENCE, LOCAL_ISSUER, LOCAL_KEYS_PATH, LOCAL_TENANT_ID } from '../../src/composition/localTenantIdentity';

let server: Server;
let origin: string;
let privateKey: KeyLike;
const requests: { path?: string; hook?: string }[] = [];

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const jwks = { keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'local-1', alg: 'RS256', use: 'sig' }] };
  server = createServer((request, response) => {
    const hook = request.headers['x-local-tenant'];
    requests.push({ path: request.url, hook: typeof hook === 'string' ? hook : undefined });
    if (request.url !== LOCAL_KEYS_PATH || hook !== '1') {
      response.writeHead(403).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(jwks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

const sign = (claims: Record<string, unknown>): Promise<string> =>
  new SignJWT({
    iss: LOCAL_ISSUER,
    aud: LOCAL_API_AUDIENCE,
    tid: LOCAL_TENANT_ID,
    oid: 'oid-an',
    preferred_username: 'An.Peeters@vsa.local',
    name: 'An Peeters',
    scp: 'Dossiers.ReadWrite',
    idtyp: 'user',
    ...claims
  })
    .setProtectedHeader({ alg: 'RS256', kid: 'local-1' })
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);

describe('localServiceVerifier', () => {
  it('accepts a delegated token of the local tenant, reading its keys with the hook header', async () => {
    const caller = await localServiceVerifier(`${origin}/any/page`).verify(`Bearer ${await sign({})}`);
    expect(caller).toEqual({ objectId: 'oid-an', tenantId: LOCAL_TENANT_ID, email: 'an.peeters@vsa.local', displayName: 'An Peeters' });
    expect(requests.some((request) => request.path === LOCAL_KEYS_PATH && request.hook === '1')).toBe(true);
  });

  it('refuses a token for another audience or issuer, and an app-only token', async () => {
    const verifier = localServiceVerifier(origin);
    await expect(verifier.verify(`Bearer ${await sign({ aud: origin })}`)).rejects.toMatchObject({ code: 'data.error.unauthenticated', status: 401 });
    await expect(verifier.verify(`Bearer ${await sign({ iss: 'https://login.microsoftonline.com/other/v2.0' })}`)).rejects.toMatchObject({ status: 401 });
    await expect(verifier.verify(`Bearer ${await sign({ idtyp: 'app', scp: undefined })}`)).rejects.toMatchObject({ status: 401 });
  });
});

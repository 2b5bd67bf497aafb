import type { CodebookLoader } from '../../src/app/formsEngine';
/**
 * The command service's handlers on in-memory ports, and real access tokens signed by a test RSA key:
 * what Entra ID would issue, with every claim overridable for the negative cases.
 */
import { HttpRequest, InvocationContext } from '@azure/functions';
import { exportJWK, generateKeyPair, SignJWT, createLocalJWKSet } from 'jose';
import type { JWTPayload, KeyLike } from 'jose';
import { CommandService } from '../../src/data/commandService';
import type { Reaction } from '../../src/data/commandService';
import { JwtAccessTokenVerifier } from '../../src/data/auth/jwtAccessTokenVerifier';
import type { AuthenticatedCaller } from '../../src/data/auth/caller';
import type { CallerRoles } from '../../src/data/auth/callerRoles';
import type { Dossier, DossierEvent, ParentProtocolRef, RoleId } from '../../src/domain';
import { replay } from '../../src/domain';
import type { DocumentMetadata, NumberIssuer, StoredDocument } from '../../src/data/ports';
import type { PdfConverter } from '../../src/data/mail/ports';
import { createServiceHandlers, type ServiceHandlers } from '../../src/functions/handlers';
import { MemoryStores } from '../data/support/memoryStores';
import { FakeLibrary, formsEngine } from '../app/support';
import { actors } from '../domain/support/fixtures';
import type { SignatureVerifier } from '../../src/app/signatureVerification';
import { fakeSignatureVerifier } from '../support/fakeSignatureVerifier';

export const TENANT = '11111111-2222-4333-8444-555555555555';
export const API_AUDIENCE = 'api://microdata-dossiers-test';
export const CLIENT_ID = '99999999-8888-4777-8666-555555555555';
export const ISSUER_V2 = `https://login.microsoftonline.com/${TENANT}/v2.0`;
export const ISSUER_V1 = `https://sts.windows.net/${TENANT}/`;
export const NOW = '2026-06-15T10:00:00.000Z';

/** A signing key pair and its public JWKS (one per test file; generating RSA keys is slow). */
export interface TestKeys {
  readonly privateKey: KeyLike;
  readonly jwks: ReturnType<typeof createLocalJWKSet>;
  readonly kid: string;
}

export async function testKeys(kid = 'test-key-1'): Promise<TestKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { privateKey, jwks: createLocalJWKSet({ keys: [jwk] }), kid };
}

/** A delegated token for a persona of the domain fixtures; `claims` override or remove (undefined) any claim. */
export async function tokenFor(keys: TestKeys, email: string, claims: Record<string, unknown> = {}, nowSeconds = Math.floor(Date.parse(NOW) / 1000)): Promise<string> {
  const person = Object.values(actors).find((actor) => actor.id === email);
  const payload: Record<string, unknown> = {
    iss: ISSUER_V2,
    aud: API_AUDIENCE,
    tid: TENANT,
    oid: `oid-${email}`,
    preferred_username: email,
    name: person?.displayName ?? email,
    scp: 'Dossiers.ReadWrite',
    idtyp: 'user',
    iat: nowSeconds - 10,
    nbf: nowSeconds - 10,
    exp: nowSeconds + 3600,
    ...claims
  };
  for (const [key, value] of Object.entries(payload)) if (value === undefined) delete payload[key];
  return new SignJWT(payload as JWTPayload).setProtectedHeader({ alg: 'RS256', kid: keys.kid, typ: 'JWT' }).sign(keys.privateKey);
}

/** Roles by e-mail, as the site groups would say; records who was asked. */
export class FakeCallerRoles implements CallerRoles {
  public readonly asked: string[] = [];
  public constructor(private readonly roles: Readonly<Record<string, readonly RoleId[]>> = Object.fromEntries(Object.values(actors).map((a) => [a.id, a.roles]))) {}
  public async rolesOf(caller: Pick<AuthenticatedCaller, 'email'>): Promise<RoleId[]> {
    this.asked.push(caller.email);
    return [...(this.roles[caller.email] ?? [])];
  }
}

/** A counter: numbers in sequence, every call recorded. */
export class FakeNumberIssuer implements NumberIssuer {
  public readonly issued: string[] = [];
  private next = 7;
  public async issue(dossier: Dossier, year: number): Promise<string> {
    const number = dossier.procedure === 'simplified' ? `${dossier.parentProtocolNumber}/A${this.next++}` : `PROT-${year}-${String(this.next++).padStart(3, '0')}`;
    this.issued.push(number);
    return number;
  }
}

/** A converter returning fixed PDF bytes and recording what it converted. */
export class FakeConverter implements PdfConverter {
  public readonly converted: string[] = [];
  public async toPdf(reference: string, fileName: string): Promise<Uint8Array> {
    this.converted.push(`${reference}/${fileName}`);
    return new TextEncoder().encode('%PDF-1.7\n');
  }
}

/** The fake library that also keeps the bytes, so the service can read back what it stored. */
export class StoredFilesLibrary extends FakeLibrary {
  private readonly bytes = new Map<string, Uint8Array>();
  public override async upload(reference: string, fileName: string, content: Uint8Array, metadata: DocumentMetadata): Promise<StoredDocument> {
    this.bytes.set(`${reference}/${fileName}`, content);
    return super.upload(reference, fileName, content, metadata);
  }
  // Optional parameters keep the override assignable to FakeLibrary's parameterless `download`.
  public override async download(reference?: string, fileName?: string): Promise<Uint8Array> {
    const content = this.bytes.get(`${String(reference)}/${String(fileName)}`);
    if (!content) throw new Error(`${String(reference)}/${String(fileName)} is not stored`);
    return content;
  }
}

/** The whole service on fakes. */
export interface ServiceUnderTest {
  readonly handlers: ServiceHandlers;
  readonly stores: MemoryStores;
  readonly library: FakeLibrary;
  readonly numbers: FakeNumberIssuer;
  readonly roles: FakeCallerRoles;
  readonly converter: FakeConverter;
  readonly logs: string[];
  readonly commands: CommandService;
}

export function serviceUnderTest(
  keys: TestKeys,
  options: {
    reactions?: readonly Reaction[]; maxUploadBytes?: number; library?: FakeLibrary; parentProtocols?: Readonly<Record<string, ParentProtocolRef>>; codebooks?: CodebookLoader;
    /** How the service reads countersigned originals; default a fake that reads a "medeondertekend" file as signed by Rita Rector, then Hilde Hoofd. `false`: none. */
    signatures?: SignatureVerifier | false;
  } = {}
): ServiceUnderTest {
  const stores = new MemoryStores();
  const library = options.library ?? new FakeLibrary();
  const numbers = new FakeNumberIssuer();
  const roles = new FakeCallerRoles();
  const converter = new FakeConverter();
  const clock = (): string => NOW;
  const commands = new CommandService({ dossiers: stores, events: stores, clock, reactions: options.reactions });
  const verifier = new JwtAccessTokenVerifier({
    tenantId: TENANT,
    audiences: [API_AUDIENCE, CLIENT_ID],
    keys: keys.jwks,
    scope: 'Dossiers.ReadWrite',
    now: () => new Date(NOW)
  });
  const signatures = options.signatures === false ? undefined : (options.signatures ?? fakeSignatureVerifier({ vsa: 'Hilde Hoofd' }));
  const handlers = createServiceHandlers({
    verifier,
    trusted: { commands, roles, numbers, parentProtocols: { parentProtocol: async (number) => options.parentProtocols?.[number] }, clock, documents: library, loadFormsEngine: async () => formsEngine, today: () => NOW.slice(0, 10), converter, ...(options.codebooks ? { codebooks: options.codebooks } : {}), ...(signatures ? { countersignatures: signatures } : {}) },
    ...(options.maxUploadBytes !== undefined ? { maxUploadBytes: options.maxUploadBytes } : {})
  });
  return { handlers, stores, library, numbers, roles, converter, logs: [], commands };
}

/** Stores a dossier made of these events (projection and log), as earlier transitions would have. */
export async function seedDossier(stores: MemoryStores, events: readonly DossierEvent[]): Promise<Dossier> {
  const dossier = replay(events) as Dossier;
  await stores.createProjection({ dossier, eventCount: events.length, pendingEvents: [] });
  stores.log.push(...events.map((event, index) => ({ sequence: index + 1, event })));
  return dossier;
}

/** A request as the Functions runtime builds it. */
export function request(
  path: string,
  init: { token?: string; authorization?: string; body?: unknown; rawBody?: string | Uint8Array; query?: Record<string, string>; headers?: Record<string, string> } = {}
): HttpRequest {
  const match = /^dossiers\/([^/]+)\//.exec(path);
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.authorization !== undefined) headers.authorization = init.authorization;
  const raw = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const query = init.query ? `?${new URLSearchParams(init.query).toString()}` : '';
  return new HttpRequest({
    method: 'POST',
    url: `https://vsa-service.azurewebsites.net/api/${path}${query}`,
    headers,
    query: init.query,
    params: match ? { reference: decodeURIComponent(match[1]) } : {},
    ...(raw === undefined ? {} : { body: typeof raw === 'string' ? { string: raw } : { bytes: raw } })
  });
}

/** An invocation context whose log lines land in `logs`. */
export function contextFor(logs: string[]): InvocationContext {
  return new InvocationContext({ functionName: 'test', invocationId: 'test', logHandler: (_level, ...args) => logs.push(args.map(String).join(' ')) });
}

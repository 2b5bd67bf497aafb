/**
 * The command service's handlers, request in and response out, on in-memory ports with real RS256
 * tokens: identity only from a valid token, roles from the service's own reading, numbers from the
 * counter, evidence never overwritten, failures as coded answers.
 */
import type { HttpResponseInit } from '@azure/functions';
import { DataError } from '../../src/data/errors';
import type { CommandResponseBody, DocumentResponseBody, ServiceErrorBody } from '../../src/data/service/contract';
import type { Command, DocumentRegistration } from '../../src/domain';
import { formatError } from '../../src/domain/formatError';
import { countersignedReport, report, signature } from '../support/countersignatureReports';
import { actors, cmd } from '../domain/support/fixtures';
import { eventsIn } from '../domain/support/paths';
import { FakeLibrary, pdfBytes, sampleForm } from '../app/support';
import {
  CLIENT_ID,
  contextFor,
  ISSUER_V1,
  NOW,
  request,
  seedDossier,
  serviceUnderTest,
  StoredFilesLibrary,
  testKeys,
  tokenFor,
  type ServiceUnderTest,
  type TestKeys
} from './support';

const REFERENCE = 'VSA-2026-0001';
const commandsPath = `dossiers/${REFERENCE}/commands`;
const documentsPath = `dossiers/${REFERENCE}/documents`;
const publicationPath = `dossiers/${REFERENCE}/publication`;
const nowSeconds = Math.floor(Date.parse(NOW) / 1000);

let keys: TestKeys;
let otherKeys: TestKeys;
beforeAll(async () => {
  keys = await testKeys();
  otherKeys = await testKeys('test-key-1');
});

const errorOf = (response: HttpResponseInit): ServiceErrorBody['error'] => (response.jsonBody as ServiceErrorBody).error;
const bodyOf = <T>(response: HttpResponseInit): T => response.jsonBody as T;
const header = (response: HttpResponseInit, name: string): string | undefined => (response.headers as Record<string, string> | undefined)?.[name];

async function sendCommand(service: ServiceUnderTest, token: string | undefined, body: unknown, path = commandsPath): Promise<HttpResponseInit> {
  return service.handlers.command(request(path, { token, body }), contextFor(service.logs));
}

describe('the access token is checked before anything else', () => {
  let service: ServiceUnderTest;
  beforeEach(async () => {
    service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('preliminary'));
  });

  const comment = (): { command: Command } => ({ command: cmd.addComment() });

  async function expectRefused(response: HttpResponseInit, reason: RegExp): Promise<void> {
    expect(response.status).toBe(401);
    expect(errorOf(response).code).toBe('data.error.unauthenticated');
    expect(errorOf(response).message).toMatch(reason);
    expect(service.roles.asked).toEqual([]);
  }

  it('accepts a valid delegated token (v2.0 issuer, API audience)', async () => {
    const response = await sendCommand(service, await tokenFor(keys, actors.team.id), comment());
    expect(response.status).toBe(200);
  });

  it('accepts the v1 issuer form with the client id as audience', async () => {
    const token = await tokenFor(keys, actors.team.id, { iss: ISSUER_V1, aud: CLIENT_ID, preferred_username: undefined, upn: actors.team.id.toUpperCase() });
    const response = await sendCommand(service, token, comment());
    expect(response.status).toBe(200);
    expect(bodyOf<Extract<CommandResponseBody, { ok: true }>>(response).events[0].actor.id).toBe(actors.team.id);
  });

  it('refuses no token, another scheme and a garbled token', async () => {
    await expectRefused(await service.handlers.command(request(commandsPath, { body: comment() }), contextFor(service.logs)), /no Authorization header/);
    await expectRefused(await service.handlers.command(request(commandsPath, { authorization: 'Basic YWJjOmRlZg==', body: comment() }), contextFor(service.logs)), /not "Bearer/);
    await expectRefused(await sendCommand(service, 'abc.def.ghi', comment()), /not a valid signed token/);
  });

  it('refuses a token signed by another key', async () => {
    await expectRefused(await sendCommand(service, await tokenFor(otherKeys, actors.team.id), comment()), /signature/);
  });

  it('refuses a wrong audience, a wrong issuer and another tenant', async () => {
    await expectRefused(await sendCommand(service, await tokenFor(keys, actors.team.id, { aud: 'https://graph.microsoft.com' }), comment()), /"aud"/);
    await expectRefused(await sendCommand(service, await tokenFor(keys, actors.team.id, { iss: 'https://login.microsoftonline.com/other/v2.0' }), comment()), /"iss"/);
    await expectRefused(await sendCommand(service, await tokenFor(keys, actors.team.id, { tid: '00000000-0000-4000-8000-000000000000' }), comment()), /another tenant/);
  });

  it('refuses an expired token beyond the 60 s tolerance and one not valid yet, and accepts within it', async () => {
    await expectRefused(await sendCommand(service, await tokenFor(keys, actors.team.id, { exp: nowSeconds - 61 }), comment()), /expired/);
    await expectRefused(await sendCommand(service, await tokenFor(keys, actors.team.id, { nbf: nowSeconds + 120 }), comment()), /"nbf"/);
    expect((await sendCommand(service, await tokenFor(keys, actors.team.id, { exp: nowSeconds - 30 }), comment())).status).toBe(200);
  });

  it('refuses app-only tokens and a token without the service scope', async () => {
    const appOnly = { idtyp: 'app', scp: undefined, roles: ['Dossiers.Write'], preferred_username: undefined };
    await expectRefused(await sendCommand(service, await tokenFor(keys, actors.team.id, appOnly), comment()), /app-only/);
    await expectRefused(await sendCommand(service, await tokenFor(keys, actors.team.id, { scp: undefined }), comment()), /app-only/);
    await expectRefused(await sendCommand(service, await tokenFor(keys, actors.team.id, { scp: 'User.Read Mail.Send' }), comment()), /scope Dossiers.ReadWrite is missing/);
  });

  it('never puts the token or the caller into the answer or the log', async () => {
    const token = await tokenFor(keys, actors.team.id, { aud: 'wrong' });
    const response = await sendCommand(service, token, comment());
    expect(JSON.stringify(response.jsonBody)).not.toContain(token.slice(0, 20));
    expect(JSON.stringify(response.jsonBody)).not.toContain(actors.team.id);
    expect(service.logs.join('\n')).not.toMatch(/@|eyJ/);
  });
});

describe('commands: the actor is the token’s person with the roles the service reads', () => {
  let service: ServiceUnderTest;
  beforeEach(() => {
    service = serviceUnderTest(keys);
  });

  it('refuses a signed-in person without any VSA role (403) before touching the dossier', async () => {
    await seedDossier(service.stores, eventsIn('preliminary'));
    const response = await sendCommand(service, await tokenFor(keys, actors.outsider.id), { command: cmd.addComment() });
    expect(response.status).toBe(403);
    expect(errorOf(response).code).toBe('data.error.accessDenied');
    expect(service.stores.log).toHaveLength(eventsIn('preliminary').length);
  });

  it('ignores a body actor naming the Chief Statistician: a statistician’s countersign is refused 422', async () => {
    await seedDossier(service.stores, eventsIn('awaitingCountersignature'));
    const before = service.stores.log.length;
    const body = { command: { ...cmd.countersign('PROT-2026-001'), actor: actors.chief }, actor: actors.chief };
    const response = await sendCommand(service, await tokenFor(keys, actors.statistician.id), body);
    expect(response.status).toBe(422);
    const refusal = bodyOf<Extract<CommandResponseBody, { ok: false }>>(response);
    expect(refusal.errors.map((error) => error.code)).toContain('dossier.error.forbidden');
    expect(service.stores.log).toHaveLength(before);
    expect(service.numbers.issued).toEqual([]);
  });

  it('records the token’s person as the event’s actor, whatever the body says', async () => {
    await seedDossier(service.stores, eventsIn('preliminary'));
    const body = { command: cmd.addComment('Nota'), actor: actors.chief };
    const response = await sendCommand(service, await tokenFor(keys, actors.statistician.id, { name: 'Stef Stat (token)' }), body);
    expect(response.status).toBe(200);
    const event = service.stores.log[service.stores.log.length - 1].event;
    expect(event.actor).toEqual({ id: actors.statistician.id, displayName: 'Stef Stat (token)', roles: ['statistician'] });
  });

  it('refuses a registerRequest whose reference differs from the path (400)', async () => {
    const response = await sendCommand(service, await tokenFor(keys, actors.team.id), { command: cmd.registerRequest('VSA-2026-0002') });
    expect(response.status).toBe(400);
    expect(errorOf(response).code).toBe('data.error.invalidInput');
    expect(service.stores.projections.size).toBe(0);
    const ok = await sendCommand(service, await tokenFor(keys, actors.team.id), { command: cmd.registerRequest(REFERENCE) });
    expect(ok.status).toBe(200);
  });

  it('refuses malformed JSON, a body without command, type or commandId, and a path without a reference (400)', async () => {
    const token = await tokenFor(keys, actors.team.id);
    const raw = await service.handlers.command(request(commandsPath, { token, rawBody: '{"command": {' }), contextFor(service.logs));
    expect([raw.status, errorOf(raw).code]).toEqual([400, 'data.error.invalidInput']);
    for (const body of [[], { command: 'addComment' }, { command: { commandId: 'x' } }, { command: { type: 'addComment', commandId: '' } }, null]) {
      const response = await sendCommand(service, token, body);
      expect([JSON.stringify(body), response.status]).toEqual([JSON.stringify(body), 400]);
    }
    const badPath = await sendCommand(service, token, { command: cmd.addComment() }, 'dossiers/..%2F..%2Fx/commands');
    expect(badPath.status).toBe(400);
  });

  it('answers an unknown command type with the domain’s refusal (422)', async () => {
    await seedDossier(service.stores, eventsIn('preliminary'));
    const response = await sendCommand(service, await tokenFor(keys, actors.team.id), { command: { type: 'deleteEverything', commandId: 'c-1' } });
    expect(response.status).toBe(422);
    expect(bodyOf<Extract<CommandResponseBody, { ok: false }>>(response).errors[0].code).toBe('dossier.error.unknownCommand');
  });
});

describe('facts a command carries are read again by the service', () => {
  it('takes an assignee’s roles from the site groups, not from the body', async () => {
    const service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('intake'));
    const token = await tokenFor(keys, actors.team.id);
    const forged = await sendCommand(service, token, { command: cmd.assignStatistician({ ...actors.outsider, roles: ['statistician'] }) });
    expect(forged.status).toBe(422);
    expect(bodyOf<Extract<CommandResponseBody, { ok: false }>>(forged).errors.map((error) => error.code)).toEqual(['dossier.error.assigneeNotStatistician']);
    const honest = await sendCommand(service, token, { command: cmd.assignStatistician({ ...actors.statistician, id: actors.statistician.id.toUpperCase(), roles: [] }) });
    expect(honest.status).toBe(200);
    expect(bodyOf<Extract<CommandResponseBody, { ok: true }>>(honest).dossier.assignedStatistician).toEqual({ id: actors.statistician.id, displayName: actors.statistician.displayName });
  });

  it('takes a parent protocol’s state from the register, not from the body', async () => {
    const parent = { number: 'PROT-2025-004', dossierReference: 'VSA-2025-0010', state: 'published' as const };
    const forgedBody = { command: cmd.requestFormsSimplified({ ...parent, number: 'PROT-2025-005' }) };
    const service = serviceUnderTest(keys, { parentProtocols: { [parent.number]: { ...parent, state: 'signed' } } });
    await seedDossier(service.stores, eventsIn('preliminary'));
    const token = await tokenFor(keys, actors.statistician.id);
    const unknown = await sendCommand(service, token, forgedBody);
    expect(bodyOf<Extract<CommandResponseBody, { ok: false }>>(unknown).errors.map((error) => error.code)).toEqual(['dossier.error.parentProtocolRequired']);
    const notPublished = await sendCommand(service, token, { command: cmd.requestFormsSimplified(parent) });
    expect(bodyOf<Extract<CommandResponseBody, { ok: false }>>(notPublished).errors.map((error) => error.code)).toEqual(['dossier.error.parentProtocolNotPublished']);
  });
});

describe('document registrations are rebuilt from the stored files', () => {
  it('takes version, check summary and signatory from the stored form, not from the command', async () => {
    const library = new StoredFilesLibrary();
    const service = serviceUnderTest(keys, { library });
    await seedDossier(service.stores, eventsIn('awaitingSignatures'));
    const token = await tokenFor(keys, actors.team.id);
    const uploaded: DocumentResponseBody[] = [];
    for (const kind of ['aanvraagformulier', 'verklaringTOM', 'protocol'] as const) {
      const bytes = await sampleForm(kind, 'wettelijk vertegenwoordiger');
      const response = await service.handlers.document(request(documentsPath, { token, rawBody: bytes, query: { fileName: `${kind}-getekend.docx`, kind } }), contextFor(service.logs));
      expect(response.status).toBe(200);
      uploaded.push(bodyOf<DocumentResponseBody>(response));
    }
    const forged = uploaded.map((body) => ({
      id: body.document.id,
      kind: body.kind,
      fileName: body.document.fileName,
      version: '9.0',
      checkSummary: { blocking: 0, warnings: 0, info: 0 },
      signatory: { name: 'Iemand Anders', capacity: 'verwerkingsverantwoordelijke' }
    }));
    const response = await sendCommand(service, token, { command: { ...cmd.registerSignedDocuments(), documents: forged } });
    expect(response.status).toBe(200);
    const registered = bodyOf<Extract<CommandResponseBody, { ok: true }>>(response).dossier.documents.filter((document) => document.phase === 'signed');
    expect(registered.map((document) => [document.fileName, document.version, document.checkSummary])).toEqual(
      uploaded.map((body) => [body.document.fileName, '1.0', body.summary])
    );
    for (const document of registered) {
      expect(document.signatory?.name).not.toBe('Iemand Anders');
      expect(document.signatory?.capacity).toBe('wettelijk vertegenwoordiger');
    }
  });

  it('refuses a registration that points at no stored file (400) and reads nothing for a refused role', async () => {
    const service = serviceUnderTest(keys, { library: new StoredFilesLibrary() });
    await seedDossier(service.stores, eventsIn('awaitingSignatures'));
    const ghost = { ...cmd.registerSignedDocuments() };
    const missing = await sendCommand(service, await tokenFor(keys, actors.team.id), { command: ghost });
    expect([missing.status, errorOf(missing).code]).toEqual([400, 'data.error.invalidInput']);
    const refused = await sendCommand(service, await tokenFor(keys, actors.chief.id), { command: ghost });
    expect(refused.status).toBe(422);
    expect(service.library.calls).toEqual(['list VSA-2026-0001']);
  });
});

/** Stores a countersigned original (a PDF the fake verifier reads as signed by the requester, then the chief) and points at it. */
async function storedOriginal(service: ReturnType<typeof serviceUnderTest>): Promise<DocumentRegistration> {
  const stored = await service.library.upload(REFERENCE, 'protocol medeondertekend.pdf', pdfBytes, { kind: 'protocol', phase: 'countersigned' });
  return { id: stored.id, kind: 'protocol', fileName: stored.fileName, version: stored.version };
}

describe('countersign: the number comes from the service’s counter', () => {
  it('ignores the body’s number, records the issued one, and issues none for a retry of the same command', async () => {
    const service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('awaitingCountersignature'));
    const command = cmd.countersign('PROT-2026-999', undefined, [await storedOriginal(service)]);
    const token = await tokenFor(keys, actors.chief.id);
    const response = await sendCommand(service, token, { command });
    expect(response.status).toBe(200);
    const body = bodyOf<Extract<CommandResponseBody, { ok: true }>>(response);
    expect(service.numbers.issued).toEqual(['PROT-2026-007']);
    expect(body.dossier.protocolNumber).toBe('PROT-2026-007');
    expect(body.events[0].actor.id).toBe(actors.chief.id);

    const retry = await sendCommand(service, token, { command });
    expect(retry.status).toBe(200);
    expect(bodyOf<Extract<CommandResponseBody, { ok: true }>>(retry).alreadyApplied).toBe(true);
    expect(service.numbers.issued).toEqual(['PROT-2026-007']);
  });

  it('issues no number when the domain refuses the countersignature (wrong state)', async () => {
    const service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('awaitingSignatures'));
    const response = await sendCommand(service, await tokenFor(keys, actors.chief.id), { command: cmd.countersign() });
    expect(response.status).toBe(422);
    expect(bodyOf<Extract<CommandResponseBody, { ok: false }>>(response).errors.map((error) => error.code)).toEqual(['dossier.error.wrongState']);
    expect(service.numbers.issued).toEqual([]);
  });

  it('reads the countersigned original’s signatures from the stored bytes, never the client’s report', async () => {
    const service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('awaitingCountersignature'));
    // The client claims a report by the chief alone; the service reads the file (requester, then chief) itself.
    const claimed = { ...(await storedOriginal(service)), signatures: report('protocol medeondertekend.pdf', [signature(0, 'Hilde Hoofd')]) };
    const response = await sendCommand(service, await tokenFor(keys, actors.chief.id), { command: cmd.countersign('PROT-2026-001', undefined, [claimed]) });
    expect(response.status).toBe(200);
    const registered = bodyOf<Extract<CommandResponseBody, { ok: true }>>(response).dossier.documents.find((document) => document.phase === 'countersigned');
    expect(registered?.signatures?.signatures.map((entry) => entry.signer?.commonName)).toEqual(['Rita Rector', 'Hilde Hoofd']);
    expect(service.library.calls).toContain('download VSA-2026-0001/protocol medeondertekend.pdf');
  });

  it('refuses the countersignature as not verified when the service has no verifier, and issues no number', async () => {
    const service = serviceUnderTest(keys, { signatures: false });
    await seedDossier(service.stores, eventsIn('awaitingCountersignature'));
    const claimed = { ...(await storedOriginal(service)), signatures: countersignedReport('protocol medeondertekend.pdf', 'Rita Rector', 'Hilde Hoofd') };
    const response = await sendCommand(service, await tokenFor(keys, actors.chief.id), { command: cmd.countersign('PROT-2026-001', undefined, [claimed]) });
    expect(response.status).toBe(422);
    expect(bodyOf<Extract<CommandResponseBody, { ok: false }>>(response).errors.map((error) => error.code)).toEqual(['dossier.error.countersignatureNotVerified']);
    expect(service.numbers.issued).toEqual([]);
  });

  it('refuses a document without the VSA signature (the requester-signed file alone), with a Dutch reason', async () => {
    const service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('awaitingCountersignature'));
    await service.library.upload(REFERENCE, 'protocol-getekend.pdf', pdfBytes, { kind: 'protocol', phase: 'countersigned' });
    const original = { id: `${REFERENCE}/protocol-getekend.pdf`, kind: 'protocol' as const, fileName: 'protocol-getekend.pdf', version: '1.0' };
    const response = await sendCommand(service, await tokenFor(keys, actors.chief.id), { command: cmd.countersign('PROT-2026-001', undefined, [original]) });
    expect(response.status).toBe(422);
    const errors = bodyOf<Extract<CommandResponseBody, { ok: false }>>(response).errors;
    expect(errors.map((error) => error.code)).toEqual(['dossier.error.countersignatureMissing', 'dossier.error.requesterSignatureMissing']);
    expect(formatError(errors[0], 'nl')).toBe('"protocol-getekend.pdf" bevat geen handtekening van een ondertekenaar van de VSA (Hilde Hoofd).');
  });

  it('issues no number for a countersignature on a dossier that does not exist', async () => {
    const service = serviceUnderTest(keys);
    const response = await sendCommand(service, await tokenFor(keys, actors.chief.id), { command: cmd.countersign() });
    expect(response.status).toBe(422);
    expect(service.numbers.issued).toEqual([]);
  });
});

describe('reactions and storage failures', () => {
  it('reports a reaction that failed after the transition was stored', async () => {
    const failing = async (): Promise<void> => {
      throw new DataError('data.error.unavailable', 'mail could not be sent (503)', 503);
    };
    const service = serviceUnderTest(keys, { reactions: [failing] });
    await seedDossier(service.stores, eventsIn('preliminary'));
    const response = await sendCommand(service, await tokenFor(keys, actors.team.id), { command: cmd.addComment() });
    expect(response.status).toBe(200);
    const body = bodyOf<Extract<CommandResponseBody, { ok: true }>>(response);
    expect(body.reactionErrors).toEqual([{ code: 'data.error.unavailable', message: 'mail could not be sent (503)' }]);
    expect(service.stores.log.at(-1)?.event.type).toBe('CommentAdded');
  });

  it('passes SharePoint’s Retry-After on when the store is throttled (429), with a default when none came', async () => {
    const service = serviceUnderTest(keys);
    const token = await tokenFor(keys, actors.team.id);
    // What PnPjs throws after its own retries: an HttpRequestError with the response.
    const pnpError = Object.assign(new Error('Too many requests'), { status: 429, isHttpRequestError: true, response: { headers: new Headers({ 'Retry-After': '17' }) } });
    service.stores.loadStream = async () => {
      throw pnpError;
    };
    const throttled = await sendCommand(service, token, { command: cmd.addComment() });
    expect([throttled.status, errorOf(throttled).code, header(throttled, 'Retry-After')]).toEqual([429, 'data.error.throttled', '17']);

    service.stores.loadStream = async () => {
      throw new DataError('data.error.throttled', 'load: throttled (429).', 429);
    };
    const fallback = await sendCommand(service, token, { command: cmd.addComment() });
    expect([fallback.status, header(fallback, 'Retry-After')]).toEqual([429, '30']);

    service.stores.loadStream = async () => {
      throw new DataError('data.error.unavailable', 'load: service unavailable (503).', 503, { retryAfterSeconds: 5 });
    };
    const unavailable = await sendCommand(service, token, { command: cmd.addComment() });
    expect([unavailable.status, header(unavailable, 'Retry-After')]).toEqual([503, '5']);
  });

  it('answers a lost race 412 and an unexpected failure 500 without its message, logging no personal data', async () => {
    const service = serviceUnderTest(keys);
    const token = await tokenFor(keys, actors.team.id);
    service.stores.loadStream = async () => {
      throw new DataError('data.error.conflict', 'changed twice', 412);
    };
    expect((await sendCommand(service, token, { command: cmd.addComment() })).status).toBe(412);
    service.stores.loadStream = async () => {
      throw new TypeError(`cannot read ${actors.team.id}`);
    };
    const crashed = await sendCommand(service, token, { command: cmd.addComment() });
    expect(crashed.status).toBe(500);
    expect(JSON.stringify(crashed.jsonBody)).not.toContain(actors.team.id);
    expect(service.logs.join('\n')).toContain('500 data.error.unavailable (TypeError)');
    expect(service.logs.join('\n')).not.toContain('@');
  });
});

describe('documents: the service checks and stores, and never overwrites evidence', () => {
  async function upload(service: ServiceUnderTest, email: string, fileName: string, bytes: Uint8Array, query: Record<string, string> = {}, path = documentsPath): Promise<HttpResponseInit> {
    const token = await tokenFor(keys, email);
    return service.handlers.document(request(path, { token, rawBody: bytes, query: { fileName, ...query }, headers: { 'content-type': 'application/pdf' } }), contextFor(service.logs));
  }

  it('keeps a signed file when a new one of the same name arrives: the new one gets "(2)"', async () => {
    const library = new FakeLibrary({ [REFERENCE]: [{ fileName: 'protocol.pdf', kind: 'protocol', phase: 'signed' }] });
    const service = serviceUnderTest(keys, { library });
    await seedDossier(service.stores, eventsIn('awaitingCountersignature'));
    const response = await upload(service, actors.team.id, 'protocol.pdf', pdfBytes, { kind: 'protocol' });
    expect(response.status).toBe(200);
    const body = bodyOf<DocumentResponseBody>(response);
    expect(body.document.fileName).toBe('protocol (2).pdf');
    expect(body.phase).toBe('signed');
    const names = (await library.list(REFERENCE)).map((document) => document.fileName);
    expect(names).toEqual(['protocol.pdf', 'protocol (2).pdf']);
  });

  it('checks an uploaded form against the codebooks of its waves: an unknown variable is blocking, with suggestions', async () => {
    const codebooks = {
      // Every requested wave has a codebook: only then is an unknown variable blocking.
      load: async (waves: readonly string[]) => waves.map((wave) => ({
        wave,
        variables: [{ name: 'leeftijd', label: 'Leeftijd', sensitive: false }, { name: 'geslacht', label: 'Geslacht', sensitive: false }, { name: 'gemeente_woonplaats', label: 'Gemeente van de woonplaats', sensitive: false }]
      }))
    };
    const bytes = await sampleForm('aanvraagformulier');
    const results: DocumentResponseBody[] = [];
    for (const options of [{ codebooks }, {}]) {
      const service = serviceUnderTest(keys, options);
      await seedDossier(service.stores, eventsIn('formsRequested'));
      const response = await upload(service, actors.team.id, 'aanvraag.docx', bytes, { kind: 'aanvraagformulier' });
      expect(response.status).toBe(200);
      results.push(bodyOf<DocumentResponseBody>(response));
    }
    const [withCodebooks, without] = results;
    const unknown = withCodebooks.findings.filter((finding) => finding.checkId === 'codebook' && finding.severity === 'blocking');
    expect(unknown.map((finding) => finding.params.value)).toEqual(['gemeente']);
    expect(unknown[0].suggestions?.[0]).toBe('gemeente_woonplaats');
    expect(withCodebooks.summary?.blocking).toBe((without.summary?.blocking ?? 0) + 1);
    expect(without.findings.filter((finding) => finding.checkId === 'codebook' && finding.severity !== 'info')).toEqual([]);
  });

  it('stores a draft under its own name (a new library version of a draft)', async () => {
    const library = new FakeLibrary({ [REFERENCE]: [{ fileName: 'nota.pdf', kind: 'mandate', phase: 'draft' }] });
    const service = serviceUnderTest(keys, { library });
    await seedDossier(service.stores, eventsIn('underReview'));
    const response = await upload(service, actors.statistician.id, 'nota.pdf', pdfBytes, { kind: 'mandate' });
    expect(response.status).toBe(200);
    expect(bodyOf<DocumentResponseBody>(response).document.fileName).toBe('nota.pdf');
  });

  it('answers a countersigned upload with the signatures it read from the bytes (other phases: none)', async () => {
    const service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('awaitingCountersignature'));
    const countersigned = await upload(service, actors.chief.id, 'protocol medeondertekend.pdf', pdfBytes, { kind: 'protocol', phase: 'countersigned' });
    expect(countersigned.status).toBe(200);
    expect(bodyOf<DocumentResponseBody>(countersigned).signatures?.signatures.map((entry) => entry.signer?.commonName)).toEqual(['Rita Rector', 'Hilde Hoofd']);
    const mandate = await upload(service, actors.team.id, 'volmacht medeondertekend.pdf', pdfBytes, { kind: 'mandate', phase: 'signed' });
    expect(bodyOf<DocumentResponseBody>(mandate).signatures).toBeUndefined();
  });

  it('refuses a caller without a VSA role (403), a dossier that does not exist (404) and an upload too large (413)', async () => {
    const service = serviceUnderTest(keys, { maxUploadBytes: 8 });
    await seedDossier(service.stores, eventsIn('underReview'));
    const outsider = await upload(service, actors.outsider.id, 'a.pdf', pdfBytes.slice(0, 4), { kind: 'mandate' });
    expect([outsider.status, errorOf(outsider).code]).toEqual([403, 'data.error.accessDenied']);
    const missing = await upload(service, actors.team.id, 'a.pdf', pdfBytes.slice(0, 4), { kind: 'mandate' }, 'dossiers/VSA-2026-0099/documents');
    expect([missing.status, errorOf(missing).code]).toEqual([404, 'data.error.notFound']);
    const large = await upload(service, actors.team.id, 'a.pdf', pdfBytes, { kind: 'mandate' });
    expect([large.status, errorOf(large).code, errorOf(large).params?.fileName]).toEqual([413, 'app.error.fileTooLarge', 'a.pdf']);
    expect(service.library.uploads).toEqual([]);
  });

  it('refuses a bad name, kind or phase, an unsupported type and an unreadable .docx (400, coded)', async () => {
    const service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('underReview'));
    for (const [fileName, query] of [
      ['', {}],
      ['../x.pdf', {}],
      ['a\u0000.pdf', {}],
      ['a.pdf', { kind: 'secret' }],
      ['a.pdf', { kind: 'mandate', phase: 'final' }]
    ] as const) {
      const response = await upload(service, actors.team.id, fileName, pdfBytes, query);
      expect([fileName, response.status, errorOf(response).code]).toEqual([fileName, 400, 'data.error.invalidInput']);
    }
    const exe = await upload(service, actors.team.id, 'tool.exe', pdfBytes, { kind: 'mandate' });
    expect([exe.status, errorOf(exe).code, errorOf(exe).params]).toEqual([400, 'app.error.unsupportedFileType', { fileName: 'tool.exe' }]);
    const broken = await upload(service, actors.team.id, 'form.docx', pdfBytes);
    expect([broken.status, errorOf(broken).code]).toEqual([400, 'forms.read.notZip']);
    expect(service.library.uploads).toEqual([]);
  });
});

describe('publication version', () => {
  const send = async (service: ServiceUnderTest, email: string, body: unknown): Promise<HttpResponseInit> =>
    service.handlers.publication(request(publicationPath, { token: await tokenFor(keys, email), body }), contextFor(service.logs));

  it('converts a signed document for the DPO team and keeps an earlier publication version', async () => {
    const service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('signed'));
    const first = await send(service, actors.team.id, { sourceFileName: 'protocol-s.docx' });
    expect(first.status).toBe(200);
    expect(bodyOf<{ document: { fileName: string; phase: string } }>(first).document).toMatchObject({ fileName: 'protocol-s-publicatie.pdf', phase: 'publication' });
    const second = await send(service, actors.team.id, { sourceFileName: 'protocol-s.docx' });
    expect(bodyOf<{ document: { fileName: string } }>(second).document.fileName).toBe('protocol-s-publicatie (2).pdf');
    expect(service.converter.converted).toEqual([`${REFERENCE}/protocol-s.docx`, `${REFERENCE}/protocol-s.docx`]);
  });

  it('refuses a role that may not publish (403), a missing body field (400) and a file that is not signed (400)', async () => {
    const service = serviceUnderTest(keys);
    await seedDossier(service.stores, eventsIn('signed'));
    expect((await send(service, actors.statistician.id, { sourceFileName: 'protocol-s.docx' })).status).toBe(403);
    expect((await send(service, actors.team.id, {})).status).toBe(400);
    expect((await send(service, actors.team.id, { sourceFileName: 'protocol-v1.docx' })).status).toBe(400);
    expect(service.converter.converted).toEqual([]);
  });
});


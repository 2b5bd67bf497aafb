/**
 * Which writer each composition uses: the trusted `CommandService` on the lists (no service), or the
 * command service over HTTP (`RemoteCommandService`, `RemoteDocumentLibrary`), with no client-side
 * reactions. The local compositions reach the service under `/api/` with a minted token (fetch faked).
 */
import { composeApprovalsGateway } from '../../src/composition/approvals';
import { createLocalApprovals, createLocalComposition, createLocalRegister, createLocalWordDossierPort } from '../../src/composition/local';
import { LOCAL_API_AUDIENCE } from '../../src/composition/localTenantIdentity';
import { composeRegisterMail } from '../../src/composition/registerMail';
import { composeWordDossierPort } from '../../src/composition/wordDossier';
import { CommandService } from '../../src/data/commandService';
import type { GraphClientLike } from '../../src/data/graph/graphClient';
import type { GraphApi } from '../../src/data/graph/notifier';
import { RemoteCommandService } from '../../src/data/service/remoteCommandService';
import { RemoteDocumentLibrary } from '../../src/data/service/remoteDocumentLibrary';
import type { ServiceHttp, ServiceRequest } from '../../src/data/service/serviceHttp';
import { SharePointDirectory } from '../../src/data/sharepoint/directory';
import { ReviewRefusedError } from '../../src/app/wordReview/commandDossierReviewPort';
import type { ReviewResult } from '../../src/app/wordReview/dossierReviewPort';

const ORIGIN = 'http://localhost:4321';
const AN = 'an.peeters@vsa.local';

function recordingService(): { http: ServiceHttp; requests: ServiceRequest[] } {
  const requests: ServiceRequest[] = [];
  return {
    requests,
    http: {
      send: async (request) => {
        requests.push(request);
        const body = request.path.endsWith('/publication')
          ? { document: { id: 'p1', fileName: 'p-publicatie.pdf', serverRelativeUrl: '/x', size: 1, version: '1.0' } }
          : { ok: false, errors: [{ kind: 'forbidden', code: 'dossier.error.forbidden', params: {} }] };
        return { status: request.path.endsWith('/publication') ? 200 : 422, header: () => undefined, text: async () => JSON.stringify(body) };
      }
    }
  };
}

const graph = {} as GraphClientLike;

describe('local compositions: commandsVia', () => {
  afterEach(() => jest.restoreAllMocks());

  it("'direct': the trusted CommandService on the lists", () => {
    const composition = createLocalComposition({ baseUrl: ORIGIN, userEmail: AN, commandsVia: 'direct' });
    expect(composition.service).toBeUndefined();
    expect(composition.data.commands).toBeInstanceOf(CommandService);
    expect(createLocalRegister({ origin: ORIGIN, persona: AN, commandsVia: 'direct' }).data.commands).toBeInstanceOf(CommandService);
    expect(createLocalApprovals({ origin: ORIGIN, persona: AN, commandsVia: 'direct' }).gateway.commands).toBeInstanceOf(CommandService);
  });

  it('default: the command service (the local tenant mounts it under /api)', () => {
    const composition = createLocalComposition({ baseUrl: ORIGIN, userEmail: AN });
    expect(composition.service).toBeDefined();
    expect(composition.data.commands).toBeInstanceOf(RemoteCommandService);
    expect(createLocalApprovals({ origin: ORIGIN, persona: AN }).gateway.commands).toBeInstanceOf(RemoteCommandService);
  });

  it('the service identity itself always writes directly', () => {
    expect(createLocalComposition({ baseUrl: ORIGIN, app: 'service', commandsVia: 'service' }).data.commands).toBeInstanceOf(CommandService);
  });

  it("'service': register, approvals and Word ask the service", () => {
    const register = createLocalRegister({ origin: ORIGIN, persona: AN, commandsVia: 'service' });
    expect(register.data.commands).toBeInstanceOf(RemoteCommandService);
    expect(register.data.documents).toBeInstanceOf(RemoteDocumentLibrary);
    expect(createLocalApprovals({ origin: ORIGIN, persona: AN, commandsVia: 'service' }).gateway.commands).toBeInstanceOf(RemoteCommandService);
    expect(typeof createLocalWordDossierPort({ origin: ORIGIN, persona: AN, commandsVia: 'service' }).recordReview).toBe('function');
  });

  it("'service': a command goes to <origin>/api with a token minted for the persona and the API audience", async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    jest.spyOn(global, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input);
      calls.push({ url, init: init ?? {} });
      if (url.endsWith('/_local/token')) return new Response(JSON.stringify({ access_token: 'jwt-an', token_type: 'Bearer', expires_in: 3600 }), { status: 200 });
      return new Response(JSON.stringify({ ok: false, errors: [{ kind: 'forbidden', code: 'dossier.error.forbidden', params: {} }] }), { status: 422 });
    });
    const { data } = createLocalComposition({ baseUrl: ORIGIN, userEmail: AN, commandsVia: 'service', messaging: false });
    const outcome = await data.commands.execute('VSA-2026-0001', { type: 'addComment', commandId: 'c-1', text: 'x' });
    expect(outcome.ok).toBe(false);
    expect(calls.map((call) => call.url)).toEqual([`${ORIGIN}/_local/token`, `${ORIGIN}/api/dossiers/VSA-2026-0001/commands`]);
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ audience: LOCAL_API_AUDIENCE });
    expect((calls[0].init.headers as Record<string, string>).Authorization).toBe(`Bearer local:${AN}`);
    expect((calls[1].init.headers as Record<string, string>).Authorization).toBe('Bearer jwt-an');
  });
});

describe('Graph compositions with a service', () => {
  afterEach(() => jest.restoreAllMocks());

  it('approvals: decisions go to the service; reactions are not run here', async () => {
    const { http, requests } = recordingService();
    const reaction = jest.fn();
    const gateway = composeApprovalsGateway({ graph, siteUrl: 'https://contoso.sharepoint.com/sites/microdata', service: http, reactions: [reaction] });
    expect(gateway.commands).toBeInstanceOf(RemoteCommandService);
    await gateway.decide('VSA-2026-0001', { kind: 'approve', motivation: 'In orde.' }, { id: 'x', displayName: 'x', roles: [] }, 'c-1');
    expect(requests.map((r) => r.path)).toEqual(['dossiers/VSA-2026-0001/commands']);
    expect(reaction).not.toHaveBeenCalled();
    expect(composeApprovalsGateway({ graph, siteUrl: 'https://contoso.sharepoint.com/sites/microdata' }).commands).toBeInstanceOf(CommandService);
  });

  it('Word: the review is recorded by the service, without actor or time', async () => {
    const { http, requests } = recordingService();
    jest.spyOn(SharePointDirectory.prototype, 'currentActor').mockResolvedValue({ id: AN, displayName: 'An', roles: ['dpoTeam'] });
    const composition = createLocalComposition({ baseUrl: ORIGIN, userEmail: AN, messaging: false });
    const port = composeWordDossierPort({ graph, sp: composition.sp, siteUrl: composition.siteUrl, service: http });
    const review = {
      reference: 'VSA-2026-0001',
      fileName: 'aanvraag.docx',
      formType: undefined,
      counts: { blocking: 1, warnings: 0, info: 0 },
      commentsInserted: 1,
      reviewedAt: '2026-02-01T10:00:00.000Z'
    } as unknown as ReviewResult;
    // The scripted service refuses (422): the port reports the refusal.
    await expect(port.recordReview(review)).rejects.toBeInstanceOf(ReviewRefusedError);
    expect(requests.map((r) => r.path)).toEqual(['dossiers/VSA-2026-0001/commands']);
    const body = JSON.parse(String(requests[0].body)) as { command: { type: string } };
    expect(body.command.type).toBe('addComment');
    expect(String(requests[0].body)).not.toContain(AN);
    expect(String(requests[0].body)).not.toContain('2026-02-01T10:00:00.000Z');
  });

  it('register mail: the publication version is made by the service', async () => {
    const { http, requests } = recordingService();
    const composition = createLocalComposition({ baseUrl: ORIGIN, userEmail: AN, messaging: false });
    const remoteDocuments = new RemoteDocumentLibrary({ direct: composition.data.documents, http });
    const mail = composeRegisterMail(
      { ...composition.data, commands: new RemoteCommandService({ dossiers: composition.data.dossiers, http }), documents: remoteDocuments, remoteDocuments },
      {} as GraphApi,
      { mailboxAddress: 'data-aanvragen@vsa.local', siteUrl: composition.siteUrl }
    );
    const stored = await mail.publication.createPublicationVersion('VSA-2026-0001', 'protocol.docx');
    expect(stored.fileName).toBe('p-publicatie.pdf');
    expect(requests).toMatchObject([{ method: 'POST', path: 'dossiers/VSA-2026-0001/publication' }]);
  });
});

import { createLocalComposition, type LocalComposition } from '../../../../src/composition/local';
import { createLocalGraphClient } from '../../../../src/composition/localGraphClient';
import { localServiceHttp } from '../../../../src/composition/localServiceHttp';
import type { ApprovalsGateway } from '../../../../src/data/graph/approvals/approvalsGateway';
import { composeApprovalsGateway } from '../../../../src/composition/approvals';
import { GraphDossierStore } from '../../../../src/data/graph/graphDossierStore';
import { GraphSite } from '../../../../src/data/graph/graphSite';
import { messagingReaction } from '../../../../src/data/reactions';
import type { GraphClientLike } from '../../../../src/data/graph/graphClient';
import { GraphNotifier } from '../../../../src/data/graph/notifier';
import type { Actor, Command, StateId } from '../../../../src/domain';
import { startLocalTenant, type LocalTenant } from '../../../../src/local/server/server';
import { approvalsWorkbenchPage } from '../../../../src/local/workbench/approvals';
import { cmd, draftSet, signedSet } from '../../../domain/support/fixtures';
import { fakeSignatureVerifier } from '../../../support/fakeSignatureVerifier';

/** Personas of the local tenant (fictional). */
export const AN = 'an.peeters@vsa.local';
export const SOFIE = 'sofie.janssens@vsa.local';
export const KAREL = 'karel.desmet@vsa.local';
export const ELS = 'els.vermeulen@vsa.local';
export const OWNER = 'beheer@vsa.local';
export const TEAMS_APP_ID = '376fce5d-8b66-4768-9d11-02de88211c55';

/** Options of a test gateway. */
export interface GatewayOptions {
  readonly mailbox?: string;
  readonly clock?: () => string;
  /** Wraps the Graph client (e.g. to hold a PATCH back and force a race). */
  readonly wrapGraph?: (graph: GraphClientLike) => GraphClientLike;
  /**
   * Where decisions go: `'service'` (default) asks the command service as the persona, as the tab does;
   * `'trustedWriter'` runs the `CommandService` on the Graph dossier store with the service's app-only
   * identity (the only writer of the lists), for tests of that store itself (If-Match races, retries
   * of a throttled PATCH); the persona's actor is then passed explicitly.
   */
  readonly via?: 'service' | 'trustedWriter';
}

/**
 * A Graph client whose PATCH requests wait for `gate`; `onWaiting` fires when one is held back. Makes
 * a concurrent-write race deterministic: the held writer still carries the ETag it loaded.
 */
export function gatedPatches(client: GraphClientLike, gate: Promise<void>, onWaiting: () => void): GraphClientLike {
  return {
    api: (path: string) => {
      const request = client.api(path);
      const patch = request.patch.bind(request);
      request.patch = async (content: unknown) => {
        onWaiting();
        await gate;
        return patch(content);
      };
      return request;
    }
  } as GraphClientLike;
}

/** A provisioned, empty local tenant with compositions per persona. */
export interface ApprovalsTenant {
  readonly tenant: LocalTenant;
  readonly siteUrl: string;
  as(email: string): LocalComposition;
  /** The command service's own app-only composition (direct): the only writer of the lists and library. */
  readonly trustedWriter: LocalComposition;
  actor(email: string): Promise<Actor>;
  /**
   * Drives a new dossier to `state` with backdated steps: imported, as the seed does, by the trusted
   * `CommandService` on the service's app-only identity in the personas' names (only the trusted
   * writer may give past times; the service's HTTP route takes its own clock). Like the seed's import,
   * it trusts the registrations it is given (only the service's HTTP route rebuilds them from stored files).
   */
  dossierIn(reference: string, state: StateId, at: (step: number) => string): Promise<void>;
  /** The approvals gateway as the tab builds it, for one persona, with the DPO-team reaction. */
  gateway(email: string, options?: GatewayOptions): ApprovalsGateway;
  /** The Graph dossier store (the `DossierStore` port on Graph) for one persona. */
  graphStore(email: string): GraphDossierStore;
  hook(path: string, body?: unknown, method?: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function startApprovalsTenant(): Promise<ApprovalsTenant> {
  // The service reads countersigned originals through a fake verifier (the test files carry no real signatures).
  const tenant = await startLocalTenant({ port: 0, dataFile: ':memory:', pages: [approvalsWorkbenchPage()], countersignatureVerifier: fakeSignatureVerifier() });
  const baseUrl = tenant.baseUrl.replace(/\/$/, '');
  const compositions = new Map<string, LocalComposition>();
  const as = (email: string): LocalComposition => {
    let composition = compositions.get(email);
    if (!composition) {
      composition = createLocalComposition({ baseUrl, userEmail: email, messaging: false });
      compositions.set(email, composition);
    }
    return composition;
  };
  await as(OWNER).data.provisioner.ensureAll();
  const actors = new Map<string, Actor>();
  const actor = async (email: string): Promise<Actor> => {
    if (!actors.has(email)) actors.set(email, await as(email).data.directory.currentActor());
    return actors.get(email) as Actor;
  };

  const stepsTo = async (reference: string): Promise<[string, Command, StateId][]> => [
    [AN, cmd.registerRequest(reference), 'intake'],
    [AN, cmd.assignStatistician(await actor(SOFIE)), 'preliminary'],
    [SOFIE, cmd.requestFormsStandard(), 'formsRequested'],
    [AN, cmd.registerDraftDocuments(draftSet('standard', reference)), 'underReview'],
    [AN, cmd.startDeliberation(), 'deliberation'],
    [KAREL, cmd.giveAdvice(), 'awaitingDecision'],
    [ELS, cmd.decide('approved'), 'awaitingSignatures'],
    [AN, cmd.registerSignedDocuments(signedSet('standard')), 'awaitingCountersignature']
  ];

  const trustedWriter = createLocalComposition({ baseUrl, app: 'service', commandsVia: 'direct', messaging: false });
  const dossierIn = async (reference: string, state: StateId, at: (step: number) => string): Promise<void> => {
    const steps = await stepsTo(reference);
    const last = steps.findIndex(([, , reached]) => reached === state);
    if (last < 0) throw new Error(`cannot drive a dossier to ${state}`);
    for (let index = 0; index <= last; index++) {
      const [email, command] = steps[index];
      const outcome = await trustedWriter.data.commands.execute(reference, command, await actor(email), at(index));
      if (!outcome.ok) throw new Error(`${command.type} on ${reference} refused: ${JSON.stringify(outcome.errors)}`);
    }
  };

  const gateway = (email: string, options: GatewayOptions = {}): ApprovalsGateway => {
    const trusted = options.via === 'trustedWriter';
    const client = trusted ? createLocalGraphClient(baseUrl, { app: 'service' }) : createLocalGraphClient(baseUrl, email);
    const graph = options.wrapGraph ? options.wrapGraph(client) : client;
    return composeApprovalsGateway({
      graph,
      siteUrl: `${baseUrl}/sites/microdata`,
      clock: options.clock,
      batchOptions: { sleep: async () => undefined },
      // Through the service, the service runs the reactions; the trusted writer runs the tab's own.
      service: trusted ? undefined : localServiceHttp(baseUrl, { persona: email }),
      reactions: trusted
        ? [
            messagingReaction(new GraphNotifier(graph), as(email).data.directory, {
              registerUrl: `${baseUrl}/sites/microdata`,
              dpoTeamMailbox: options.mailbox,
              approvalsAppId: TEAMS_APP_ID
            })
          ]
        : []
    });
  };

  const hook = async (path: string, body?: unknown, method?: string): Promise<unknown> => {
    const response = await fetch(`${baseUrl}/_local/${path}`, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers: { 'X-Local-Tenant': '1', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (!response.ok) throw new Error(`/_local/${path} answered ${response.status}`);
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  };

  const graphStore = (email: string): GraphDossierStore =>
    new GraphDossierStore(new GraphSite(createLocalGraphClient(baseUrl, email), `${baseUrl}/sites/microdata`), { sleep: async () => undefined });
  return { tenant, siteUrl: `${baseUrl}/sites/microdata`, as, trustedWriter, actor, dossierIn, gateway, graphStore, hook, close: () => tenant.close() };
}

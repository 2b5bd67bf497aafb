/**
 * Test harness: the local tenant in-process, fronted by a tiny HTTP server that offers the intake's
 * Graph route modules (`src/local/mailbox`, `src/local/conversion`) before the tenant's own routes.
 * The tenant has no registration hook for Graph routes yet (see docs/decisions/intake.md); once it has,
 * this front reduces to `startLocalTenant`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalComposition } from '../../../src/data/compose';
import type { LocalComposition } from '../../../src/data/compose';
import { localGraph } from '../../../src/local/clients';
import { handleIntakeGraphRoute, registerIntakePages } from '../../../src/local/mailbox';
import { graphErrorResponse } from '../../../src/local/server/graph-error';
import { HttpError, statusText, toHttpError, type LtRequest, type LtResponse } from '../../../src/local/server/http';
import { startLocalTenant, type LocalTenant } from '../../../src/local/server/server';
import type { Client } from '@microsoft/microsoft-graph-client';

export const OWNER = 'beheer@vsa.local';
export const AN = 'an.peeters@vsa.local';
export const SOFIE = 'sofie.janssens@vsa.local';
export const KAREL = 'karel.desmet@vsa.local';
export const ELS = 'els.vermeulen@vsa.local';
export const MAILBOX = 'data-aanvragen@vsa.local';

/** The running tenant behind the front. */
export interface IntakeTenant {
  readonly baseUrl: string;
  readonly siteUrl: string;
  readonly tenant: LocalTenant;
  /** The data layer as a persona (through the front). */
  as(email: string): LocalComposition;
  /** A Graph client as a persona (through the front). */
  graph(email: string): Client;
  /** Calls a `/_local/` hook as the site owner. */
  hook(method: string, path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

const graphPrefix = /^\/graph\/(v1\.0|beta)\/(.*)$/i;

async function route(tenant: LocalTenant, request: LtRequest): Promise<LtResponse> {
  const match = graphPrefix.exec(request.url.pathname);
  if (match) {
    try {
      const handled = await handleIntakeGraphRoute(tenant.store, request, decodeURIComponent(match[2]));
      if (handled) return handled;
    } catch (error) {
      const http = toHttpError(error);
      if (http) return graphErrorResponse(http);
      return graphErrorResponse(new HttpError(500, 'internal error', '-1', 'generalException'));
    }
  }
  return tenant.dispatch(request);
}

function read(req: IncomingMessage): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

function write(res: ServerResponse, response: LtResponse): void {
  res.statusCode = response.status;
  res.statusMessage = statusText[response.status] ?? 'Unknown';
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  const body = response.body === undefined ? undefined : typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : Buffer.from(response.body);
  if (body && response.status !== 204) res.end(body);
  else res.end();
}

/** Starts tenant + front on free ports with an in-memory database, provisioned by the site owner. */
export async function startIntakeTenant(): Promise<IntakeTenant> {
  registerIntakePages();
  const tenant = await startLocalTenant({ port: 0, dataFile: ':memory:' });
  const server: Server = createServer((req, res) => {
    read(req)
      .then(async (body) => {
        const headers = new Map<string, string>();
        for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : value);
        const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
        write(res, await route(tenant, { method: (req.method ?? 'GET').toUpperCase(), url, headers, body }));
      })
      .catch(() => write(res, { status: 500, headers: {}, body: 'front error' }));
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const result: IntakeTenant = {
    baseUrl,
    siteUrl: `${baseUrl}/sites/microdata`,
    tenant,
    as: (email) => createLocalComposition({ baseUrl, userEmail: email, messaging: false }),
    graph: (email) => localGraph(`${baseUrl}/graph`, email),
    async hook(method, path, body) {
      const response = await fetch(`${baseUrl}/_local/${path}`, {
        method,
        headers: { Authorization: `Bearer local:${OWNER}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      });
      if (!response.ok) throw new Error(`/_local/${path} answered ${response.status}: ${await response.text()}`);
      const text = await response.text();
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await tenant.close();
    }
  };
  await result.as(OWNER).data.provisioner.ensureAll();
  return result;
}

/** Puts a message into the shared mailbox through the tenant's test hook; returns its id. */
export async function deliverMail(
  tenant: IntakeTenant,
  message: { subject: string; fromName: string; fromAddress: string; receivedDateTime: string; bodyPreview?: string },
  attachments: readonly { name: string; contentType: string; content: Uint8Array }[] = []
): Promise<string> {
  const created = (await tenant.hook('POST', 'mail-messages', {
    mailbox: MAILBOX,
    message: {
      subject: message.subject,
      from: { emailAddress: { name: message.fromName, address: message.fromAddress } },
      receivedDateTime: message.receivedDateTime,
      bodyPreview: message.bodyPreview ?? 'Beste, graag vraag ik microdata aan.',
      categories: []
    },
    attachments: attachments.map((a) => ({ name: a.name, contentType: a.contentType, contentBase64: Buffer.from(a.content).toString('base64') }))
  })) as { id: string };
  return created.id;
}

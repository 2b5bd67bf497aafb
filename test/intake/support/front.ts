/**
 * Test harness: the local tenant in-process with the intake's pages and Graph routes
 * (`src/local/mailbox`), given to `startLocalTenant` as `npm start` gives them (`src/local/product.ts`).
 */
import { createLocalComposition } from '../../../src/composition/local';
import type { LocalComposition } from '../../../src/composition/local';
import { localGraph } from '../../../src/local/clients';
import { intakeGraphRoutes, intakePages } from '../../../src/local/mailbox';
import { startLocalTenant, type LocalTenant } from '../../../src/local/server/server';
import type { Client } from '@microsoft/microsoft-graph-client';

export const OWNER = 'beheer@vsa.local';
export const AN = 'an.peeters@vsa.local';
export const SOFIE = 'sofie.janssens@vsa.local';
export const KAREL = 'karel.desmet@vsa.local';
export const ELS = 'els.vermeulen@vsa.local';
export const MAILBOX = 'data-aanvragen@vsa.local';

/** The running tenant with the intake routes. */
export interface IntakeTenant {
  readonly baseUrl: string;
  readonly siteUrl: string;
  readonly tenant: LocalTenant;
  /** The data layer as a persona. */
  as(email: string): LocalComposition;
  /** A Graph client as a persona. */
  graph(email: string): Client;
  /** Calls a `/_local/` hook as the site owner. */
  hook(method: string, path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** Starts the tenant on a free port with an in-memory database, provisioned by the site owner. */
export async function startIntakeTenant(): Promise<IntakeTenant> {
  // The service verifies signed documents and countersigned originals with the real verifier (the flows sign with the local demo PKI).
  const tenant = await startLocalTenant({ port: 0, dataFile: ':memory:', pages: intakePages(), graphRoutes: intakeGraphRoutes });
  const baseUrl = tenant.baseUrl;
  const result: IntakeTenant = {
    baseUrl,
    siteUrl: `${baseUrl}/sites/microdata`,
    tenant,
    as: (email) => createLocalComposition({ baseUrl, userEmail: email, messaging: false }),
    graph: (email) => localGraph(`${baseUrl}/graph`, email),
    async hook(method, path, body) {
      const response = await fetch(`${baseUrl}/_local/${path}`, {
        method,
        headers: { 'X-Local-Tenant': '1', 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      });
      if (!response.ok) throw new Error(`/_local/${path} answered ${response.status}: ${await response.text()}`);
      const text = await response.text();
      return text ? (JSON.parse(text) as unknown) : undefined;
    },
    async close() {
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

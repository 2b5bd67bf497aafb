/**
 * Where demo messages of the shared mailbox go: straight into the tenant's store (in-process tests), or
 * through the running tenant's test hook `POST /_local/mail-messages` (the seed runs as an HTTP client).
 */
import { LOCAL_HOOK_HEADER } from '../../composition/localTenantIdentity';
import { GRAPH_AUDIENCE, localTokenSource } from '../../composition/localTokens';
import { sharedMailbox } from '../personas';
import type { TenantStore } from '../store/tenant-store';

/** A file attached to a demo message. */
export interface DemoAttachment {
  readonly name: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/** Delivers messages to the shared mailbox and tells whether it holds any. */
export interface MailDrop {
  isEmpty(): Promise<boolean>;
  deliver(message: Readonly<Record<string, unknown>>, attachments: readonly DemoAttachment[]): Promise<void>;
}

/** Delivers into the tenant's store directly. */
export function storeMailDrop(store: TenantStore, mailbox: string = sharedMailbox): MailDrop {
  return {
    isEmpty: async () => store.mailbox.messages(mailbox).length === 0,
    deliver: async (message, attachments) => void store.mailbox.add(mailbox, message, attachments)
  };
}

/**
 * Delivers through a running local tenant as `userEmail` (a member of the site, e.g. the site owner):
 * reads with Graph `GET /users/{mailbox}/messages` and adds with the `/_local/mail-messages` hook.
 */
export function hookMailDrop(baseUrl: string, userEmail: string, mailbox: string = sharedMailbox): MailDrop {
  const root = baseUrl.replace(/\/$/, '');
  const tokens = localTokenSource(root, { persona: userEmail });
  const graphHeaders = async (): Promise<Record<string, string>> => ({ Authorization: `Bearer ${await tokens.token(GRAPH_AUDIENCE)}` });
  const hookHeaders = { [LOCAL_HOOK_HEADER]: '1', 'Content-Type': 'application/json' };
  const failed = async (what: string, response: Response): Promise<Error> =>
    new Error(`${what} on the local tenant failed with HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return {
    async isEmpty() {
      const response = await fetch(`${root}/graph/v1.0/users/${encodeURIComponent(mailbox)}/messages?$top=1&$select=id`, { headers: await graphHeaders() });
      if (!response.ok) throw await failed('Reading the shared mailbox', response);
      const body = (await response.json()) as { value?: unknown[] };
      return !Array.isArray(body.value) || body.value.length === 0;
    },
    async deliver(message, attachments) {
      const body = {
        mailbox,
        message,
        attachments: attachments.map((a) => ({ name: a.name, contentType: a.contentType, contentBase64: Buffer.from(a.content).toString('base64') }))
      };
      const response = await fetch(`${root}/_local/mail-messages`, { method: 'POST', headers: hookHeaders, body: JSON.stringify(body) });
      if (!response.ok) throw await failed('Delivering a demo message', response);
    }
  };
}

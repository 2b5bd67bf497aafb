/**
 * Test hooks under `/_local/` (they exist only in the local tenant): reset, outbox, mailbox
 * messages, fault queue, health.
 */
import type { TenantStore } from '../store/tenant-store';
import { schemaVersion } from '../store/migrations';
import type { FaultInjector } from './faults';
import { badRequest, bodyJson, emptyResponse, jsonResponse, notFound, type LtRequest, type LtResponse } from './http';

/** Handles `/_local/<rest>`. */
export function handleLocal(store: TenantStore, faults: FaultInjector, request: LtRequest, rest: string): LtResponse {
  const method = request.method.toUpperCase();
  switch (`${method} ${rest}`) {
    case 'GET health':
      return jsonResponse(200, { status: 'ok', schemaVersion: schemaVersion(store.db), lists: store.lists.lists().length });
    case 'POST reset':
      store.reset();
      faults.clear();
      return emptyResponse(204);
    case 'GET outbox':
      return jsonResponse(200, { value: store.outbox.all() });
    case 'DELETE outbox':
      store.outbox.clear();
      return emptyResponse(204);
    case 'POST faults': {
      const rule = faults.enqueue(bodyJson(request));
      return jsonResponse(201, rule);
    }
    case 'GET faults':
      return jsonResponse(200, { pending: faults.pending });
    case 'DELETE faults':
      faults.clear();
      return emptyResponse(204);
    case 'POST mail-messages': {
      const body = bodyJson(request);
      if (typeof body.mailbox !== 'string' || typeof body.message !== 'object' || body.message === null) {
        throw badRequest('Send {"mailbox": "<address>", "message": {…Graph message…}, "attachments": [{"name","contentType","contentBase64"}]}.');
      }
      const attachments = Array.isArray(body.attachments) ? body.attachments : [];
      const parsed = attachments.map((a: unknown) => {
        const entry = a as { name?: unknown; contentType?: unknown; contentBase64?: unknown };
        if (typeof entry.name !== 'string' || typeof entry.contentBase64 !== 'string') throw badRequest('Every attachment needs "name" and "contentBase64".');
        return { name: entry.name, contentType: typeof entry.contentType === 'string' ? entry.contentType : 'application/octet-stream', content: new Uint8Array(Buffer.from(entry.contentBase64, 'base64')) };
      });
      const stored = store.mailbox.add(body.mailbox, body.message as Record<string, unknown>, parsed);
      return jsonResponse(201, { id: stored.id });
    }
    default:
      throw notFound(`The local hook '${method} /_local/${rest}' does not exist.`);
  }
}

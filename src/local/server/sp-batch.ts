/**
 * SharePoint REST `$batch`: multipart/mixed in, multipart/mixed out. Reads are top-level parts,
 * writes sit in `changeset_` parts; every inner request runs on its own (not transactional) and
 * gets one `--batchresponse_` part, flat, in request order — the shape PnPjs v4's parser expects.
 * Reference: https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/make-batch-requests-with-the-rest-apis
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../store/principals';
import { badRequest, statusText, type LtRequest, type LtResponse } from './http';

/** One request parsed out of a batch body. */
export interface BatchPart {
  readonly method: string;
  readonly url: string;
  readonly headers: Map<string, string>;
  readonly body: string;
}

function boundaryOf(contentType: string | undefined): string {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  if (!match) throw badRequest('A $batch request needs Content-Type multipart/mixed with a boundary.');
  return match[1] ?? match[2];
}

function readHeaders(lines: string[], start: number): { headers: Map<string, string>; next: number } {
  const headers = new Map<string, string>();
  let i = start;
  for (; i < lines.length && lines[i].trim() !== ''; i += 1) {
    const colon = lines[i].indexOf(':');
    if (colon > 0) headers.set(lines[i].slice(0, colon).trim().toLowerCase(), lines[i].slice(colon + 1).trim());
  }
  return { headers, next: i + 1 };
}

function splitParts(text: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const lines = text.split(/\r?\n/);
  const parts: string[] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (line.trim() === `${delimiter}--`) {
      if (current) parts.push(current.join('\n'));
      current = undefined;
      break;
    }
    if (line.trim() === delimiter) {
      if (current) parts.push(current.join('\n'));
      current = [];
      continue;
    }
    current?.push(line);
  }
  if (current) throw badRequest(`The $batch body is not terminated by "${delimiter}--".`);
  return parts;
}

/** Parses a batch body into its requests, flattening changesets, in order. */
export function parseBatch(text: string, contentType: string | undefined): BatchPart[] {
  const result: BatchPart[] = [];
  for (const part of splitParts(text, boundaryOf(contentType))) {
    const lines = part.split('\n');
    const { headers, next } = readHeaders(lines, 0);
    const partType = headers.get('content-type') ?? '';
    if (/^multipart\/mixed/i.test(partType)) {
      result.push(...parseBatch(lines.slice(next).join('\n'), partType));
      continue;
    }
    if (!/^application\/http/i.test(partType)) throw badRequest(`A $batch part has Content-Type '${partType}'; expected application/http.`);
    let i = next;
    while (i < lines.length && lines[i].trim() === '') i += 1;
    const requestLine = /^([A-Z]+)\s+(\S+)\s+HTTP\/1\.[01]$/i.exec((lines[i] ?? '').trim());
    if (!requestLine) throw badRequest(`A $batch part does not start with a request line ("GET <url> HTTP/1.1").`);
    const inner = readHeaders(lines, i + 1);
    const body = lines.slice(inner.next).join('\n').replace(/\n+$/, '');
    result.push({ method: requestLine[1].toUpperCase(), url: requestLine[2], headers: inner.headers, body });
  }
  return result;
}

/** Writes the multipart response PnPjs and SharePoint clients parse. */
export function writeBatchResponse(responses: readonly LtResponse[]): { contentType: string; body: string } {
  const boundary = `batchresponse_${randomUUID()}`;
  const chunks: string[] = [];
  for (const response of responses) {
    chunks.push(`--${boundary}\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n`);
    chunks.push(`HTTP/1.1 ${response.status} ${statusText[response.status] ?? 'Unknown'}\r\n`);
    for (const [name, value] of Object.entries(response.headers)) {
      if (!/[\r\n]/.test(value)) chunks.push(`${name.toUpperCase()}: ${value}\r\n`);
    }
    chunks.push('\r\n');
    const body = response.body === undefined ? '' : typeof response.body === 'string' ? response.body : Buffer.from(response.body).toString('latin1');
    chunks.push(`${body}\r\n`);
  }
  chunks.push(`--${boundary}--\r\n`);
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: chunks.join('') };
}

/** Runs a `$batch` request through `dispatch`, as the already authenticated `user`. */
export async function handleSharePointBatch(request: LtRequest, user: Principal, dispatch: (r: LtRequest) => Promise<LtResponse>): Promise<LtResponse> {
  if (request.method !== 'POST') throw badRequest('$batch needs POST.');
  const parts = parseBatch(new TextDecoder().decode(request.body), request.headers.get('content-type'));
  const responses: LtResponse[] = [];
  for (const part of parts) {
    let url: URL;
    try {
      url = new URL(part.url, request.url);
    } catch {
      throw badRequest(`The $batch part URL '${part.url}' is not valid.`);
    }
    if (url.host !== request.url.host || !url.pathname.toLowerCase().startsWith(request.url.pathname.toLowerCase().replace(/\$batch$/i, ''))) {
      throw badRequest(`The $batch part URL '${part.url}' must target the same site as the batch.`);
    }
    const headers = new Map(part.headers);
    const method = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].includes(part.method) ? part.method : 'POST';
    if (method !== part.method) headers.set('x-http-method', part.method);
    responses.push(await dispatch({ method, url, headers, body: new TextEncoder().encode(part.body), batchIdentity: user }));
  }
  const written = writeBatchResponse(responses);
  return { status: 200, headers: { 'content-type': written.contentType }, body: written.body };
}

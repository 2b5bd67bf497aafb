/**
 * The command service's HTTP handlers (Azure Functions v4 programming model): each verifies the
 * bearer token first, then runs one use case of `src/app/service` and answers JSON. The same
 * handlers run on Azure (`index.ts`) and in-process on the local tenant (`src/composition/localService.ts`).
 */
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import {
  createTrustedPublication,
  documentUploadOf,
  errorAnswer,
  executeTrustedCommand,
  MAX_UPLOAD_BYTES,
  registerTrustedDocument,
  uploadTooLarge,
  type ServiceDeps
} from '../app/service';
import type { AuthenticatedCaller } from '../data/auth/caller';
import { isDossierReference } from '../domain/numbering';

/** One handler: request in, response out. */
export type ServiceHandler = (request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>;

/** The three endpoints of `serviceRoutes`. */
export interface ServiceHandlers {
  readonly command: ServiceHandler;
  readonly document: ServiceHandler;
  readonly publication: ServiceHandler;
}

/** A thrown answer with a status and a code, for the handlers' own refusals (reference, JSON, size). */
class RequestRefusal extends Error {
  public constructor(
    public readonly status: number,
    public readonly code: string,
    message: string
  ) {
    super(message);
  }
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit => ({
  status,
  jsonBody: body,
  headers: { 'Cache-Control': 'no-store', ...headers }
});

/** The dossier reference of the route, well-formed or refused (it names a folder and a list item). */
function referenceOf(request: HttpRequest): string {
  const reference = request.params.reference ?? '';
  if (!isDossierReference(reference)) throw new RequestRefusal(400, 'data.error.invalidInput', 'The path does not hold a dossier reference (VSA-YYYY-NNNN).');
  return reference;
}

/** The request body as JSON, or a 400 (the body's text is never echoed: it may hold personal data). */
async function jsonBodyOf(request: HttpRequest): Promise<unknown> {
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RequestRefusal(400, 'data.error.invalidInput', 'The request body is not valid JSON.');
  }
}

/**
 * The failure's answer; the log line names the endpoint, the status and the code, never the caller,
 * the body or a message that could carry personal data.
 */
function failed(error: unknown, context: InvocationContext, endpoint: string): HttpResponseInit {
  if (error instanceof RequestRefusal) {
    context.log(`${endpoint}: ${error.status} ${error.code}`);
    return json(error.status, { error: { code: error.code, message: error.message } });
  }
  const answer = errorAnswer(error);
  const kind = error instanceof Error ? error.name : typeof error;
  if (answer.status >= 500) context.error(`${endpoint}: ${answer.status} ${answer.body.error.code} (${kind})`);
  else context.log(`${endpoint}: ${answer.status} ${answer.body.error.code}`);
  const headers: Record<string, string> = answer.retryAfterSeconds !== undefined ? { 'Retry-After': String(answer.retryAfterSeconds) } : {};
  return json(answer.status, answer.body, headers);
}

/** The upload's bytes, refusing more than `max` before reading when the length is announced. */
async function uploadBytes(request: HttpRequest, fileName: string, max: number): Promise<Uint8Array> {
  const announced = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(announced) && announced > max) throw uploadTooLarge(fileName, announced, max);
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length > max) throw uploadTooLarge(fileName, bytes.length, max);
  return bytes;
}

/** The three handlers on the service's ports (built once per instance). */
export function createServiceHandlers(deps: ServiceDeps): ServiceHandlers {
  const maxUploadBytes = deps.maxUploadBytes ?? MAX_UPLOAD_BYTES;

  /** Verifies the token, then runs the endpoint; every failure becomes its coded answer. */
  const endpoint =
    (name: string, run: (caller: AuthenticatedCaller, request: HttpRequest, context: InvocationContext) => Promise<HttpResponseInit>): ServiceHandler =>
    async (request, context) => {
      try {
        const caller = await deps.verifier.verify(request.headers.get('authorization') ?? undefined);
        return await run(caller, request, context);
      } catch (error) {
        return failed(error, context, name);
      }
    };

  return {
    command: endpoint('command', async (caller, request, context) => {
      const reference = referenceOf(request);
      const answer = await executeTrustedCommand(deps.trusted, caller, reference, await jsonBodyOf(request));
      const detail = answer.body.ok ? `${answer.body.events.length} event(s), ${answer.body.reactionErrors.length} reaction error(s)` : `${answer.body.errors.length} refusal(s)`;
      context.log(`command ${reference}: ${answer.status}, ${detail}`);
      return json(answer.status, answer.body);
    }),
    document: endpoint('document', async (caller, request, context) => {
      const reference = referenceOf(request);
      const fileName = request.query.get('fileName') ?? '';
      const bytes = await uploadBytes(request, fileName, maxUploadBytes);
      const upload = documentUploadOf({
        fileName,
        kind: request.query.get('kind'),
        phase: request.query.get('phase'),
        contentType: request.headers.get('content-type'),
        bytes
      });
      const body = await registerTrustedDocument(deps.trusted, caller, reference, upload);
      context.log(`document ${reference}: 200, ${body.kind}/${body.phase}, ${body.findings.length} finding(s)`);
      return json(200, body);
    }),
    publication: endpoint('publication', async (caller, request, context) => {
      const reference = referenceOf(request);
      const body = await createTrustedPublication(deps.trusted, caller, reference, await jsonBodyOf(request));
      context.log(`publication ${reference}: 200`);
      return json(200, body);
    })
  };
}

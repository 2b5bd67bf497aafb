import type { ServiceHttp, ServiceRequest, ServiceResponse } from '../../../src/data/service/serviceHttp';

/** A scripted answer: status, JSON (or raw text) body and headers; or a thrown network failure. */
export type ScriptedAnswer =
  | { readonly status: number; readonly json?: unknown; readonly text?: string; readonly headers?: Readonly<Record<string, string>> }
  | { readonly networkFailure: string };

/** A `ServiceHttp` that records every request and answers from a script, in order. */
export class FakeServiceHttp implements ServiceHttp {
  public readonly requests: ServiceRequest[] = [];

  public constructor(private readonly script: ScriptedAnswer[]) {}

  /** Adds answers to the end of the script. */
  public queue(...answers: ScriptedAnswer[]): void {
    this.script.push(...answers);
  }

  public async send(request: ServiceRequest): Promise<ServiceResponse> {
    this.requests.push(request);
    const answer = this.script.shift();
    if (!answer) throw new Error('FakeServiceHttp: no answer scripted for this request.');
    if ('networkFailure' in answer) throw new TypeError(answer.networkFailure);
    const headers = Object.fromEntries(Object.entries(answer.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    const body = answer.text ?? (answer.json === undefined ? '' : JSON.stringify(answer.json));
    return { status: answer.status, header: (name) => headers[name.toLowerCase()], text: () => Promise.resolve(body) };
  }

  /** The JSON body of the n-th request. */
  public jsonBody(index: number): unknown {
    const body = this.requests[index]?.body;
    if (typeof body !== 'string') throw new Error(`Request ${index} has no text body.`);
    return JSON.parse(body);
  }
}

/**
 * Fault injection, so the product's retry and error handling can be exercised offline:
 * - header `X-Local-Fault: throttle` → 429 + Retry-After: 1; `throttle-once:<key>` → 429 for the first
 *   request carrying that key, then pass; `error` → 503 + Retry-After: 1; `slow` → 2 s delay;
 * - a queue of one-shot rules (`POST /_local/faults`), matched by method and path fragment;
 * - whole-server chaos from env `LOCAL_TENANT_FAULTS`, e.g. `throttle:0.1` or `throttle:0.1,error:0.05`.
 * SharePoint and Graph throttle with 429 or 503 and a Retry-After in seconds:
 * https://learn.microsoft.com/en-us/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online
 * https://learn.microsoft.com/en-us/graph/throttling
 */
import { HttpError, badRequest, type LtRequest } from './http';

/** A queued fault rule. */
export interface FaultRule {
  readonly method?: string;
  readonly pathContains?: string;
  readonly status: number;
  /** How many matching requests fail (default 1). */
  times: number;
  readonly retryAfterSeconds?: number;
}

/** Chaos settings parsed from LOCAL_TENANT_FAULTS. */
export interface ChaosSettings {
  readonly throttle: number;
  readonly error: number;
}

/** Parses `throttle:0.1,error:0.05`; bad input is an error at start-up, not silently ignored. */
export function parseChaos(spec: string | undefined): ChaosSettings {
  const settings = { throttle: 0, error: 0 };
  if (!spec || spec.trim() === '') return settings;
  for (const part of spec.split(',')) {
    const match = /^\s*(throttle|error):(0(\.\d+)?|1(\.0+)?)\s*$/.exec(part);
    if (!match) throw new Error(`LOCAL_TENANT_FAULTS: '${part}' is not valid (expected e.g. "throttle:0.1,error:0.05").`);
    settings[match[1] as 'throttle' | 'error'] = Number(match[2]);
  }
  return settings;
}

/** What the fault layer decided for one request. */
export type FaultDecision = { readonly kind: 'pass' } | { readonly kind: 'delay'; readonly ms: number } | { readonly kind: 'fail'; readonly error: HttpError };

function throttled(retryAfter = 1): HttpError {
  return new HttpError(429, 'The request has been throttled by the local tenant (fault injection).', '-2147024860, Microsoft.SharePoint.SPRequestThrottledException', 'TooManyRequests', { 'retry-after': String(retryAfter) });
}

function unavailable(retryAfter = 1): HttpError {
  return new HttpError(503, 'The service is temporarily unavailable (fault injection).', '-1, Microsoft.SharePoint.SPException', 'serviceNotAvailable', { 'retry-after': String(retryAfter) });
}

/** Holds the fault state of one server. */
export class FaultInjector {
  private readonly rules: FaultRule[] = [];
  private readonly usedOnceKeys = new Set<string>();

  constructor(private readonly chaos: ChaosSettings, private readonly random: () => number = Math.random, readonly slowMs = 2000) {}

  /** Queues a rule (test hook). */
  enqueue(rule: Partial<FaultRule> & { status?: unknown }): FaultRule {
    const status = Number(rule.status);
    if (![429, 500, 503, 504].includes(status)) throw badRequest('A fault rule needs "status" 429, 500, 503 or 504.');
    const times = rule.times === undefined ? 1 : Number(rule.times);
    if (!Number.isInteger(times) || times < 1 || times > 1000) throw badRequest('"times" must be an integer from 1 to 1000.');
    const queued: FaultRule = {
      method: typeof rule.method === 'string' ? rule.method.toUpperCase() : undefined,
      pathContains: typeof rule.pathContains === 'string' ? rule.pathContains : undefined,
      status,
      times,
      retryAfterSeconds: rule.retryAfterSeconds === undefined ? 1 : Number(rule.retryAfterSeconds)
    };
    this.rules.push(queued);
    return queued;
  }

  /** Forgets queued rules and used once-keys. */
  clear(): void {
    this.rules.length = 0;
    this.usedOnceKeys.clear();
  }

  /** Number of rules still armed. */
  get pending(): number {
    return this.rules.length;
  }

  /** Decides for one request; `effectiveMethod` includes X-HTTP-Method tunnelling. */
  decide(request: LtRequest, effectiveMethod: string, applyHeaderAndChaos: boolean): FaultDecision {
    // Case-insensitive: clients differ in casing (getByTitle vs getbytitle), SharePoint does not care.
    const path = `${decodeSafe(request.url.pathname)}${decodeSafe(request.url.search)}`.toLowerCase();
    const index = this.rules.findIndex((r) => (!r.method || r.method === effectiveMethod.toUpperCase()) && (!r.pathContains || path.includes(r.pathContains.toLowerCase())));
    if (index >= 0) {
      const rule = this.rules[index];
      rule.times -= 1;
      if (rule.times <= 0) this.rules.splice(index, 1);
      const error = rule.status === 429 ? throttled(rule.retryAfterSeconds) : rule.status === 503 ? unavailable(rule.retryAfterSeconds) : new HttpError(rule.status, 'Injected server error (fault injection).', '-1, Microsoft.SharePoint.SPException', 'generalException', rule.retryAfterSeconds ? { 'retry-after': String(rule.retryAfterSeconds) } : {});
      return { kind: 'fail', error };
    }
    if (!applyHeaderAndChaos) return { kind: 'pass' };
    const header = request.headers.get('x-local-fault')?.trim();
    if (header) {
      if (header === 'throttle') return { kind: 'fail', error: throttled() };
      if (header === 'error') return { kind: 'fail', error: unavailable() };
      if (header === 'slow') return { kind: 'delay', ms: this.slowMs };
      const once = /^throttle-once:(.+)$/.exec(header);
      if (once) {
        if (this.usedOnceKeys.has(once[1])) return { kind: 'pass' };
        this.usedOnceKeys.add(once[1]);
        return { kind: 'fail', error: throttled() };
      }
      return { kind: 'fail', error: badRequest(`X-Local-Fault '${header}' is not known (use throttle, throttle-once:<key>, error or slow).`) };
    }
    const roll = this.random();
    if (roll < this.chaos.throttle) return { kind: 'fail', error: throttled() };
    if (roll < this.chaos.throttle + this.chaos.error) return { kind: 'fail', error: unavailable() };
    return { kind: 'pass' };
  }
}

function decodeSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

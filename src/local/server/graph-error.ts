/**
 * Graph error responses: `{"error":{"code","message","innerError":{date,request-id}}}`.
 * Reference: https://learn.microsoft.com/en-us/graph/errors
 */
import { randomUUID } from 'node:crypto';
import { graphErrorBody } from '../odata/errors';
import type { HttpError, LtResponse } from './http';

/** The Graph-shaped response for an error. */
export function graphErrorResponse(error: HttpError): LtResponse {
  const requestId = randomUUID();
  return {
    status: error.status,
    headers: { 'content-type': 'application/json;charset=utf-8', 'request-id': requestId, ...error.headers },
    body: JSON.stringify(graphErrorBody(error.graphCode, error.message, requestId, new Date().toISOString().replace(/\.\d{3}Z$/, '')))
  };
}

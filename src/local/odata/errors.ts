/**
 * Error bodies in the shapes SharePoint REST and Graph return.
 * SharePoint: `{"odata.error":{"code":"…","message":{"lang":"en-US","value":"…"}}}` (verbose: `{"error":{…}}`).
 * Graph: `{"error":{"code":"…","message":"…","innerError":{…}}}`
 * (https://learn.microsoft.com/en-us/graph/errors).
 */
import type { Flavour } from './format';

/** SharePoint's error body for a flavour. */
export function sharePointErrorBody(flavour: Flavour, code: string, message: string): unknown {
  const error = { code, message: { lang: 'en-US', value: message } };
  return flavour === 'verbose' ? { error } : { 'odata.error': error };
}

/** Graph's error body. */
export function graphErrorBody(code: string, message: string, requestId: string, date: string): unknown {
  return { error: { code, message, innerError: { date, 'request-id': requestId, 'client-request-id': requestId } } };
}

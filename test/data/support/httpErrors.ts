/** A PnPjs `HttpRequestError` (status + message) without importing PnPjs in the assertion. */
export function isHttpRequestErrorLike(error: unknown): error is Error & { status: number } {
  return error instanceof Error && typeof (error as { status?: unknown }).status === 'number';
}

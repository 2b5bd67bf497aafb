/**
 * Errors the store raises for bad input or missing objects. The HTTP layer maps them to the
 * status codes and error shapes of SharePoint and Graph.
 */

/** Why a store operation failed. */
export type StoreErrorKind = 'notFound' | 'invalid' | 'conflict' | 'forbidden' | 'preconditionFailed' | 'throttled';

/** A failure with a SharePoint-style code (used verbatim in `odata.error.code`). */
export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    /** SharePoint error code, e.g. `-2147024860, Microsoft.SharePoint.SPQueryThrottledException`. */
    readonly spCode: string = defaultCodes[kind]
  ) {
    super(message);
  }
}

const defaultCodes: Record<StoreErrorKind, string> = {
  notFound: '-1, System.ArgumentException',
  invalid: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
  conflict: '-2130575342, Microsoft.SharePoint.SPException',
  forbidden: '-2147024891, System.UnauthorizedAccessException',
  preconditionFailed: '-1, Microsoft.SharePoint.Client.ClientServiceException',
  throttled: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException'
};

/** The message SharePoint Online gives for the list view threshold. */
export const thresholdMessage =
  'The attempted operation is prohibited because it exceeds the list view threshold.';

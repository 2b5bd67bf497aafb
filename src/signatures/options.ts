import type { IsoDateTime } from '../domain/types';

/** What a verifier needs besides the file. */
export interface VerifyOptions {
  /** DER certificates a chain must end at (the Belgian eID roots in production, a test root in tests). */
  readonly trustAnchors: readonly Uint8Array[];
  /**
   * The verification time asked for (`--at`): used as the report's `verifiedAt` and as the signing
   * time of a signature that claims none. Without it, `now`.
   */
  readonly at?: IsoDateTime;
  /** The current time (the caller's clock, so that tests pin it). */
  readonly now: IsoDateTime;
  /**
   * Certificates a path may pass through without being trusted themselves: the eID's Citizen CAs,
   * which Word leaves out of a signature (it carries only the signer's certificate). A path still has
   * to end at an anchor.
   */
  readonly intermediates?: readonly Uint8Array[];
}

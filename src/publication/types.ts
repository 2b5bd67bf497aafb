import type { IsoDate, IsoDateTime, SimplifiedReason } from '../domain/types';

/**
 * The public register of published protocols and addenda (step 5): only what the VSA publishes on
 * its website. No contact persons, signatories or e-mail addresses: the institution is a legal entity.
 */

/** Fields a protocol and an addendum share. */
export interface PublishedAgreement {
  /** `PROT-2026-001` or `PROT-2026-001/A1`. */
  readonly number: string;
  readonly institution: string;
  readonly projectTitle: string;
  readonly purposes: readonly string[];
  readonly surveys: readonly string[];
  readonly countersignedOn?: IsoDate;
  readonly publishedOn: IsoDate;
  /** End date this agreement sets (protocol: its end; extension addendum: the new end). */
  readonly endDate?: IsoDate;
  /** Absolute or site-relative URL of the publication PDF; absent when no file is known. */
  readonly publicationUrl?: string;
}

/** A published addendum, listed under its protocol. */
export interface PublishedAddendum extends PublishedAgreement {
  readonly reasons: readonly SimplifiedReason[];
}

/**
 * A protocol with its published addenda. `published` is false when only addenda of the protocol are
 * in the register (a protocol from before the system): then the protocol's own fields are absent.
 */
export type PublishedProtocol =
  | (PublishedAgreement & { readonly published: true; readonly effectiveEndDate?: IsoDate; readonly addenda: readonly PublishedAddendum[] })
  | { readonly published: false; readonly number: string; readonly effectiveEndDate?: IsoDate; readonly addenda: readonly PublishedAddendum[] };

/** The whole register, newest protocol first. */
export interface PublicRegister {
  readonly generatedAt: IsoDateTime;
  readonly protocols: readonly PublishedProtocol[];
}

import type { ConditionCategory, ConditionOwner } from '../domain/advice';
import type { IsoDate, IsoDateTime, ResearchType, SimplifiedReason } from '../domain/types';

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
  /** Survey waves (canonical catalog ids, e.g. `SV-bevraging 2023-1`) as the forms state them. */
  readonly surveys: readonly string[];
  readonly researchType?: ResearchType;
  readonly countersignedOn?: IsoDate;
  readonly publishedOn: IsoDate;
  /** End date this agreement sets (protocol: its end; extension addendum: the new end). */
  readonly endDate?: IsoDate;
  /** Absolute or site-relative URL of the publication PDF; absent when no file is known. */
  readonly publicationUrl?: string;
  /**
   * The conditions of the approval that name no one (`publicConditions`, schema 1.2); empty when the
   * approval has none. Conditions marked personal never appear, nor whether a condition was met.
   */
  readonly publicConditions: readonly PublishedCondition[];
  /**
   * Lifecycle (issue 16, schema 1.3): the date the Chief Statistician revoked the protocol; an addendum
   * carries its protocol's. Absent while in force.
   */
  readonly revokedOn?: IsoDate;
}

/** A condition of the approval as the register shows it. */
export interface PublishedCondition {
  readonly text: string;
  readonly category: ConditionCategory;
  /** Who has to meet it: the receiving institution or the VSA. */
  readonly owner: ConditionOwner;
  readonly dueDate?: IsoDate;
}

/** The institution as a legal entity: name and enterprise number (both public in the KBO). */
export interface PublishedInstitution {
  readonly name: string;
  readonly enterpriseNumber?: string;
}

/** The instrument (`PROT-…` or `PROT-…/A<n>`) that brought an item of the scope, and its countersignature date. */
export interface PublishedInstrument {
  readonly instrument: string;
  readonly since?: IsoDate;
}

/**
 * The scope in force of a protocol after its published addenda (the domain's `protocolScope`): each
 * item with the instrument that brought it. Variable names only: the justifications stay out.
 */
export interface PublishedScope {
  readonly variables: readonly (PublishedInstrument & { readonly name: string })[];
  readonly purposes: readonly (PublishedInstrument & { readonly text: string; readonly extends?: readonly string[] })[];
  readonly surveys: readonly (PublishedInstrument & { readonly wave: string })[];
  readonly institution?: PublishedInstitution & PublishedInstrument;
  readonly endDate?: PublishedInstrument & { readonly endDate: IsoDate };
}

/** What an addendum changed; `from` is absent when the register does not hold the value before it. */
export interface PublishedChanges {
  readonly addedVariables: readonly string[];
  readonly addedPurposes: readonly string[];
  readonly addedSurveys: readonly string[];
  readonly endDate?: { readonly from?: IsoDate; readonly to: IsoDate };
  readonly institution?: { readonly from?: PublishedInstitution; readonly to: PublishedInstitution };
}

/** A published addendum, listed under its protocol. */
export interface PublishedAddendum extends PublishedAgreement {
  readonly reasons: readonly SimplifiedReason[];
  readonly changes: PublishedChanges;
}

/**
 * A protocol with its published addenda. `published` is false when only addenda of the protocol are
 * in the register (a protocol from before the system): then the protocol's own fields are absent.
 */
export type PublishedProtocol =
  | (PublishedAgreement & { readonly published: true; readonly effectiveEndDate?: IsoDate; readonly scope: PublishedScope; readonly addenda: readonly PublishedAddendum[] })
  | { readonly published: false; readonly number: string; readonly effectiveEndDate?: IsoDate; readonly revokedOn?: IsoDate; readonly addenda: readonly PublishedAddendum[] };

/** The whole register, newest protocol first. */
export interface PublicRegister {
  readonly generatedAt: IsoDateTime;
  readonly protocols: readonly PublishedProtocol[];
}

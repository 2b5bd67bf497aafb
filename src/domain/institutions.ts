/**
 * The institution register (SharePoint list `Instellingen`): who an institution is, who may sign for
 * it and when, who holds a mandate, and its DPO. Reference data maintained by the DPO team; step 1's
 * eligibility and step 4's signer matching read it. Types only here; the rules that read them sit
 * beside them in the domain (`institutionRules.ts`, `signerMatching.ts`).
 */
import type { IsoDate, IsoDateTime } from './types';

/** Institution type of the register (the forms' `aanvrager.type` maps onto it). */
export type InstitutionKind = 'overheidsdienst' | 'onderzoeksinstelling' | 'andere';

/** The capacities in which a person signs for an institution by their own authority. */
export type AuthorisedCapacity = 'verwerkingsverantwoordelijke' | 'wettelijk vertegenwoordiger';

/** A person who may sign for the institution by their own authority, in a period. */
export interface AuthorisedSignatory {
  readonly name: string;
  readonly capacity: AuthorisedCapacity;
  readonly validFrom: IsoDate;
  /** Inclusive; open-ended when absent. */
  readonly validTo?: IsoDate;
}

/** A person mandated to sign for the institution, with the mandate document. */
export interface InstitutionMandate {
  readonly mandatedPerson: string;
  /** File name of the mandate document in the institution's folder (or a dossier's document id). */
  readonly documentFileName?: string;
  /** What the mandate covers, as written (e.g. "protocollen met Statistiek Vlaanderen"). */
  readonly scope: string;
  readonly validFrom: IsoDate;
  readonly validTo?: IsoDate;
}

/** An institution of the register. */
export interface Institution {
  /** Stable id (the list item id as text, or a slug in tests). */
  readonly id: string;
  readonly name: string;
  /** Belgian enterprise number, 10 digits without separators (`0123456749`). */
  readonly enterpriseNumber: string;
  readonly kind: InstitutionKind;
  readonly signatories: readonly AuthorisedSignatory[];
  readonly mandates: readonly InstitutionMandate[];
  readonly dpo?: { readonly name: string; readonly email: string };
  /** Last change, for the history and for optimistic concurrency. */
  readonly modified?: IsoDateTime;
  readonly modifiedBy?: string;
  /** Concurrency token (list item etag / version). */
  readonly revision?: string;
}

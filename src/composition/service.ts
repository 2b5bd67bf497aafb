/**
 * The trusted command service's ports on SharePoint and Graph, the same for Azure Functions
 * (`functions.ts`) and the local tenant (`localService.ts`): the data layer every PnPjs host uses (its
 * `CommandService` with the messaging reaction), the caller's roles read with the service's identity,
 * the PDF conversion, and the token verifier the host gives.
 */
import type { SPFI } from '@pnp/sp';
import type { ServiceDeps } from '../app/service';
import { loadFormsEngine } from '../app/formsEngine';
import type { InstitutionDirectory, SignatureVerifier } from '../app/signatureVerification';
import type { AccessTokenVerifier } from '../data/auth/caller';
import type { GraphApi } from '../data/graph/notifier';
import { GraphPdfConverter } from '../data/mail/graphPdfConverter';
import type { NumberIssuer } from '../data/ports';
import type { MessagingConfig } from '../data/reactions';
import { cachedCallerRoles } from '../data/auth/cachedCallerRoles';
import { SharePointCallerRoles } from '../data/sharepoint/callerRoles';
import { SharePointNumberIssuer } from '../data/sharepoint/numberIssuer';
import type { IsoDateTime } from '../domain/types';
import { createSharePointDataLayer } from './dataLayer';
import type { MakePublicationVersion } from '../data/mail/ports';

/** What a host gives the service: its PnPjs root and Graph client (with the service's identity), and the rest. */
export interface ServiceComposition {
  /** PnPjs on the site, authenticated as the service's app (app-only). */
  readonly sp: SPFI;
  /** Graph with the service's app identity (mail, notifications, PDF conversion). */
  readonly graph: GraphApi;
  /** Absolute URL of the site (the PDF conversion addresses the library through it). */
  readonly siteUrl: string;
  readonly verifier: AccessTokenVerifier;
  /**
   * The countersignature numbers. Default: the `Nummering` counter updated with If-Match
   * (`SharePointNumberIssuer`), so two countersignatures at once never share a number.
   */
  readonly numbers?: NumberIssuer;
  readonly clock?: () => IsoDateTime;
  /** Mail and Teams notifications after transitions (the reaction the register attaches today). */
  readonly messaging?: MessagingConfig;
  /**
   * Logins of the writers replay trusts: the service's own app principal (`appPrincipalLogin(appId,
   * tenantId)`). Events written by anyone else (and not by their own actor) are refused.
   */
  readonly trustedWriters?: readonly string[];
  /** Largest upload in bytes; default 100 MB. */
  readonly maxUploadBytes?: number;
  /** The publication version of a signed PDF or .docx (`makePublicationVersion` of `src/signatures/publication`). */
  readonly makePublicationVersion?: MakePublicationVersion;
  /** The VSA signatories whose signature countersigns (setting `VSA_COUNTERSIGNATORIES`); default the Chief Statistician who countersigns. */
  readonly vsaSignatories?: readonly string[];
  /**
   * Verifies the electronic signatures of signed documents and countersigned originals when they are
   * registered (`nodeSignatureVerifier` of `signatureVerifier.ts`). Absent: signed documents are
   * registered without a report, and a countersignature is refused as not verified.
   */
  readonly signatureVerifier?: SignatureVerifier;
  /**
   * Verifies countersigned originals only, when that is not `signatureVerifier` (the local tenant's
   * tests, whose signed forms carry typed names only). A deployment leaves it out.
   */
  readonly countersignatureVerifier?: SignatureVerifier;
  /** The institution register the signers are matched against; default the site's `Instellingen` list. */
  readonly institutions?: InstitutionDirectory;
}



/** The handlers' dependencies on the given identity and clients. */
export function composeService(options: ServiceComposition): ServiceDeps {
  const clock = options.clock ?? ((): IsoDateTime => new Date().toISOString());
  const data = createSharePointDataLayer(options.sp, {
    webServerRelativeUrl: new URL(options.siteUrl).pathname.replace(/\/$/, ''),
    graph: options.graph,
    clock,
    messaging: options.messaging,
    trustedWriters: options.trustedWriters,
    projectFindings: true,
    vsaSignatories: options.vsaSignatories,
    ...(options.institutions ? { institutions: options.institutions } : { useInstitutionRegister: true })
  });
  // Signers are matched against the site's `Instellingen` list unless the host gives another register.
  const institutions = options.institutions ?? data.institutions;
  return {
    verifier: options.verifier,
    trusted: {
      commands: data.commands,
      roles: cachedCallerRoles(new SharePointCallerRoles(options.sp)),
      numbers: options.numbers ?? new SharePointNumberIssuer(options.sp, data.dossiers),
      parentProtocols: data.lookups,
      clock,
      documents: data.documents,
      checkColumns: data.documentColumns,
      loadFormsEngine,
      today: () => clock().slice(0, 10),
      codebooks: data.codebooks,
      restrictedNotes: data.restrictedNotes,
      protocolRows: (protocolNumber: string) => data.dossiers.rowsByProtocolNumber(protocolNumber),
      converter: new GraphPdfConverter(options.graph, { siteUrl: options.siteUrl }),
      ...(options.signatureVerifier ? { signatures: options.signatureVerifier } : {}),
      ...(options.countersignatureVerifier ? { countersignatures: options.countersignatureVerifier } : {}),
      ...(options.makePublicationVersion ? { makePublicationVersion: options.makePublicationVersion } : {}),
      institutions
    },
    ...(options.maxUploadBytes !== undefined ? { maxUploadBytes: options.maxUploadBytes } : {})
  };
}

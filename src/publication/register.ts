import { protocolChains } from '../domain/chain';
import { parseProtocolNumber } from '../domain/numbering';
import type { Dossier, StateId } from '../domain/types';
import type { PublicRegister, PublishedAddendum, PublishedAgreement, PublishedProtocol } from './types';

/** States in which a dossier's protocol or addendum is on the public register. */
export const publicStates: readonly StateId[] = ['published', 'delivered'];

/** Options of `buildPublicRegister`. */
export interface RegisterOptions {
  readonly generatedAt: string;
  /**
   * The public URL of a dossier's publication PDF. Default: `publicationBaseUrl` + `publicPdfFileName`, or no
   * link when neither is known.
   */
  readonly publicationUrlOf?: (dossier: Dossier, fileName: string | undefined) => string | undefined;
  /** e.g. `https://www.vlaanderen.be/statistiek-vlaanderen/protocollen/`; files named by `publicPdfFileName`. */
  readonly publicationBaseUrl?: string;
}

/**
 * The public name of a dossier's publication PDF: the dossier reference, then the stored name. Stored
 * names are unique only within a dossier (`protocol-ondertekend-publicatie.pdf` recurs), so without the
 * reference two protocols would share one public file and one of them would link to the other's PDF.
 */
export function publicPdfFileName(dossier: Pick<Dossier, 'reference'>, fileName: string): string {
  return `${dossier.reference}-${fileName}`;
}

const isPublic = (dossier: Dossier): boolean => publicStates.includes(dossier.state) && dossier.publication !== undefined;

function publicationFileName(dossier: Dossier): string | undefined {
  const id = dossier.publication?.publicationDocumentId;
  return dossier.documents.find((doc) => doc.id === id)?.fileName;
}

function urlOf(dossier: Dossier, options: RegisterOptions): string | undefined {
  const fileName = publicationFileName(dossier);
  if (options.publicationUrlOf) return options.publicationUrlOf(dossier, fileName);
  if (!options.publicationBaseUrl || !fileName) return undefined;
  const base = options.publicationBaseUrl.endsWith('/') ? options.publicationBaseUrl : `${options.publicationBaseUrl}/`;
  return `${base}${encodeURIComponent(publicPdfFileName(dossier, fileName))}`;
}

function agreement(dossier: Dossier, number: string, options: RegisterOptions): PublishedAgreement {
  const url = urlOf(dossier, options);
  return {
    number,
    institution: dossier.requester.institution ?? '',
    projectTitle: dossier.project?.title ?? dossier.subject,
    purposes: [...(dossier.project?.purposes ?? [])],
    surveys: [...(dossier.requestedData?.surveys ?? [])],
    ...(dossier.countersignedAt ? { countersignedOn: dossier.countersignedAt.slice(0, 10) } : {}),
    publishedOn: (dossier.publication?.publishedAt ?? dossier.updatedAt).slice(0, 10),
    ...(dossier.protocolEndDate ? { endDate: dossier.protocolEndDate } : {}),
    ...(url ? { publicationUrl: url } : {})
  };
}

/** Protocol numbers sort by year, then sequence (numerically: `-1000` after `-999`); newest first. */
const byNumberDescending = (a: { number: string }, b: { number: string }): number => {
  const left = parseProtocolNumber(a.number);
  const right = parseProtocolNumber(b.number);
  if (!left || !right) return b.number.localeCompare(a.number);
  return right.year - left.year || right.sequence - left.sequence;
};

/**
 * The public register from the dossiers: every protocol and addendum whose dossier is published or
 * delivered, addenda under their protocol in number order. A withdrawn dossier leaves the register.
 */
export function buildPublicRegister(dossiers: readonly Dossier[], options: RegisterOptions): PublicRegister {
  const visible = dossiers.filter(isPublic);
  const protocols: PublishedProtocol[] = [];
  for (const chain of protocolChains(visible)) {
    // The chain holds only numbered addenda and already knows the effective end date.
    const addenda: PublishedAddendum[] = chain.addenda.map((dossier) => ({
      ...agreement(dossier, dossier.addendumNumber as string, options),
      reasons: [...dossier.simplifiedReasons]
    }));
    const protocolDossier = chain.protocol;
    const withEnd = chain.effectiveEndDate ? { effectiveEndDate: chain.effectiveEndDate } : {};
    if (protocolDossier) protocols.push({ ...agreement(protocolDossier, chain.protocolNumber, options), published: true, ...withEnd, addenda });
    else if (addenda.length > 0) protocols.push({ published: false, number: chain.protocolNumber, ...withEnd, addenda });
  }
  return { generatedAt: options.generatedAt, protocols: protocols.sort(byNumberDescending) };
}

/** Counts for the page header and the CLI's summary. */
export function registerCounts(register: PublicRegister): { protocols: number; addenda: number } {
  return {
    protocols: register.protocols.filter((p) => p.published).length,
    addenda: register.protocols.reduce((sum, p) => sum + p.addenda.length, 0)
  };
}

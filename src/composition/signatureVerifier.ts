/**
 * The signature verifier of the Node hosts (the trusted command service on Azure Functions and on the
 * local tenant, the CLI): `verifySignatures` of `src/signatures` with the trust anchors of
 * `config/trust/*.pem` (docs/decisions/signatures.md). The anchors are read on first use.
 *
 * The hosts pass `verifySignatures` through a lazy import: the PDF and CMS code loads only when a
 * signed document is registered.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signatureVerifierOf, type SignatureVerifier, type TrustMaterial, type VerifySignatures } from '../app/signatureVerification';
import { certificatesFromPem } from '../signatures/certificates';
import type { IsoDateTime } from '../domain/types';
import type { MakePublicationVersion } from '../data/mail/ports';

/** The folder of the shipped trust anchors, relative to the working directory of a host (the repository or the Functions app root). */
export const defaultTrustFolder = (): string => join(process.cwd(), 'config', 'trust');

/**
 * Every certificate of every `*.pem` file in `folder` (sorted by file name), as DER. A folder with no
 * certificate is an error: without anchors no signature could ever be trusted, which must not pass
 * silently as "untrusted" for every dossier.
 */
export async function readTrustAnchors(folder: string = defaultTrustFolder()): Promise<Uint8Array[]> {
  const names = (await readdir(folder)).filter((name) => name.toLowerCase().endsWith('.pem')).sort();
  const anchors: Uint8Array[] = [];
  for (const name of names) anchors.push(...certificatesFromPem(await readFile(join(folder, name), 'utf8')));
  if (anchors.length === 0) throw new Error(`No trust anchor (a CERTIFICATE block in a *.pem file) in ${folder}.`);
  return anchors;
}

/**
 * The anchors of `folder` and the intermediates of `folder/intermediates/*.pem` (optional: the eID's
 * Citizen CAs, which Word leaves out of a signature; they never anchor a path themselves).
 */
export async function readTrustMaterial(folder: string = defaultTrustFolder()): Promise<TrustMaterial> {
  const trustAnchors = await readTrustAnchors(folder);
  const intermediatesFolder = join(folder, 'intermediates');
  const names = await readdir(intermediatesFolder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const intermediates: Uint8Array[] = [];
  for (const name of names.filter((entry) => entry.toLowerCase().endsWith('.pem')).sort()) {
    intermediates.push(...certificatesFromPem(await readFile(join(intermediatesFolder, name), 'utf8')));
  }
  return { trustAnchors, intermediates };
}

/** `verifySignatures` of src/signatures, loaded on first use. */
export const lazyVerifySignatures: VerifySignatures = (bytes, fileName, options) =>
  import(/* webpackChunkName: 'signatures' */ '../signatures').then((module) => module.verifySignatures(bytes, fileName, options));

/** `makePublicationVersion` of src/signatures/publication, loaded on first use (pdf-lib only when a publication version is made). */
export const lazyMakePublicationVersion: MakePublicationVersion = (bytes, fileName) =>
  import(/* webpackChunkName: 'publication-version' */ '../signatures/publication').then((module) => module.makePublicationVersion(bytes, fileName));

/** Options of the Node verifier. */
export interface NodeSignatureVerifierOptions {
  /** Folder of the `*.pem` trust anchors; default `config/trust` under the working directory. */
  readonly trustFolder?: string;
  /** Anchors besides the folder's (the local tenant's demo root). */
  readonly extraAnchors?: readonly Uint8Array[];
  readonly clock?: () => IsoDateTime;
}

/** The `SignatureVerifier` port over `verify` with the anchors of the trust folder. */
export function nodeSignatureVerifier(verify: VerifySignatures = lazyVerifySignatures, options: NodeSignatureVerifierOptions = {}): SignatureVerifier {
  const clock = options.clock ?? ((): IsoDateTime => new Date().toISOString());
  const extra = options.extraAnchors ?? [];
  return signatureVerifierOf(
    verify,
    async () => {
      const material = await readTrustMaterial(options.trustFolder);
      return { ...material, trustAnchors: [...material.trustAnchors, ...extra] };
    },
    clock
  );
}

/**
 * The signature verifier of the Node hosts (the trusted command service on Azure Functions and on the
 * local tenant, the CLI): `verifySignatures` of `src/signatures` with the trust anchors of
 * `config/trust/*.pem` (docs/decisions/signatures.md). The anchors are read on first use.
 *
 * Wiring: `src/signatures/index.ts` (helpers "pdfsig"/"docxsig") was not on main when this was
 * written, so the verifier function is a parameter. Once it is, a host passes
 * `(bytes, fileName, options) => import('../signatures').then((m) => m.verifySignatures(bytes, fileName, options))`
 * (lazy: the PDF and CMS code loads only when a signed document is registered) to
 * `nodeSignatureVerifier` and the result as `signatureVerifier` to `composeService`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signatureVerifierOf, type SignatureVerifier, type VerifySignatures } from '../app/signatureVerification';
import { certificatesFromPem } from '../signatures/certificates';
import type { IsoDateTime } from '../domain/types';

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

/** Options of the Node verifier. */
export interface NodeSignatureVerifierOptions {
  /** Folder of the `*.pem` trust anchors; default `config/trust` under the working directory. */
  readonly trustFolder?: string;
  readonly clock?: () => IsoDateTime;
}

/** The `SignatureVerifier` port over `verify` with the anchors of the trust folder. */
export function nodeSignatureVerifier(verify: VerifySignatures, options: NodeSignatureVerifierOptions = {}): SignatureVerifier {
  const clock = options.clock ?? ((): IsoDateTime => new Date().toISOString());
  return signatureVerifierOf(verify, () => readTrustAnchors(options.trustFolder), clock);
}

/**
 * The port through which the trusted command service reads the electronic signatures of a stored
 * file: the verifier of `src/signatures` (with the trust anchors the host reads and the server's
 * clock) behind one call. The service computes the report that counts from the bytes it stored; a
 * client's report is never taken. (Same port as the signed-set work defines; the integrator keeps one.)
 */
import type { DocumentSignatureReport } from '../domain/signatures';
import type { IsoDateTime } from '../domain/types';

/** Verifies the signatures of one file. Bad input gives a report (`readable: false`), never a throw. */
export interface SignatureVerifier {
  /** `at`: judge validity at this time instead of each signature's own signing time. */
  verify(bytes: Uint8Array, fileName: string, at?: IsoDateTime): Promise<DocumentSignatureReport>;
}

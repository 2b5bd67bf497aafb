/**
 * A `SignatureVerifier` for tests that drive dossiers through the command service with typed-field
 * forms (no real signatures): a file whose name says it is countersigned ("ondertekend door beide
 * partijen", "medeondertekend", "protocol-ondertekend", `countersigned`) reports the requester's
 * signature followed by the Chief Statistician's; any other file reports no signature. The real
 * verifier is tested on really signed files in `test/signatures`.
 */
import type { SignatureVerifier } from '../../src/app/signatureVerification';
import { countersignedReport, report } from './countersignatureReports';

/** Names the fake reads as countersigned originals. */
export const countersignedNamePattern = /beide partijen|medeondertekend|countersigned|protocol-ondertekend|addendum-ondertekend/i;

/** The fake; `requester` and `vsa` name the signers of a countersigned file. */
export function fakeSignatureVerifier(options: { readonly requester?: string; readonly vsa?: string } = {}): SignatureVerifier & { readonly calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async verify(bytes: Uint8Array, fileName: string) {
      calls.push(fileName);
      return countersignedNamePattern.test(fileName)
        ? countersignedReport(fileName, options.requester ?? 'Rita Rector', options.vsa ?? 'Els Vermeulen')
        : report(fileName, []);
    }
  };
}

/**
 * The local tenant's demo PKI: one made-up root and Citizen-CA-like intermediate with committed keys
 * (`demoPkiData.ts`, made by scripts/make-demo-pki.ts), so that documents the seed signs today still verify after a restart and the
 * local command service can trust the demo root beside the real anchors of `config/trust`. Only the
 * local tenant trusts it; the names say "geen echte CA". Signer certificates are issued per run.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { demoPkiFrom, type DemoPki, type IssuedCertificate } from './demoPki';
import { demoPkiData as fixed } from './demoPkiData';

/** The committed form of one CA: its certificate and its PKCS#8 private key (ECDSA P-256). */
export interface StoredCa {
  readonly certificatePem: string;
  readonly privateKeyPkcs8: string;
}

const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text.replace(/-----[^-]+-----|\s+/g, '')), (char) => char.charCodeAt(0));
const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;

async function caOf(stored: StoredCa): Promise<IssuedCertificate> {
  const der = fromBase64(stored.certificatePem);
  const certificate = new pkijs.Certificate({ schema: asn1js.fromBER(der.slice().buffer).result });
  const spki = certificate.subjectPublicKeyInfo.toSchema().toBER(false);
  const [privateKey, publicKey] = await Promise.all([
    globalThis.crypto.subtle.importKey('pkcs8', fromBase64(stored.privateKeyPkcs8), EC, true, ['sign']),
    globalThis.crypto.subtle.importKey('spki', spki, EC, true, ['verify'])
  ]);
  return { certificate, der, pem: stored.certificatePem, privateKey, publicKey };
}

let loaded: Promise<{ root: IssuedCertificate; intermediate: IssuedCertificate }> | undefined;

/** The local demo PKI; signer certificates are valid around `now`. */
export async function localDemoPki(now: Date = new Date()): Promise<DemoPki> {
  loaded ??= Promise.all([caOf(fixed.root), caOf(fixed.intermediate)]).then(([root, intermediate]) => ({ root, intermediate }));
  const { root, intermediate } = await loaded;
  return demoPkiFrom(root, intermediate, now);
}

/** The demo root's DER: the local command service trusts it beside config/trust. */
export function localDemoRootDer(): Uint8Array {
  return fromBase64(fixed.root.certificatePem);
}

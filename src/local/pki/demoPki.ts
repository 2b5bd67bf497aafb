/**
 * A made-up public-key infrastructure for the demo tenant and the tests: a root, an intermediate and
 * signer certificates shaped like the Belgian eID's (qualified with QcCompliance + QcSSCD, " (Signature)"
 * suffix, surname and given name) or not qualified, valid or expired. Never a real person's
 * certificate; the keys live in memory only. PKI.js with WebCrypto, as the verifier uses.
 */
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from '../../signatures/certificates';

/** A certificate with its key pair. */
export interface IssuedCertificate {
  readonly certificate: pkijs.Certificate;
  readonly der: Uint8Array;
  readonly pem: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

/** Who a certificate names. */
export interface SubjectSpec {
  readonly commonName: string;
  readonly givenName?: string;
  readonly surname?: string;
  /** On an eID the national register number: tests put a fake one here to prove it never leaks. */
  readonly serialNumber?: string;
  readonly organization?: string;
  readonly country?: string;
}

/** What to issue. */
export interface CertificateSpec {
  readonly subject: SubjectSpec;
  /** The issuer; self-signed without. */
  readonly issuer?: IssuedCertificate;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly ca?: boolean;
  /** QcStatements: both QcCompliance and QcSSCD when true; none when false. */
  readonly qualified?: boolean;
  readonly policies?: readonly string[];
  readonly keyAlgorithm?: 'ECDSA' | 'RSA';
  readonly serial?: number;
}

let nextSerial = 4096;

async function generateKeys(algorithm: 'ECDSA' | 'RSA'): Promise<CryptoKeyPair> {
  const params =
    algorithm === 'RSA'
      ? { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }
      : { name: 'ECDSA', namedCurve: 'P-256' };
  return (await globalThis.crypto.subtle.generateKey(params, true, ['sign', 'verify'])) as CryptoKeyPair;
}

function nameOf(subject: SubjectSpec): pkijs.RelativeDistinguishedNames {
  const attribute = (type: string, value: string, printable = false): pkijs.AttributeTypeAndValue =>
    new pkijs.AttributeTypeAndValue({ type, value: printable ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }) });
  const values = [attribute(OID.country, subject.country ?? 'BE', true)];
  if (subject.organization) values.push(attribute(OID.organization, subject.organization));
  values.push(attribute(OID.commonName, subject.commonName));
  if (subject.surname) values.push(attribute(OID.surname, subject.surname));
  if (subject.givenName) values.push(attribute(OID.givenName, subject.givenName));
  if (subject.serialNumber) values.push(attribute(OID.serialNumber, subject.serialNumber, true));
  return new pkijs.RelativeDistinguishedNames({ typesAndValues: values });
}

function extension(extnID: string, value: asn1js.BaseBlock, critical = false): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

function qcStatements(): asn1js.Sequence {
  const statement = (...items: asn1js.BaseBlock[]): asn1js.Sequence => new asn1js.Sequence({ value: items });
  return new asn1js.Sequence({
    value: [
      statement(new asn1js.ObjectIdentifier({ value: OID.qcCompliance })),
      statement(new asn1js.ObjectIdentifier({ value: OID.qcSscd })),
      statement(new asn1js.ObjectIdentifier({ value: OID.qcType }), new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.qcTypeEsign })] }))
    ]
  });
}

const toPem = (der: Uint8Array): string => {
  const base64 = btoa(String.fromCharCode(...der));
  return `-----BEGIN CERTIFICATE-----\n${base64.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
};

/** Issues (signs) a certificate as the spec says. */
export async function issueCertificate(spec: CertificateSpec): Promise<IssuedCertificate> {
  const keys = await generateKeys(spec.keyAlgorithm ?? 'ECDSA');
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  const serial = spec.serial ?? (nextSerial += 1);
  certificate.serialNumber = new asn1js.Integer({ value: serial });
  certificate.subject = nameOf(spec.subject);
  certificate.issuer = spec.issuer ? spec.issuer.certificate.subject : certificate.subject;
  certificate.notBefore.value = spec.notBefore;
  certificate.notAfter.value = spec.notAfter;
  const extensions: pkijs.Extension[] = [];
  if (spec.ca) {
    extensions.push(extension('2.5.29.19', new pkijs.BasicConstraints({ cA: true }).toSchema(), true));
    // keyCertSign and cRLSign.
    extensions.push(extension('2.5.29.15', new asn1js.BitString({ valueHex: new Uint8Array([0x06]).buffer, unusedBits: 1 }), true));
  } else {
    // nonRepudiation (contentCommitment), as on the eID's signature certificate.
    extensions.push(extension('2.5.29.15', new asn1js.BitString({ valueHex: new Uint8Array([0x40]).buffer, unusedBits: 6 }), true));
  }
  if (spec.policies && spec.policies.length > 0) {
    const policies = new pkijs.CertificatePolicies({ certificatePolicies: spec.policies.map((policyIdentifier) => new pkijs.PolicyInformation({ policyIdentifier })) });
    extensions.push(extension(OID.certificatePolicies, policies.toSchema()));
  }
  if (spec.qualified) extensions.push(extension(OID.qcStatements, qcStatements()));
  certificate.extensions = extensions;
  await certificate.subjectPublicKeyInfo.importKey(keys.publicKey);
  await certificate.sign(spec.issuer?.privateKey ?? keys.privateKey, 'SHA-256');
  const der = new Uint8Array(certificate.toSchema(true).toBER(false));
  // Re-read from DER so that the object is what a verifier parses (parsed extensions included).
  const parsed = new pkijs.Certificate({ schema: asn1js.fromBER(der.buffer.slice(0)).result });
  return { certificate: parsed, der, pem: toPem(der), privateKey: keys.privateKey, publicKey: keys.publicKey };
}

/** The demo PKI: a root (the trust anchor), an intermediate, and issuers of signer certificates. */
export interface DemoPki {
  readonly root: IssuedCertificate;
  readonly intermediate: IssuedCertificate;
  /** A qualified eID-like signature certificate for the person, valid around `now`. */
  person(
    givenName: string,
    surname: string,
    options?: { readonly qualified?: boolean; readonly notBefore?: Date; readonly notAfter?: Date; readonly nationalNumber?: string; readonly keyAlgorithm?: 'ECDSA' | 'RSA' }
  ): Promise<IssuedCertificate>;
}

const YEAR = 365 * 24 * 3600 * 1000;

/** A demo PKI over a given root and intermediate: `person` issues eID-like certificates below the intermediate. */
export function demoPkiFrom(root: IssuedCertificate, intermediate: IssuedCertificate, now: Date): DemoPki {
  return {
    root,
    intermediate,
    person: (givenName, surname, options = {}) =>
      issueCertificate({
        subject: { commonName: `${givenName} ${surname} (Signature)`, givenName, surname, ...(options.nationalNumber ? { serialNumber: options.nationalNumber } : {}) },
        issuer: intermediate,
        notBefore: options.notBefore ?? new Date(now.getTime() - YEAR),
        notAfter: options.notAfter ?? new Date(now.getTime() + 4 * YEAR),
        qualified: options.qualified ?? true,
        policies: options.qualified === false ? [] : ['0.4.0.194112.1.2'],
        keyAlgorithm: options.keyAlgorithm
      })
  };
}

/** A fresh demo PKI, valid for ten years around `now`. Keys differ on every call. */
export async function createDemoPki(now: Date = new Date()): Promise<DemoPki> {
  const notBefore = new Date(now.getTime() - 5 * YEAR);
  const notAfter = new Date(now.getTime() + 5 * YEAR);
  const root = await issueCertificate({ subject: { commonName: 'Demo eID Root CA (geen echte CA)', organization: 'Microdata Dossiers demo' }, notBefore, notAfter, ca: true });
  const intermediate = await issueCertificate({
    subject: { commonName: 'Demo Citizen CA (geen echte CA)', organization: 'Microdata Dossiers demo' },
    issuer: root,
    notBefore,
    notAfter,
    ca: true
  });
  return demoPkiFrom(root, intermediate, now);
}

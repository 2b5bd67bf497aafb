import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fillForm, generateTemplate, sampleValues } from '../../../src/forms';
import { createDemoPki, type DemoPki, type IssuedCertificate } from '../../../src/local/pki/demoPki';
import { signDocx, type SignDocxOptions } from '../../../src/local/pki/signDocx';
import { verifyDocxSignatures } from '../../../src/signatures/docx';
import type { DocumentSignatureReport, SignatureReport } from '../../../src/domain/signatures';
import { hasValidSignaturesOnly } from '../../../src/domain/signatures';

const now = new Date('2026-06-01T10:00:00Z');
const signedAt = new Date('2026-05-20T09:30:00Z');
const NOW = now.toISOString();

let pki: DemoPki;
let signer: IssuedCertificate;
let docx: Uint8Array;
let other: Uint8Array;

beforeAll(async () => {
  pki = await createDemoPki(now);
  signer = await pki.person('Anneleen', 'Van den Broeck', { nationalNumber: '85073100145' });
  docx = await fillForm(await generateTemplate('aanvraagformulier'), sampleValues('aanvraagformulier', { signed: true }));
  other = await fillForm(await generateTemplate('verklaringTOM'), sampleValues('verklaringTOM', { signed: true }));
});

const sign = (bytes: Uint8Array, options: Partial<SignDocxOptions> = {}): Promise<Uint8Array> =>
  signDocx(bytes, { signer, chain: [pki.intermediate], signingTime: signedAt, ...options });

const verify = (bytes: Uint8Array, anchors: readonly Uint8Array[] = [pki.root.der], at?: string): Promise<DocumentSignatureReport> =>
  verifyDocxSignatures(bytes, 'aanvraag.docx', { trustAnchors: anchors, now: NOW, ...(at ? { at } : {}) });

/** Rewrites parts of a zip (fflate, as the repository's tests edit .docx files). */
function edit(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  return zipSync(files);
}

const codes = (signature: SignatureReport): string[] => signature.problems.map((problem) => problem.code);

describe('verifyDocxSignatures: a .docx signed as Word signs it', () => {
  it('reports a valid, qualified signature with the signer, the chain and the claimed signing time', async () => {
    const report = await verify(await sign(docx));
    expect(report).toMatchObject({ fileName: 'aanvraag.docx', format: 'docx', readable: true, revisions: 1, verifiedAt: NOW });
    expect(report.trustAnchors).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(report.signatures).toHaveLength(1);
    const [signature] = report.signatures;
    expect(signature).toMatchObject({
      index: 0,
      format: 'xmldsig',
      fieldName: '_xmlsignatures/sig1.xml',
      integrity: 'ok',
      cryptographic: 'ok',
      chain: 'trusted',
      claimedSigningTime: signedAt.toISOString(),
      signingTime: signedAt.toISOString(),
      revocation: 'notChecked',
      signedRevision: 1,
      laterRevisions: [],
      modifiedAfterSigning: false,
      status: 'valid'
    });
    expect(signature.signer).toMatchObject({ commonName: 'Anneleen Van den Broeck', givenName: 'Anneleen', surname: 'Van den Broeck' });
    expect(signature.signer?.qualified.qualified).toBe(true);
    expect(signature.chainSubjects).toHaveLength(3);
    expect(signature.chainSubjects[2]).toContain('Demo eID Root CA');
    expect(signature.problems).toEqual([{ code: 'revocationNotChecked', severity: 'warning' }]);
    expect(JSON.stringify(report)).not.toContain('85073100145');
    expect(hasValidSignaturesOnly(report)).toBe(true);
  });

  it('writes the package parts Word writes: origin, relationships, content types, a manifest of the parts', async () => {
    const files = unzipSync(await sign(docx));
    expect(files['_xmlsignatures/origin.sigs']).toHaveLength(0);
    expect(strFromU8(files['_rels/.rels'])).toContain('relationships/digital-signature/origin" Target="_xmlsignatures/origin.sigs"');
    expect(strFromU8(files['_xmlsignatures/_rels/origin.sigs.rels'])).toContain('relationships/digital-signature/signature" Target="sig1.xml"');
    const types = strFromU8(files['[Content_Types].xml']);
    expect(types).toContain('<Default Extension="sigs" ContentType="application/vnd.openxmlformats-package.digital-signature-origin"/>');
    expect(types).toContain('<Override PartName="/_xmlsignatures/sig1.xml" ContentType="application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml"/>');
    const xml = strFromU8(files['_xmlsignatures/sig1.xml']);
    expect(xml).toContain('<Reference URI="/word/document.xml?ContentType=application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml">');
    expect(xml).toMatch(/<Reference URI="\/_rels\/\.rels\?ContentType=application\/vnd\.openxmlformats-package\.relationships\+xml"><Transforms><Transform Algorithm="http:\/\/schemas\.openxmlformats\.org\/package\/2006\/RelationshipTransform"><mdssi:RelationshipReference SourceId="rId\d+"\/>/);
    expect(xml).not.toContain('docProps/core.xml?');
  });

  it('verifies an RSA (rsa-sha256) signature, an Office 2007-style rsa-sha1 one and a pretty-printed one', async () => {
    const rsa = await pki.person('Jonas', 'Peeters', { keyAlgorithm: 'RSA' });
    for (const options of [{ signer: rsa }, { signer: rsa, digest: 'SHA-1' as const }, { layout: 'pretty' as const }]) {
      const report = await verify(await sign(docx, options));
      expect(report.signatures[0]).toMatchObject({ integrity: 'ok', cryptographic: 'ok', status: 'valid' });
    }
  });

  it('verifies two signatures, the second added after the first without modifying what the first signed', async () => {
    const second = await pki.person('Pieter', 'Janssens');
    const twice = await sign(await sign(docx), { signer: second, signingTime: new Date('2026-05-21T08:00:00Z') });
    const report = await verify(twice);
    expect(report.signatures.map((signature) => [signature.fieldName, signature.signer?.commonName, signature.status, signature.modifiedAfterSigning])).toEqual([
      ['_xmlsignatures/sig1.xml', 'Anneleen Van den Broeck', 'valid', false],
      ['_xmlsignatures/sig2.xml', 'Pieter Janssens', 'valid', false]
    ]);
  });

  it('reports an untrusted root as indeterminate (intact but not anchored)', async () => {
    const stranger = await createDemoPki(now);
    // The signature carries its whole chain up to its own root, which is not an anchor here.
    const report = await verify(await sign(docx, { chain: [pki.intermediate, pki.root] }), [stranger.root.der]);
    expect(report.signatures[0]).toMatchObject({ integrity: 'ok', cryptographic: 'ok', chain: 'untrusted', status: 'indeterminate' });
    expect(codes(report.signatures[0])).toContain('chainUntrusted');
    expect(hasValidSignaturesOnly(report)).toBe(false);
  });

  it('reports a missing intermediate as an incomplete chain', async () => {
    const report = await verify(await sign(docx, { chain: [] }));
    expect(report.signatures[0]).toMatchObject({ chain: 'incomplete', status: 'indeterminate' });
  });

  it('warns for a certificate that is not qualified, and stays valid', async () => {
    const plain = await pki.person('Jonas', 'Peeters', { qualified: false });
    const report = await verify(await sign(docx, { signer: plain }));
    expect(report.signatures[0].status).toBe('valid');
    expect(report.signatures[0].signer?.qualified.qualified).toBe(false);
    expect(report.signatures[0].problems).toContainEqual({ code: 'notQualified', severity: 'warning' });
  });

  it('reports a certificate expired at the signing time as indeterminate', async () => {
    const expired = await pki.person('Oud', 'Certificaat', { notBefore: new Date('2020-01-01T00:00:00Z'), notAfter: new Date('2025-01-01T00:00:00Z') });
    const report = await verify(await sign(docx, { signer: expired }));
    expect(report.signatures[0]).toMatchObject({ integrity: 'ok', cryptographic: 'ok', status: 'indeterminate' });
    expect(codes(report.signatures[0])).toContain('certificateNotValidAtSigning');
  });

  it('reports the requested time as verifiedAt and judges the certificate at the signed signing time', async () => {
    const report = await verify(await sign(docx), [pki.root.der], '2040-01-01T00:00:00.000Z');
    expect(report.verifiedAt).toBe('2040-01-01T00:00:00.000Z');
    expect(report.signatures[0]).toMatchObject({ signingTime: signedAt.toISOString(), status: 'valid' });
  });
});

describe('verifyDocxSignatures: what changed after signing', () => {
  it('fails integrity when word/document.xml was changed after signing', async () => {
    const changed = edit(await sign(docx), (files) => {
      files['word/document.xml'] = strToU8(strFromU8(files['word/document.xml']).replace('</w:body>', '<w:p><w:r><w:t>Toegevoegd</w:t></w:r></w:p></w:body>'));
    });
    const [signature] = (await verify(changed)).signatures;
    expect(signature).toMatchObject({ integrity: 'failed', cryptographic: 'ok', status: 'invalid' });
    expect(signature.problems).toContainEqual({ code: 'digestMismatch', severity: 'blocking', params: { reference: 'word/document.xml', reason: 'digest' } });
  });

  it('reports a part added after signing, and a relationship to it, as a modification', async () => {
    const added = edit(await sign(docx), (files) => {
      files['word/media/extra.png'] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
      files['word/_rels/document.xml.rels'] = strToU8(
        strFromU8(files['word/_rels/document.xml.rels']).replace(
          '</Relationships>',
          '<Relationship Id="rId900" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/extra.png"/></Relationships>'
        )
      );
      files['[Content_Types].xml'] = strToU8(strFromU8(files['[Content_Types].xml']).replace('</Types>', '<Default Extension="png" ContentType="image/png"/></Types>'));
    });
    const [signature] = (await verify(added)).signatures;
    expect(signature).toMatchObject({ integrity: 'ok', cryptographic: 'ok', modifiedAfterSigning: true, status: 'invalid' });
    expect(signature.problems).toContainEqual({ code: 'modifiedAfterSigning', severity: 'blocking', params: { part: 'word/media/extra.png', change: 'partNotSigned' } });
    expect(signature.problems).toContainEqual({
      code: 'modifiedAfterSigning',
      severity: 'blocking',
      params: { part: 'word/_rels/document.xml.rels', change: 'relationshipAdded', relationship: 'rId900' }
    });
  });

  it('accepts a change of the document metadata Office does not sign (docProps/core.xml)', async () => {
    const signed = await sign(docx);
    expect(unzipSync(signed)['docProps/core.xml']).toBeDefined();
    const changed = edit(signed, (parts) => {
      parts['docProps/core.xml'] = strToU8(strFromU8(parts['docProps/core.xml']).replace(/<dc:title>[^<]*<\/dc:title>|<\/cp:coreProperties>/, (match) => (match.startsWith('<dc:title>') ? '<dc:title>Andere titel</dc:title>' : `<dc:title>Andere titel</dc:title>${match}`)));
    });
    expect((await verify(changed)).signatures[0]).toMatchObject({ status: 'valid', modifiedAfterSigning: false });
  });

  it('fails when the content type of a signed part was changed', async () => {
    const changed = edit(await sign(docx), (files) => {
      files['[Content_Types].xml'] = strToU8(
        strFromU8(files['[Content_Types].xml']).replace(
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
          'application/vnd.ms-word.document.macroEnabled.main+xml'
        )
      );
    });
    const [signature] = (await verify(changed)).signatures;
    expect(signature.status).toBe('invalid');
    expect(signature.problems).toContainEqual({ code: 'digestMismatch', severity: 'blocking', params: { reference: 'word/document.xml', reason: 'contentType' } });
  });

  it('fails a signature over another document pasted in', async () => {
    const signedOther = unzipSync(await sign(other));
    const pasted = edit(await sign(docx), (files) => {
      files['_xmlsignatures/sig1.xml'] = signedOther['_xmlsignatures/sig1.xml'];
    });
    const [signature] = (await verify(pasted)).signatures;
    expect(signature).toMatchObject({ integrity: 'failed', cryptographic: 'ok', status: 'invalid' });
    expect(codes(signature)).toContain('digestMismatch');
  });

  it('fails when the signed properties (the signing time) were edited', async () => {
    const edited = edit(await sign(docx), (files) => {
      files['_xmlsignatures/sig1.xml'] = strToU8(strFromU8(files['_xmlsignatures/sig1.xml']).replace('<xd:SigningTime>2026-05-20T09:30:00Z', '<xd:SigningTime>2026-04-01T09:30:00Z'));
    });
    const [signature] = (await verify(edited)).signatures;
    expect(signature.status).toBe('invalid');
    expect(signature.problems).toContainEqual({ code: 'digestMismatch', severity: 'blocking', params: { reference: '#idSignedProperties' } });
    // An unsigned claim is never reported as the signing time.
    expect(signature.claimedSigningTime).toBe(signedAt.toISOString());
  });

  it('fails the cryptographic check when SignedInfo was edited', async () => {
    const edited = edit(await sign(docx), (files) => {
      files['_xmlsignatures/sig1.xml'] = strToU8(strFromU8(files['_xmlsignatures/sig1.xml']).replace('URI="#idOfficeObject"', 'URI="#idOfficeObject" Id="x"'));
    });
    const [signature] = (await verify(edited)).signatures;
    expect(signature).toMatchObject({ integrity: 'ok', cryptographic: 'failed', status: 'invalid' });
    expect(codes(signature)).toContain('signatureInvalid');
  });

  it('fails when the certificate in KeyInfo is not the one the signed properties name', async () => {
    const impostor = await pki.person('Anneleen', 'Van den Broeck');
    const swapped = edit(await sign(docx), (files) => {
      const xml = strFromU8(files['_xmlsignatures/sig1.xml']);
      const first = /<X509Certificate>([^<]*)<\/X509Certificate>/.exec(xml)![1];
      files['_xmlsignatures/sig1.xml'] = strToU8(xml.replace(first, Buffer.from(impostor.der).toString('base64')));
    });
    const [signature] = (await verify(swapped)).signatures;
    expect(signature.status).toBe('invalid');
    expect(signature.problems).toContainEqual({ code: 'signatureInvalid', severity: 'blocking', params: { reason: 'signingCertificate' } });
  });
});

describe('verifyDocxSignatures: what Word leaves out of a signature', () => {
  const addCustomXml = (bytes: Uint8Array): Uint8Array =>
    edit(bytes, (files) => {
      files['customXml/item1.xml'] = strToU8('<?xml version="1.0"?><data><naam>Iemand anders</naam></data>');
      files['word/_rels/document.xml.rels'] = strToU8(
        strFromU8(files['word/_rels/document.xml.rels']).replace(
          '</Relationships>',
          '<Relationship Id="rId901" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>'
        )
      );
    });

  it('accepts custom XML data outside the signature when no signed content is bound to it (as Word leaves it out)', async () => {
    const report = await verify(addCustomXml(await sign(docx)));
    expect(report.signatures[0]).toMatchObject({ status: 'valid', modifiedAfterSigning: false });
  });

  it('reports custom XML outside the signature as a modification when signed content controls are bound to it', async () => {
    const bound = edit(docx, (files) => {
      files['word/document.xml'] = strToU8(
        strFromU8(files['word/document.xml']).replace('</w:body>', '<w:sdt><w:sdtPr><w:dataBinding w:xpath="/data/naam" w:storeItemID="{00000000-0000-0000-0000-000000000001}"/></w:sdtPr><w:sdtContent><w:p/></w:sdtContent></w:sdt></w:body>')
      );
    });
    const [signature] = (await verify(addCustomXml(await sign(bound)))).signatures;
    expect(signature).toMatchObject({ status: 'invalid', modifiedAfterSigning: true });
    expect(signature.problems).toContainEqual({ code: 'modifiedAfterSigning', severity: 'blocking', params: { part: 'customXml/item1.xml', change: 'partNotSigned' } });
  });

  it('builds the chain from the XAdES CertificateValues a XAdES-X-L signature carries unsigned', async () => {
    const withValues = edit(await sign(docx, { chain: [] }), (files) => {
      const values = `<xd:UnsignedProperties><xd:UnsignedSignatureProperties><xd:CertificateValues><xd:EncapsulatedX509Certificate>${Buffer.from(pki.intermediate.der).toString('base64')}</xd:EncapsulatedX509Certificate></xd:CertificateValues></xd:UnsignedSignatureProperties></xd:UnsignedProperties>`;
      files['_xmlsignatures/sig1.xml'] = strToU8(strFromU8(files['_xmlsignatures/sig1.xml']).replace('</xd:QualifyingProperties>', `${values}</xd:QualifyingProperties>`));
    });
    expect((await verify(withValues)).signatures[0]).toMatchObject({ chain: 'trusted', status: 'valid' });
  });
});

describe('verifyDocxSignatures: bad input, a clear finding and never a crash', () => {
  it('reads a .docx without signatures: readable, no signatures', async () => {
    const report = await verify(docx);
    expect(report).toMatchObject({ format: 'docx', readable: true, signatures: [] });
    expect(hasValidSignaturesOnly(report)).toBe(false);
  });

  it('refuses a zip that is not a .docx', async () => {
    const report = await verify(zipSync({ 'notes.txt': strToU8('hallo') }));
    expect(report).toMatchObject({ readable: false, format: 'unknown', error: { code: 'notPdfOrDocx' }, signatures: [] });
  });

  it('refuses bytes that are not a zip at all', async () => {
    const report = await verify(strToU8('%PDF-1.7 not a docx'));
    expect(report).toMatchObject({ readable: false, format: 'unknown', error: { code: 'notPdfOrDocx' } });
  });

  it('refuses a truncated .docx', async () => {
    const signed = await sign(docx);
    const report = await verify(signed.subarray(0, Math.floor(signed.length * 0.6)));
    expect(report).toMatchObject({ readable: false, format: 'docx', error: { code: 'truncated' } });
  });

  it('refuses an entry that inflates to a huge size (zip bomb)', async () => {
    const bomb = edit(await sign(docx), (files) => {
      files['word/media/bomb.bin'] = new Uint8Array(16 * 1024 * 1024);
    });
    const report = await verify(bomb);
    expect(report).toMatchObject({ readable: false, error: { code: 'tooLarge' } });
  });

  it('refuses an entry whose header declares a huge size', async () => {
    const zipped = zipSync({ '[Content_Types].xml': strToU8('<Types/>') }, { level: 0 });
    // Local file header: uncompressed size at offset 22.
    new DataView(zipped.buffer, zipped.byteOffset).setUint32(22, 0xfffffff0, true);
    const report = await verify(zipped);
    expect(report).toMatchObject({ readable: false, error: { code: 'tooLarge' } });
  });

  it('refuses an encrypted (password-protected) document', async () => {
    const ole = new Uint8Array(2048);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    ole.set(strToU8('E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0'), 512);
    expect(await verify(ole)).toMatchObject({ readable: false, format: 'docx', error: { code: 'encrypted' } });
  });

  it('refuses a signature part with a DOCTYPE or entity declarations', async () => {
    const hostile = edit(await sign(docx), (files) => {
      const xml = strFromU8(files['_xmlsignatures/sig1.xml']);
      files['_xmlsignatures/sig1.xml'] = strToU8(
        xml.replace('<Signature ', '<!DOCTYPE Signature [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>\n<Signature ').replace('<SignatureComments>', '<SignatureComments>&lol2;')
      );
    });
    const report = await verify(hostile);
    expect(report.readable).toBe(true);
    expect(report.signatures[0]).toMatchObject({ status: 'invalid', problems: [{ code: 'signatureMalformed', severity: 'blocking', params: { reason: 'doctype' } }] });
  });

  it('refuses a signature with two elements of the same Id (signature wrapping)', async () => {
    const wrapped = edit(await sign(docx), (files) => {
      const xml = strFromU8(files['_xmlsignatures/sig1.xml']);
      files['_xmlsignatures/sig1.xml'] = strToU8(xml.replace('</Signature>', '<Object Id="idPackageObject"><Manifest/></Object></Signature>'));
    });
    const [signature] = (await verify(wrapped)).signatures;
    expect(signature).toMatchObject({ status: 'invalid', problems: [{ code: 'signatureMalformed', params: { reason: 'duplicate Id idPackageObject' } }] });
  });

  it('reports a signature part that is not an XML signature, and one that is not XML', async () => {
    for (const content of ['<Foo xmlns="urn:x"/>', '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo>', '']) {
      const broken = edit(await sign(docx), (files) => {
        files['_xmlsignatures/sig1.xml'] = strToU8(content);
      });
      const report = await verify(broken);
      expect(report.readable).toBe(true);
      expect(report.signatures[0]).toMatchObject({ status: 'invalid', problems: [{ code: 'signatureMalformed' }] });
    }
  });

  it('reports a signature relationship to a missing part', async () => {
    const missing = edit(await sign(docx), (files) => {
      delete files['_xmlsignatures/sig1.xml'];
    });
    const report = await verify(missing);
    expect(report.signatures[0]).toMatchObject({ status: 'invalid', problems: [{ code: 'signatureMalformed', params: { reason: 'missing' } }] });
  });

  it('refuses a package whose relationships have a DOCTYPE', async () => {
    const hostile = edit(docx, (files) => {
      files['_rels/.rels'] = strToU8(strFromU8(files['_rels/.rels']).replace('<Relationships', '<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><Relationships'));
    });
    expect(await verify(hostile)).toMatchObject({ readable: false, error: { code: 'malformed' } });
  });

  it('never throws on damaged bytes: every flipped byte still gives a report', async () => {
    const signed = await sign(docx);
    const xmlStart = signed.indexOf(0x3c); // somewhere in the first stored XML
    for (let step = 0; step < 40; step += 1) {
      const damaged = signed.slice();
      const at = (xmlStart + step * 997) % damaged.length;
      damaged[at] ^= 0x5a;
      const report = await verify(damaged);
      expect(report.fileName).toBe('aanvraag.docx');
      if (report.readable) expect(report.signatures.every((signature) => signature.status !== 'valid' || signature.integrity === 'ok')).toBe(true);
    }
  });
});


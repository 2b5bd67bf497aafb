import { unzipSync } from 'fflate';
import { DOMParser } from '@xmldom/xmldom';
import { readForm } from '../../src/forms';
import { createDemoPki, issueCertificate } from '../../src/local/pki/demoPki';
import type { IssuedCertificate } from '../../src/local/pki/demoPki';
import { isPublicationVersionError, makePublicationVersion } from '../../src/signatures/publication';
import type { PublicationVersionError } from '../../src/signatures/publication';
import { resolveRelationshipTarget } from '../../src/signatures/publication/docx';
import { NOW, REQUESTER_EMAIL, REQUESTER_NATIONAL_NUMBER, REQUESTER_SERIAL } from './publicationFixtures';
import { SIGNATURE_LINE_ID, SIGNATURE_SETUP_ID, SIGNATURE_VALUE, SIGNED_LINE_IMAGE, signedDocx } from './publicationDocxFixtures';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

/** The text a printed copy shows: every w:t and w:tab/w:br of the body, in order. */
function bodyText(entries: Record<string, Uint8Array>): string {
  const xml = text(entries['word/document.xml']);
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(?:tab|br)(?:\s[^>]*)?\/>/g)].map((match) => match[1] ?? ' ').join('');
}

async function failure(promise: Promise<unknown>): Promise<PublicationVersionError> {
  try {
    await promise;
  } catch (error) {
    if (isPublicationVersionError(error)) return error;
    throw error;
  }
  throw new Error('expected a PublicationVersionError');
}

describe('makePublicationVersion of a .docx signed in Word', () => {
  let certificate: IssuedCertificate;
  let signed: Uint8Array;
  let before: Record<string, Uint8Array>;
  let after: Record<string, Uint8Array>;
  let out: Uint8Array;

  beforeAll(async () => {
    const pki = await createDemoPki(NOW);
    certificate = await issueCertificate({
      subject: { commonName: 'Jan Peeters (Signature)', givenName: 'Jan', surname: 'Peeters', serialNumber: REQUESTER_NATIONAL_NUMBER },
      issuer: pki.intermediate,
      notBefore: new Date('2025-01-01T00:00:00Z'),
      notAfter: new Date('2030-01-01T00:00:00Z'),
      qualified: true,
      serial: REQUESTER_SERIAL
    });
    signed = (await signedDocx(certificate)).signed;
    const version = await makePublicationVersion(signed, 'protocol-ondertekend.docx');
    expect(version.format).toBe('docx');
    expect(version.fileName).toBe('protocol-ondertekend-publicatie.docx');
    out = version.bytes;
    before = unzipSync(signed);
    after = unzipSync(out);
  }, 60000);

  it('starts from a package that holds the signature and the signer data (the test sees what it looks for)', () => {
    const all = Object.values(before).map(text).join('\n');
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['_xmlsignatures/sig1.xml', 'customXml/item1.xml']));
    expect(all).toContain(Buffer.from(certificate.der).toString('base64'));
    for (const secret of [REQUESTER_EMAIL, REQUESTER_NATIONAL_NUMBER, SIGNATURE_LINE_ID, SIGNATURE_SETUP_ID, SIGNATURE_VALUE, 'o:signatureline', 'Karel De Smet', 'Els Vermeulen']) {
      expect(all).toContain(secret);
    }
  });

  it('drops the digital signature parts, their relationship and their content types', () => {
    expect(Object.keys(after).filter((name) => /^_xmlsignatures\//i.test(name))).toEqual([]);
    const rels = text(after['_rels/.rels']);
    expect(rels).not.toContain('digital-signature');
    expect(rels).not.toContain('_xmlsignatures');
    const contentTypes = text(after['[Content_Types].xml']);
    expect(contentTypes).not.toContain('digital-signature');
    expect(contentTypes).not.toContain('_xmlsignatures');
    expect(contentTypes).not.toContain('Extension="sigs"');
  });

  it('holds no certificate, signature value, signer e-mail, national number or signature line data anywhere', () => {
    const all = Object.values(after).map(text).join('\n');
    const allBytes = Buffer.concat(Object.values(after).map((bytes) => Buffer.from(bytes)));
    expect(allBytes.includes(Buffer.from(certificate.der))).toBe(false);
    expect(all).not.toContain(Buffer.from(certificate.der).subarray(0, 48).toString('base64'));
    for (const secret of [REQUESTER_EMAIL, REQUESTER_NATIONAL_NUMBER, SIGNATURE_LINE_ID, SIGNATURE_SETUP_ID, SIGNATURE_VALUE, SIGNED_LINE_IMAGE, 'signatureline', 'suggestedsigner', 'Ondertekenaar', 'Karel De Smet', 'Els Vermeulen']) {
      expect({ secret, present: all.includes(secret) }).toEqual({ secret, present: false });
    }
    expect(Object.keys(after).filter((name) => /^customXml\//i.test(name))).toEqual([]);
  });

  it('empties the properties naming people and keeps the form’s own', () => {
    const core = text(after['docProps/core.xml']);
    expect(core).not.toContain('Jan Peeters');
    expect(core).toMatch(/<dc:creator\s*\/>|<dc:creator><\/dc:creator>/);
    expect(core).toMatch(/<cp:lastModifiedBy\s*\/>|<cp:lastModifiedBy><\/cp:lastModifiedBy>/);
    expect(core).toContain('<dc:title>Protocol</dc:title>');
    expect(text(after['docProps/app.xml'])).not.toContain('Karel');
    const custom = text(after['docProps/custom.xml']);
    expect(custom).toContain('name="VsaFormType"');
    expect(custom).not.toContain('Jan Peeters');
  });

  it('keeps the printed text: names, capacities and the signature line’s picture, as on a printed copy', async () => {
    expect(bodyText(after)).toBe(bodyText(before));
    expect(bodyText(after)).toContain('Jan Peeters');
    expect(bodyText(after)).toContain('wettelijk vertegenwoordiger');
    const form = await readForm(out, 'publicatie.docx');
    expect(form.formType).toBe('protocol');
    expect(form.fields['ondertekening.naam'].value).toBe('Jan Peeters');
    expect(form.fields['ondertekening.hoedanigheid'].value).toBe('wettelijk vertegenwoordiger');
    expect(after['word/media/image1.png']).toBeDefined();
    expect(text(after['word/document.xml'])).toContain('r:id="rIdSignatureLine"');
    expect(text(after['word/_rels/document.xml.rels'])).toContain('Id="rIdSignatureLine"');
  });

  it('is a consistent package: every relationship target and content-type override exists, every XML part parses', () => {
    for (const [name, bytes] of Object.entries(after)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const errors: string[] = [];
      new DOMParser({ onError: (level, message) => level !== 'warning' && errors.push(String(message)) }).parseFromString(text(bytes), 'text/xml');
      expect({ name, errors }).toEqual({ name, errors: [] });
      if (!name.endsWith('.rels')) continue;
      for (const match of text(bytes).matchAll(/<Relationship [^>]*>/g)) {
        if (/TargetMode="External"/.test(match[0])) continue;
        const target = resolveRelationshipTarget(name, /Target="([^"]*)"/.exec(match[0])![1]);
        expect({ name, target, exists: target in after }).toEqual({ name, target, exists: true });
      }
    }
    for (const match of text(after['[Content_Types].xml']).matchAll(/PartName="\/([^"]+)"/g)) expect({ part: match[1], exists: match[1] in after }).toEqual({ part: match[1], exists: true });
  });

  it('leaves an unsigned form as it was in text and fields', async () => {
    const { unsigned } = await signedDocx(certificate);
    const version = await makePublicationVersion(unsigned, 'protocol.docx');
    expect(bodyText(unzipSync(version.bytes))).toBe(bodyText(unzipSync(unsigned)));
  });
});

describe('relationship targets', () => {
  it('resolves relative, parent and absolute targets against the source part', () => {
    expect(resolveRelationshipTarget('word/_rels/document.xml.rels', 'media/image1.png')).toBe('word/media/image1.png');
    expect(resolveRelationshipTarget('word/_rels/document.xml.rels', '../customXml/item1.xml')).toBe('customXml/item1.xml');
    expect(resolveRelationshipTarget('_rels/.rels', '_xmlsignatures/origin.sigs')).toBe('_xmlsignatures/origin.sigs');
    expect(resolveRelationshipTarget('_xmlsignatures/_rels/origin.sigs.rels', 'sig1.xml')).toBe('_xmlsignatures/sig1.xml');
    expect(resolveRelationshipTarget('word/_rels/document.xml.rels', '/word/media/a%20b.png')).toBe('word/media/a b.png');
  });
});

describe('makePublicationVersion refuses a Word file it cannot read', () => {
  it('refuses a password-protected .docx (an OLE file with an encrypted package)', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64), Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(64)]);
    const error = await failure(makePublicationVersion(new Uint8Array(ole), 'beveiligd.docx'));
    expect(error.code).toBe('app.error.publicationEncrypted');
    expect(error.message).toContain('beveiligd.docx is versleuteld');
  });

  it('refuses a broken zip and a zip that is no Word document', async () => {
    const broken = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]);
    const error = await failure(makePublicationVersion(new Uint8Array(broken), 'kapot.docx'));
    expect(error.code).toBe('app.error.publicationUnreadable');
    expect(error.message).toMatch(/^kapot\.docx kan niet gelezen worden \(.+\); er werd geen publicatieversie gemaakt\.$/);
    expect(error.messageEn).toMatch(/^kapot\.docx cannot be read \(.+\); no publication version was made\.$/);
    const { zipSync } = await import('fflate');
    const notWord = await failure(makePublicationVersion(zipSync({ 'a.txt': new Uint8Array([1]) }), 'archief.docx'));
    expect(notWord.code).toBe('app.error.publicationUnreadable');
    expect(notWord.messageEn).toContain('not a Word document');
  });
});

describe('makePublicationVersion of a .docx with reviewers\' comments and tracked changes', () => {
  it('drops the comments, their anchors and the people part, and blanks the authors of tracked changes', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const { fillForm, generateTemplate, sampleValues } = await import('../../src/forms');
    const form = unzipSync(await fillForm(await generateTemplate('protocol'), sampleValues('protocol', { signed: true })));
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const documentXml = text(form['word/document.xml']).replace(
      /<w:body>/,
      '<w:body><w:p><w:commentRangeStart w:id="0"/><w:ins w:id="1" w:author="Karel Reviewer" w:date="2026-05-01T10:00:00Z"><w:r><w:t>Artikel 3 aangepast</w:t></w:r></w:ins><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>'
    );
    const rels = text(form['word/_rels/document.xml.rels']).replace(
      '</Relationships>',
      '<Relationship Id="rIdC1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rIdP1" Type="http://schemas.microsoft.com/office/2011/relationships/people" Target="people.xml"/></Relationships>'
    );
    const types = text(form['[Content_Types].xml']).replace(
      '</Types>',
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/people.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml"/></Types>'
    );
    const input = zipSync({
      ...form,
      'word/document.xml': strToU8(documentXml),
      'word/_rels/document.xml.rels': strToU8(rels),
      '[Content_Types].xml': strToU8(types),
      'word/comments.xml': strToU8(`<w:comments ${W}><w:comment w:id="0" w:author="Karel Reviewer" w:initials="KR"><w:p><w:r><w:t>Graag nakijken</w:t></w:r></w:p></w:comment></w:comments>`),
      'word/people.xml': strToU8('<w15:people xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w15:person w15:author="Karel Reviewer"><w15:presenceInfo w15:providerId="AD" w15:userId="karel@uni.example"/></w15:person></w15:people>')
    });
    const output = unzipSync((await makePublicationVersion(input, 'protocol-ondertekend.docx')).bytes);
    expect(Object.keys(output).filter((name) => /comments|people/.test(name))).toEqual([]);
    const all = Object.values(output).map(text).join('\n');
    for (const trace of ['Karel Reviewer', 'KR"', 'karel@uni.example', 'Graag nakijken', 'commentReference', 'comments.xml', 'people.xml']) expect(all).not.toContain(trace);
    expect(text(output['word/document.xml'])).toContain('Artikel 3 aangepast');
    expect(() => new DOMParser().parseFromString(text(output['word/document.xml']), 'text/xml')).not.toThrow();
  });
});

/**
 * A protocol form "signed in Word" for the publication-version tests: the VSA protocol template filled
 * with the signatory, plus what Word and SharePoint add — a digital signature (`_xmlsignatures/`: the
 * origin part, the XML signature with the signer's certificate, signature value and signature-line
 * image), a VML signature line with the suggested signer's e-mail, a SharePoint custom XML part naming
 * people, custom properties naming the signer, and core/app properties naming people.
 */
import { unzipSync, zipSync } from 'fflate';
import { fillForm, generateTemplate } from '../../src/forms';
import type { IssuedCertificate } from '../../src/local/pki/demoPki';
import { REQUESTER_EMAIL, REQUESTER_NATIONAL_NUMBER } from './publicationFixtures';

export const SIGNATURE_LINE_ID = '{6A1D2B3C-4E5F-4A7B-8C9D-0E1F2A3B4C5D}';
export const SIGNATURE_SETUP_ID = '{F00DCAFE-1234-4321-ABCD-0123456789AB}';
export const SIGNATURE_VALUE = 'U2lnbmF0dXJlV2FhcmRlVmFuSmFuUGVldGVyc0RpZU5pZW1hbmRNYWdaaWVu';
/** A 1×1 PNG standing in for the signature line's picture (kept) and the signed line image (dropped). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export const SIGNED_LINE_IMAGE = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64').toString('base64');

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function signatureXml(certificate: IssuedCertificate): string {
  const certificateBase64 = Buffer.from(certificate.der).toString('base64');
  return (
    '<?xml version="1.0" encoding="UTF-8"?><Signature xmlns="http://www.w3.org/2000/09/xmldsig#" Id="idPackageSignature"><SignedInfo>' +
    '<CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/><SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/>' +
    '<Reference Type="http://www.w3.org/2000/09/xmldsig#Object" URI="#idPackageObject"><DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><DigestValue>AAAA</DigestValue></Reference>' +
    `</SignedInfo><SignatureValue>${SIGNATURE_VALUE}</SignatureValue><KeyInfo><X509Data><X509Certificate>${certificateBase64}</X509Certificate></X509Data></KeyInfo>` +
    '<Object Id="idOfficeObject"><SignatureProperties><SignatureProperty Id="idOfficeV1Details" Target="#idPackageSignature">' +
    `<SignatureInfoV1 xmlns="http://schemas.microsoft.com/office/2006/digsig"><SetupID>${SIGNATURE_SETUP_ID}</SetupID><SignatureText>Jan Peeters</SignatureText>` +
    `<SignatureImage>${SIGNED_LINE_IMAGE}</SignatureImage><SignatureComments>Ondertekend als ${REQUESTER_EMAIL}, rijksregisternummer ${REQUESTER_NATIONAL_NUMBER}</SignatureComments>` +
    '<SignatureProviderId>{00000000-0000-0000-0000-000000000000}</SignatureProviderId></SignatureInfoV1></SignatureProperty></SignatureProperties></Object></Signature>'
  );
}

const SIGNATURE_LINE =
  '<w:p><w:r><w:pict xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<v:shape id="_x0000_i1025" type="#_x0000_t75" alt="Microsoft Office-handtekeningregel..." style="width:192pt;height:96pt">' +
  '<v:imagedata r:id="rIdSignatureLine" o:title=""/><o:lock v:ext="edit" ungrouping="t" rotation="t" cropping="t" verticies="t" text="t" grouping="t"/>' +
  `<o:signatureline v:ext="edit" id="${SIGNATURE_LINE_ID}" provid="{00000000-0000-0000-0000-000000000000}" o:suggestedsigner="Jan Peeters" ` +
  `o:suggestedsigner2="wettelijk vertegenwoordiger" o:suggestedsigneremail="${REQUESTER_EMAIL}" o:signinginstructionsset="t" o:signinginstructions="Onderteken met uw eID" issignatureline="t"/>` +
  '</v:shape></w:pict></w:r></w:p>';

/** The protocol form, filled and signed in Word (see the module comment). */
export async function signedDocx(certificate: IssuedCertificate): Promise<{ readonly unsigned: Uint8Array; readonly signed: Uint8Array }> {
  const unsigned = await fillForm(
    await generateTemplate('protocol'),
    {
      fields: {
        'ondertekening.naam': 'Jan Peeters',
        'ondertekening.hoedanigheid': 'wettelijk vertegenwoordiger',
        'ondertekening.datum': '20/05/2026',
        'ondertekening.plaats': 'Gent'
      }
    },
    { fileName: 'protocol.docx' }
  );
  const entries = unzipSync(unsigned);
  const document = text(entries['word/document.xml']).replace('</w:body>', `${SIGNATURE_LINE}</w:body>`).replace(/(<w:sectPr[\s\S]*?<\/w:sectPr>)([\s\S]*)(<\/w:body>)/, '$2$1$3');
  entries['word/document.xml'] = utf8(document);
  entries['word/media/image1.png'] = PNG;
  entries['word/_rels/document.xml.rels'] = utf8(
    text(entries['word/_rels/document.xml.rels']).replace(
      '</Relationships>',
      '<Relationship Id="rIdSignatureLine" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/>' +
        '<Relationship Id="rIdCustomXml" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>'
    )
  );
  entries['customXml/item1.xml'] = utf8(
    `<?xml version="1.0" encoding="UTF-8"?><p:properties xmlns:p="http://schemas.microsoft.com/office/2006/metadata/properties"><documentManagement><Ondertekenaar>Jan Peeters ${REQUESTER_EMAIL}</Ondertekenaar></documentManagement></p:properties>`
  );
  entries['customXml/itemProps1.xml'] = utf8(
    '<?xml version="1.0" encoding="UTF-8"?><ds:datastoreItem ds:itemID="{11111111-2222-3333-4444-555555555555}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>'
  );
  entries['customXml/_rels/item1.xml.rels'] = utf8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>'
  );
  entries['_xmlsignatures/origin.sigs'] = new Uint8Array();
  entries['_xmlsignatures/sig1.xml'] = utf8(signatureXml(certificate));
  entries['_xmlsignatures/_rels/origin.sigs.rels'] = utf8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature" Target="sig1.xml"/></Relationships>'
  );
  entries['_rels/.rels'] = utf8(
    text(entries['_rels/.rels']).replace(
      '</Relationships>',
      '<Relationship Id="rIdSignatures" Type="http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin" Target="_xmlsignatures/origin.sigs"/></Relationships>'
    )
  );
  entries['[Content_Types].xml'] = utf8(
    text(entries['[Content_Types].xml'])
      .replace(
        '<Default Extension="xml"',
        '<Default Extension="sigs" ContentType="application/vnd.openxmlformats-package.digital-signature-origin"/><Default Extension="png" ContentType="image/png"/><Default Extension="xml"'
      )
      .replace(
        '</Types>',
        '<Override PartName="/_xmlsignatures/sig1.xml" ContentType="application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml"/>' +
          '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>'
      )
  );
  entries['docProps/core.xml'] = utf8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<dc:title>Protocol</dc:title><dc:creator>Jan Peeters</dc:creator><cp:lastModifiedBy>Els Vermeulen</cp:lastModifiedBy><cp:revision>3</cp:revision>' +
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-05-01T08:00:00Z</dcterms:created></cp:coreProperties>'
  );
  entries['docProps/app.xml'] = utf8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><Manager>Karel De Smet</Manager><Company>Universiteit Gent</Company></Properties>'
  );
  const custom = text(entries['docProps/custom.xml']);
  entries['docProps/custom.xml'] = utf8(
    custom.replace(
      '</Properties>',
      `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="20" name="Ondertekenaar"><vt:lpwstr>Jan Peeters (${REQUESTER_NATIONAL_NUMBER})</vt:lpwstr></property>` +
        `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="21" name="_SignerEmail"><vt:lpwstr>${REQUESTER_EMAIL}</vt:lpwstr></property></Properties>`
    )
  );
  return { unsigned, signed: zipSync(entries) };
}

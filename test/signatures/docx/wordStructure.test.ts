import { readFileSync } from 'fs';
import { join } from 'path';
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';
import { fillForm, generateTemplate, sampleValues } from '../../../src/forms';
import { createDemoPki } from '../../../src/local/pki/demoPki';
import { signDocx } from '../../../src/local/pki/signDocx';

/**
 * The structure of a signature Word 2010 wrote (Apache POI test data `ms-office-2010-signed.docx`,
 * Apache License 2.0), with every value blanked: no certificate, signature value, digest or name of
 * the real signer is in the fixture.
 */
const fixture = readFileSync(join(__dirname, '../../fixtures/signatures/word2010-sig1.structure.xml'), 'utf8');

/** Every element path with its sorted attribute names (`Object[Id]/Manifest/Reference[URI]/…`), manifest entries collapsed. */
function paths(xml: string): Set<string> {
  const out = new Set<string>();
  const visit = (element: Element, prefix: string): void => {
    const attributes: string[] = [];
    for (let i = 0; i < element.attributes.length; i += 1) {
      const name = element.attributes.item(i)!.name;
      if (!name.startsWith('xmlns')) attributes.push(name);
    }
    const path = `${prefix}/${element.nodeName}${attributes.length ? `[${attributes.sort().join(',')}]` : ''}`;
    out.add(path);
    for (let child = element.firstChild; child; child = child.nextSibling) if (child.nodeType === 1) visit(child as Element, path);
  };
  visit(new DOMParser().parseFromString(xml, 'text/xml').documentElement!, '');
  return out;
}

it('writes the elements and attributes Word writes in a package signature', async () => {
  const pki = await createDemoPki(new Date('2026-06-01T10:00:00Z'));
  const docx = await fillForm(await generateTemplate('verklaringTOM'), sampleValues('verklaringTOM', { signed: true }));
  const signed = await signDocx(docx, { signer: await pki.person('An', 'Peeters'), signingTime: new Date('2026-05-20T09:30:00Z') });
  const ours = paths(strFromU8(unzipSync(signed)['_xmlsignatures/sig1.xml']));
  const word = paths(fixture);
  // Word 2010 writes an empty UnsignedProperties; everything else it writes, we write too.
  expect([...word].filter((path) => !ours.has(path))).toEqual([
    '/Signature[Id]/Object/xd:QualifyingProperties[Target]/xd:UnsignedProperties',
    '/Signature[Id]/Object/xd:QualifyingProperties[Target]/xd:UnsignedProperties/xd:UnsignedSignatureProperties'
  ]);
  // And the Office 2016 additions (the commitment type of "Purpose for signing"), nothing else.
  expect([...ours].filter((path) => !word.has(path)).every((path) => path.includes('xd:SignedDataObjectProperties'))).toBe(true);
});

import { DOMParser } from '@xmldom/xmldom';
import { isFormReadError } from '../../src/forms';
import { parseXmlLite } from '../../src/forms/docx/liteXml';
import { visibleText } from '../../src/forms/docx/text';
import { W_NS } from '../../src/forms/docx/xml';

const W = `xmlns:w="${W_NS}"`;

describe('read-only XML parser of the read path', () => {
  it('resolves namespaces, entities, CDATA and quoted ">" like xmldom', () => {
    const xml = `<?xml version="1.0"?><!-- c --><w:document ${W}><w:body><w:p a="x>y" b='it"s'><w:r><w:t xml:space="preserve"> A &amp; B &lt;&#233;&#x41;&gt; </w:t></w:r><w:r><w:t><![CDATA[<raw>]]></w:t></w:r></w:p></w:body></w:document>`;
    const lite = parseXmlLite(xml, 'word/document.xml', 'f.docx');
    const dom = new DOMParser().parseFromString(xml, 'text/xml');
    const liteBody = lite.documentElement!.firstChild!;
    expect((liteBody as unknown as { namespaceURI: string }).namespaceURI).toBe(W_NS);
    expect(visibleText(lite.documentElement!)).toBe(visibleText(dom.documentElement!));
    expect(visibleText(lite.documentElement!)).toBe(' A & B <éA> <raw>');
    const p = (liteBody.firstChild as unknown as { getAttribute(n: string): string });
    expect(p.getAttribute('a')).toBe('x>y');
    expect(p.getAttribute('b')).toBe('it"s');
    const t = lite.documentElement!.firstChild!.firstChild!.firstChild!.firstChild as unknown as { getAttributeNS(ns: string, n: string): string };
    expect(t.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'space')).toBe('preserve');
  });

  it.each([
    ['mismatched tags', `<w:a ${W}><w:b></w:a></w:b>`],
    ['unclosed element', `<w:a ${W}><w:b>`],
    ['unknown entity', `<w:a ${W}>&nbsp;</w:a>`],
    ['undeclared prefix', '<x:a/>'],
    ['two roots', `<w:a ${W}/><w:b ${W}/>`],
    ['markup declaration', `<!ENTITY x "y"><w:a ${W}/>`],
    ['no root', '   ']
  ])('refuses %s with a read error naming the part', (_label, xml) => {
    let caught: unknown;
    try {
      parseXmlLite(xml, 'word/document.xml', 'kapot.docx');
    } catch (error) {
      caught = error;
    }
    expect(isFormReadError(caught)).toBe(true);
    expect((caught as Error).message).toContain('kapot.docx: onderdeel word/document.xml is geen geldige XML');
  });
});

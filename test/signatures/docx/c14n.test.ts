import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import { canonicalize, c14nModeOf, C14N } from '../../../src/signatures/docx/c14n';
import { relationshipTransform } from '../../../src/signatures/docx/xmldsig';

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');

describe('Canonical XML 1.0 (inclusive, without comments)', () => {
  it('gives the W3C recommendation’s example 3.3 (start and end tags, namespaces, attribute order)', () => {
    // W3C REC-xml-c14n-20010315 §3.3, input and canonical form as in the recommendation.
    const input = `<doc>
   <e1   />
   <e2   ></e2>
   <e3   name = "elem3"   id="elem3"   />
   <e4   name="elem4"   id="elem4"   ></e4>
   <e5 a:attr="out" b:attr="sorted" attr2="all" attr="I'm"
      xmlns:b="http://www.ietf.org"
      xmlns:a="http://www.w3.org"
      xmlns="http://example.org"/>
   <e6 xmlns="" xmlns:a="http://www.w3.org">
      <e7 xmlns="http://www.ietf.org">
         <e8 xmlns="" xmlns:a="http://www.w3.org">
            <e9 xmlns="" xmlns:a="http://www.ietf.org"/>
         </e8>
      </e7>
   </e6>
</doc>`;
    const expected = `<doc>
   <e1></e1>
   <e2></e2>
   <e3 id="elem3" name="elem3"></e3>
   <e4 id="elem4" name="elem4"></e4>
   <e5 xmlns="http://example.org" xmlns:a="http://www.w3.org" xmlns:b="http://www.ietf.org" attr="I'm" attr2="all" b:attr="sorted" a:attr="out"></e5>
   <e6 xmlns:a="http://www.w3.org">
      <e7 xmlns="http://www.ietf.org">
         <e8 xmlns="">
            <e9 xmlns:a="http://www.ietf.org"></e9>
         </e8>
      </e7>
   </e6>
</doc>`;
    expect(canonicalize(parse(input))).toBe(expected);
  });

  it('drops the XML declaration, comments and whitespace outside the root; keeps processing instructions', () => {
    const input = '<?xml version="1.0" encoding="UTF-8"?>\n<!-- before -->\n<?pi-before data?>\n<a><!-- inside --><b/><?pi x?></a>\n<!-- after -->';
    expect(canonicalize(parse(input))).toBe('<?pi-before data?>\n<a><b></b><?pi x?></a>');
  });

  it('escapes text and attribute values as the recommendation says', () => {
    const input = '<a attr="&lt;&amp;&quot;&#9;&#10;&#13;&gt;\'">&lt;&amp;&gt;"\'<![CDATA[<&>]]></a>';
    expect(canonicalize(parse(input))).toBe('<a attr="&lt;&amp;&quot;&#x9;&#xA;&#xD;>\'">&lt;&amp;&gt;"\'&lt;&amp;&gt;</a>');
  });

  it('renders the namespaces in scope on the apex of a subtree (an Object inside a Signature)', () => {
    const document = parse(
      '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#" xmlns:unused="urn:u" xml:lang="nl"><Object xmlns:mdssi="urn:m" Id="idPackageObject"><Manifest/><mdssi:Value>1</mdssi:Value></Object></Signature>'
    );
    const object = document.documentElement!.firstChild as Element;
    expect(canonicalize(object)).toBe(
      '<Object xmlns="http://www.w3.org/2000/09/xmldsig#" xmlns:mdssi="urn:m" xmlns:unused="urn:u" Id="idPackageObject" xml:lang="nl"><Manifest></Manifest><mdssi:Value>1</mdssi:Value></Object>'
    );
  });

  it('renders only the visibly used namespaces in the exclusive form, and the listed inclusive prefixes', () => {
    const document = parse('<r xmlns="urn:d" xmlns:a="urn:a" xmlns:b="urn:b"><a:x b:y="1"><z/></a:x></r>');
    const x = document.documentElement!.firstChild as Element;
    expect(canonicalize(x, c14nModeOf(C14N.exclusive)!)).toBe('<a:x xmlns:a="urn:a" xmlns:b="urn:b" b:y="1"><z xmlns="urn:d"></z></a:x>');
    expect(canonicalize(x, c14nModeOf(C14N.exclusive, ['#default'])!)).toBe('<a:x xmlns="urn:d" xmlns:a="urn:a" xmlns:b="urn:b" b:y="1"><z></z></a:x>');
    expect(canonicalize(x)).toBe('<a:x xmlns="urn:d" xmlns:a="urn:a" xmlns:b="urn:b" b:y="1"><z></z></a:x>');
  });

  it('knows which algorithms it implements', () => {
    expect(c14nModeOf('http://www.w3.org/2006/12/xml-c14n11')).toBeUndefined();
    expect(c14nModeOf(C14N.inclusiveWithComments)).toEqual({ exclusive: false });
  });
});

describe('the OPC Relationship transform', () => {
  it('keeps the selected relationships, sorted by Id, with TargetMode, and nothing else', () => {
    const rels = parse(
      `<?xml version="1.0"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships" xmlns:x="urn:x">
  <Relationship Id="rId3" Type="urn:t:styles" Target="styles.xml" x:extra="1"/>
  <Relationship Id="rId10" Type="urn:t:link" Target="https://example.org/a&amp;b" TargetMode="External"/>
  <Relationship Id="rId2" Type="urn:t:core" Target="docProps/core.xml"/>
  <Relationship Id="rId1" Type="urn:t:group" Target="numbering.xml"/>
</Relationships>`
    );
    expect(relationshipTransform(rels, { sourceIds: ['rId3', 'rId10'], sourceTypes: ['urn:t:group'] })).toBe(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Target="numbering.xml" TargetMode="Internal" Type="urn:t:group"></Relationship>' +
        '<Relationship Id="rId10" Target="https://example.org/a&amp;b" TargetMode="External" Type="urn:t:link"></Relationship>' +
        '<Relationship Id="rId3" Target="styles.xml" TargetMode="Internal" Type="urn:t:styles"></Relationship>' +
        '</Relationships>'
    );
  });
});

import Ajv from 'ajv';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import {
  buildPublicRegister,
  csvCell,
  csvColumns,
  registerJsonSchema,
  registerToCsv,
  registerToHtml,
  registerToJson,
  safeHref
} from '../../src/publication';
import type { PublicRegister } from '../../src/publication';
import { parseCsv } from './support/csv';
import { registerDossiers } from './support/register';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const generatedAt = '2026-11-25T10:00:00.000Z';
const build = (): PublicRegister => buildPublicRegister(registerDossiers(), { generatedAt, publicationBaseUrl: 'https://www.vlaanderen.be/statistiek/protocollen' });

function elements(node: Node, tag: string, found: Element[] = []): Element[] {
  if ('tagName' in node && node.tagName === tag) found.push(node as Element);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child as Node, tag, found);
  if ('content' in node && node.content) elements(node.content as unknown as Node, tag, found);
  return found;
}
const attr = (element: Element, name: string): string | undefined => element.attrs.find((a) => a.name === name)?.value;
const textOf = (node: Node): string =>
  'value' in node && node.nodeName === '#text' ? (node as { value: string }).value : 'childNodes' in node ? node.childNodes.map((c) => textOf(c as Node)).join('') : '';

describe('public register model', () => {
  it('lists published and delivered protocols, newest first, addenda under their protocol', () => {
    const register = build();
    expect(register.protocols.map((p) => p.number)).toEqual(['PROT-2026-002', 'PROT-2026-001']);
    const first = register.protocols[1];
    expect(first.published).toBe(true);
    expect(first.addenda.map((a) => a.number)).toEqual(['PROT-2026-001/A1']);
    expect(first.addenda[0].reasons).toEqual(['extension', 'addVariables']);
    expect(first.effectiveEndDate).toBe('2028-02-29');
    if (!first.published) throw new Error('expected published');
    expect(first.institution).toBe('Universiteit Voorbeeld');
    expect(first.purposes).toEqual(['Wetenschappelijk onderzoek naar welzijn', 'Beleidsadvies']);
    expect(first.surveys).toEqual(['SV-bevraging 2025-1', 'COVID-19-bevraging golf 3']);
    expect(first.endDate).toBe('2027-02-28');
    expect(first.publicationUrl).toBe('https://www.vlaanderen.be/statistiek/protocollen/VSA-2026-0001-publicationVersion-VSA-2026-0001pub.pdf');
  });

  it('gives each publication PDF its own public name, also when dossiers stored it under the same name', () => {
    const sameName = registerDossiers().map((dossier) => ({
      ...dossier,
      documents: dossier.documents.map((doc) => (doc.id === dossier.publication?.publicationDocumentId ? { ...doc, fileName: 'protocol-ondertekend-publicatie.pdf' } : doc))
    }));
    const register = buildPublicRegister(sameName, { generatedAt, publicationBaseUrl: 'pdf/' });
    const urls = register.protocols.flatMap((p) => [...(p.published ? [p.publicationUrl] : []), ...p.addenda.map((a) => a.publicationUrl)]);
    expect(urls).toEqual([
      'pdf/VSA-2026-0002-protocol-ondertekend-publicatie.pdf',
      'pdf/VSA-2026-0001-protocol-ondertekend-publicatie.pdf',
      'pdf/VSA-2026-0003-protocol-ondertekend-publicatie.pdf'
    ]);
  });

  it('holds no personal data of the contact person', () => {
    const json = registerToJson(build());
    expect(json).not.toContain('Karel');
    expect(json).not.toContain('karel@uni.example');
    expect(json).not.toContain('Rita Rector');
  });

  it('sorts numbers numerically and keeps orphan addenda under an unpublished protocol entry', () => {
    const [, , addendum] = registerDossiers();
    const register = buildPublicRegister([addendum], { generatedAt });
    expect(register.protocols).toEqual([
      { published: false, number: 'PROT-2026-001', effectiveEndDate: '2028-02-29', addenda: [expect.objectContaining({ number: 'PROT-2026-001/A1' })] }
    ]);
    expect(register.protocols[0].addenda[0].publicationUrl).toBeUndefined();
  });
});

describe('HTML export', () => {
  it('is a valid HTML document: the parser reports no error', () => {
    const errors: string[] = [];
    parse(registerToHtml(build()), { onParseError: (error) => errors.push(`${error.code}@${error.startLine}:${error.startCol}`) });
    expect(errors).toEqual([]);
  });

  it('is accessible: language, title, caption, column and row headers, descriptive links', () => {
    const html = registerToHtml(build(), 'nl');
    const document = parse(html) as unknown as Node;
    expect(attr(elements(document, 'html')[0], 'lang')).toBe('nl');
    expect(textOf(elements(document, 'title')[0] as Node)).toMatch(/Register van protocollen/);
    expect(elements(document, 'h1')).toHaveLength(1);
    expect(elements(document, 'caption')).toHaveLength(1);
    const columnHeaders = elements(document, 'th').filter((th) => attr(th, 'scope') === 'col');
    expect(columnHeaders).toHaveLength(8);
    const rowHeaders = elements(document, 'th').filter((th) => attr(th, 'scope') === 'row').map((th) => textOf(th as Node));
    expect(rowHeaders).toEqual(['PROT-2026-002', 'PROT-2026-001', 'Addendum bij PROT-2026-001: PROT-2026-001/A1']);
    const links = elements(document, 'a').map((a) => textOf(a as Node));
    expect(new Set(links).size).toBe(links.length);
    expect(links[0]).toBe('Publicatieversie PROT-2026-002 (PDF)');
    const times = elements(document, 'time').map((t) => attr(t, 'datetime'));
    expect(times).toContain('2027-02-28');
    expect(html).toContain('<td>Mobiliteit &amp; &quot;pendel&quot; &lt;2026&gt;<p>Soort onderzoek: wetenschappelijk</p></td>');
    expect(html).toContain('2 protocollen en 1 addendum.');
  });

  it('escapes document text and refuses script links', () => {
    const register = build();
    const hostile: PublicRegister = {
      ...register,
      protocols: register.protocols.map((p) => (p.published ? { ...p, projectTitle: '<script>alert(1)</script>', publicationUrl: 'javascript:alert(1)' } : p))
    };
    const html = registerToHtml(hostile, 'en');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('Not online yet');
    expect(safeHref('//evil.example/x')).toBeUndefined();
    expect(safeHref('protocollen/a.pdf')).toBe('protocollen/a.pdf');
  });

  it('says so when the register is empty', () => {
    const html = registerToHtml({ generatedAt, protocols: [] }, 'nl');
    expect(html).toContain('Er zijn nog geen gepubliceerde protocollen.');
    expect(html).not.toContain('<table');
  });
});

describe('CSV export', () => {
  it('parses back to the register, one row per protocol and addendum', () => {
    const register = build();
    const rows = parseCsv(registerToCsv(register));
    expect(rows[0]).toEqual([...csvColumns]);
    const records = rows.slice(1).map((row) => Object.fromEntries(csvColumns.map((column, index) => [column, row[index]])));
    expect(records.map((r) => [r.type, r.number, r.protocolNumber])).toEqual([
      ['protocol', 'PROT-2026-002', 'PROT-2026-002'],
      ['protocol', 'PROT-2026-001', 'PROT-2026-001'],
      ['addendum', 'PROT-2026-001/A1', 'PROT-2026-001']
    ]);
    expect(records[0].projectTitle).toBe('Mobiliteit & "pendel" <2026>');
    expect(records[0].institution).toBe('\'=HYPERLINK("http://evil.example")');
    expect(records[1].purposes.split(' | ')).toEqual(['Wetenschappelijk onderzoek naar welzijn', 'Beleidsadvies']);
    expect(records[2].reasons).toBe('extension | addVariables');
    expect(records[2].endDate).toBe('2028-02-29');
  });

  it('quotes and neutralises cells', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('regel\nnieuw')).toBe('"regel\nnieuw"');
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@x')).toBe("'@x");
    expect(parseCsv(`${csvCell('x "y", z')},b\r\n`)).toEqual([['x "y", z', 'b']]);
  });
});

describe('JSON export', () => {
  const ajv = new Ajv({ allErrors: true });
  const validate = ajv.compile(registerJsonSchema as object);

  it('matches its JSON Schema', () => {
    const document = JSON.parse(registerToJson(build())) as unknown;
    const valid = validate(document);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema rejects a broken register', () => {
    const document = JSON.parse(registerToJson(build())) as { protocols: Record<string, unknown>[] };
    document.protocols[0].number = 'PROT-26-1';
    delete document.protocols[1].publishedOn;
    document.protocols[1].contactEmail = 'karel@uni.example';
    expect(validate(document)).toBe(false);
  });

  it('round-trips the model', () => {
    const register = build();
    const parsed = JSON.parse(registerToJson(register)) as PublicRegister & { $schema: string };
    expect(parsed.protocols).toEqual(register.protocols);
  });
});

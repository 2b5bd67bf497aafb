/* eslint-disable @rushstack/no-new-null -- these nodes mirror the DOM API (null siblings), which the shared reader helpers expect */
import { FormReadError } from '../errors';
import type { XmlDocument } from './xml';

/**
 * A small, fast, read-only XML parser for the read path (xmldom 0.9 spends ~25 ms on a 200-variable
 * form; this needs a fraction of that). It builds nodes exposing only the DOM members the reader
 * uses: nodeType, parentNode, firstChild, nextSibling, localName, namespaceURI, getAttribute(NS),
 * textContent, documentElement. Editing (fill, annotate) keeps using xmldom, which serialises.
 * Namespaces are resolved; DTDs are never interpreted (the caller refuses DOCTYPE first); unknown
 * entities and mismatched tags are errors.
 */

const XML_NS_URI = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_URI = 'http://www.w3.org/2000/xmlns/';

type Scope = Readonly<Record<string, string>>;

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;


class LiteNode {
  public parentNode: LiteNode | null = null;
  public firstChild: LiteNode | null = null;
  public lastChild: LiteNode | null = null;
  public nextSibling: LiteNode | null = null;
  public constructor(public readonly nodeType: number) {}

  public appendChild(child: LiteNode): void {
    child.parentNode = this;
    if (this.lastChild) this.lastChild.nextSibling = child;
    else this.firstChild = child;
    this.lastChild = child;
  }

  public get textContent(): string {
    let out = '';
    for (let child = this.firstChild; child; child = child.nextSibling) out += child.textContent;
    return out;
  }
}

class LiteText extends LiteNode {
  public constructor(public readonly data: string) {
    super(3);
  }
  public override get textContent(): string {
    return this.data;
  }
}

interface LiteAttribute {
  readonly qname: string;
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly value: string;
}

class LiteElement extends LiteNode {
  private parsed: LiteAttribute[] | undefined;

  public constructor(
    public readonly tagName: string,
    public readonly localName: string,
    public readonly namespaceURI: string | null,
    /** Attribute text, parsed on first access: most elements are never asked for an attribute. */
    private readonly rawAttributes: string,
    private readonly scope: Scope,
    private readonly fail: (detail: string) => never
  ) {
    super(1);
  }

  private get attributes(): LiteAttribute[] {
    if (!this.parsed) this.parsed = parseAttributes(this.rawAttributes, this.scope, this.fail);
    return this.parsed;
  }

  public getAttribute(qname: string): string | null {
    for (const attribute of this.attributes) if (attribute.qname === qname) return attribute.value;
    return null;
  }

  public getAttributeNS(namespaceURI: string | null, localName: string): string | null {
    for (const attribute of this.attributes) {
      if (attribute.localName === localName && attribute.namespaceURI === namespaceURI) return attribute.value;
    }
    return null;
  }
}

function parseAttributes(raw: string, scope: Scope, fail: (detail: string) => never): LiteAttribute[] {
  const out: LiteAttribute[] = [];
  if (!raw) return out;
  ATTRIBUTE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = ATTRIBUTE.exec(raw)) !== null) {
    const name = match[1];
    const value = decodeEntities(match[2] ?? match[3] ?? '', fail);
    const [prefix, local] = splitName(name);
    const uri = name === 'xmlns' || prefix === 'xmlns' ? XMLNS_URI : prefix ? scope[prefix] ?? null : null;
    out.push({ qname: name, localName: local, namespaceURI: uri, value });
  }
  return out;
}

/** Namespace declarations of a start tag, applied to the parent scope (copied only when present). */
function declareNamespaces(raw: string, parent: Scope, fail: (detail: string) => never): Scope {
  if (raw.indexOf('xmlns') < 0) return parent;
  const scope: Record<string, string> = { ...parent };
  for (const attribute of parseAttributes(raw, parent, fail)) {
    if (attribute.namespaceURI === XMLNS_URI) scope[attribute.qname === 'xmlns' ? '' : attribute.localName] = attribute.value;
  }
  return scope;
}

class LiteDocument extends LiteNode {
  public documentElement: LiteElement | null = null;
  public constructor() {
    super(9);
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string, fail: (detail: string) => never): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][\w.-]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) fail(`unterminated entity ${whole}`);
    if (name[0] === '#') {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isFinite(code) || code > 0x10ffff) fail(`bad character reference ${whole}`);
      return String.fromCodePoint(code);
    }
    const value = ENTITIES[name];
    if (value === undefined) fail(`unknown entity ${whole}`);
    return value;
  });
}

function splitName(qname: string): [string, string] {
  const colon = qname.indexOf(':');
  return colon < 0 ? ['', qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}

/** Index of the '>' that ends a start tag, skipping '>' inside quoted attribute values; -1 if none. */
function startTagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 62) {
      return i;
    }
  }
  return -1;
}

/** Text nodes that matter even when they are only whitespace. */
const KEEP_WHITESPACE = new Set(['t', 'delText', 'instrText']);

/** Parses XML text into a read-only DOM subset (typed as xmldom's Document for the shared helpers). */
export function parseXmlLite(text: string, partName: string, fileName: string): XmlDocument {
  const fail = (detail: string): never => {
    throw new FormReadError('xmlInvalid', fileName, { part: partName, detail });
  };
  const document = new LiteDocument();
  const stack: LiteNode[] = [document];
  const scopes: Scope[] = [{ xml: XML_NS_URI }];
  let position = 0;
  const length = text.length;
  while (position < length) {
    const open = text.indexOf('<', position);
    const end = open < 0 ? length : open;
    if (end > position) {
      const parent = stack[stack.length - 1];
      const raw = text.slice(position, end);
      if (parent !== document && (KEEP_WHITESPACE.has((parent as LiteElement).localName) || raw.trim() !== '')) {
        parent.appendChild(new LiteText(decodeEntities(raw, fail)));
      }
    }
    if (open < 0) break;
    const next = text.charCodeAt(open + 1);
    if (next === 63 /* ? */) {
      const close = text.indexOf('?>', open + 2);
      if (close < 0) fail('unterminated processing instruction');
      position = close + 2;
    } else if (next === 33 /* ! */) {
      if (text.startsWith('<!--', open)) {
        const close = text.indexOf('-->', open + 4);
        if (close < 0) fail('unterminated comment');
        position = close + 3;
      } else if (text.startsWith('<![CDATA[', open)) {
        const close = text.indexOf(']]>', open + 9);
        if (close < 0) fail('unterminated CDATA section');
        stack[stack.length - 1].appendChild(new LiteText(text.slice(open + 9, close)));
        position = close + 3;
      } else {
        fail('markup declarations are not allowed');
      }
    } else if (next === 47 /* / */) {
      const close = text.indexOf('>', open + 2);
      if (close < 0) fail('unterminated end tag');
      const name = text.slice(open + 2, close).trim();
      const current = stack.pop();
      scopes.pop();
      if (!current || current === document || (current as LiteElement).tagName !== name) fail(`unexpected </${name}>`);
      position = close + 1;
    } else {
      const extendedClose = startTagEnd(text, open + 1);
      if (extendedClose < 0) fail('unterminated start tag');
      let inner = text.slice(open + 1, extendedClose);
      const selfClosing = inner.endsWith('/');
      if (selfClosing) inner = inner.slice(0, -1);
      const space = inner.search(/\s/);
      const qname = space < 0 ? inner : inner.slice(0, space);
      if (!qname) fail('empty tag name');
      const rawAttributes = space < 0 ? '' : inner.slice(space);
      const scope = declareNamespaces(rawAttributes, scopes[scopes.length - 1], fail);
      const [prefix, local] = splitName(qname);
      const namespaceURI = scope[prefix] ?? null;
      if (prefix && namespaceURI === null) fail(`undeclared prefix ${prefix}`);
      const element = new LiteElement(qname, local, namespaceURI, rawAttributes, scope, fail);
      const parent = stack[stack.length - 1];
      if (parent === document) {
        if (document.documentElement) fail('more than one root element');
        document.documentElement = element;
      }
      parent.appendChild(element);
      if (!selfClosing) {
        stack.push(element);
        scopes.push(scope);
      }
      position = extendedClose + 1;
    }
  }
  if (stack.length !== 1) fail(`unclosed <${(stack[stack.length - 1] as LiteElement).tagName}>`);
  if (!document.documentElement) fail('no root element');
  return document as unknown as XmlDocument;
}

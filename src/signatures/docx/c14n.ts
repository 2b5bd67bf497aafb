/**
 * XML canonicalization for XML-DSig over an @xmldom/xmldom DOM: Canonical XML 1.0 (inclusive,
 * W3C REC-xml-c14n-20010315) and Exclusive XML Canonicalization 1.0, without comments, of a whole
 * document or of one element's subtree (a same-document `#id` reference: the element with its
 * descendants, comments removed). What Office and LibreOffice write in a package signature is
 * covered: namespace declarations inherited from outside the subtree (rendered on the apex in the
 * inclusive form), attribute order (namespace URI, then local name), the escaping of text and
 * attribute values, empty elements as start/end pairs, processing instructions, CDATA as text.
 * Not covered (never written by these producers, and refused by the parser anyway): DOCTYPE,
 * entity references, default attributes from a DTD, XPath node-set filters.
 */
import type { Attr, CharacterData, Document, Element, Node, ProcessingInstruction } from '@xmldom/xmldom';

/** The namespace of `xmlns` attributes in the DOM. */
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** The `xml:` namespace (never declared in the output). */
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const PROCESSING_INSTRUCTION_NODE = 7;
const DOCUMENT_NODE = 9;

/** The canonicalization algorithm URIs this module implements. */
export const C14N = {
  inclusive: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  inclusiveWithComments: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments',
  exclusive: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  exclusiveWithComments: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments'
} as const;

/** How to canonicalize: inclusive (C14N 1.0) or exclusive, with the exclusive form's InclusiveNamespaces prefixes. */
export interface C14nMode {
  readonly exclusive: boolean;
  /** Exclusive only: prefixes treated the inclusive way (`#default` for the default namespace). */
  readonly inclusivePrefixes?: readonly string[];
}

/** The mode of a canonicalization algorithm URI, or undefined when it is not one this module implements. */
export function c14nModeOf(algorithm: string, inclusivePrefixes: readonly string[] = []): C14nMode | undefined {
  if (algorithm === C14N.inclusive || algorithm === C14N.inclusiveWithComments) return { exclusive: false };
  if (algorithm === C14N.exclusive || algorithm === C14N.exclusiveWithComments) return { exclusive: true, inclusivePrefixes };
  return undefined;
}

/** Text content escaping (C14N §2.3: `&`, `<`, `>`, CR). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

/** Attribute value escaping (C14N §2.3: `&`, `<`, `"`, TAB, LF, CR). */
export function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

/** Prefix of an `xmlns` / `xmlns:p` attribute ('' for the default namespace). */
function declaredPrefix(attribute: Attr): string {
  return attribute.name === 'xmlns' ? '' : attribute.name.slice('xmlns:'.length);
}

const isNamespaceDeclaration = (attribute: Attr): boolean =>
  attribute.namespaceURI === XMLNS_NS || attribute.name === 'xmlns' || attribute.name.startsWith('xmlns:');

function attributesOf(element: Element): Attr[] {
  const list: Attr[] = [];
  for (let i = 0; i < element.attributes.length; i += 1) list.push(element.attributes.item(i)!);
  return list;
}

/** The namespace declarations in scope at an element, from the root down (nearest wins). */
function inScopeNamespaces(element: Element): Map<string, string> {
  const chain: Element[] = [];
  for (let node: Node | null = element; node && node.nodeType === ELEMENT_NODE; node = node.parentNode) chain.unshift(node as Element);
  const scope = new Map<string, string>();
  for (const ancestor of chain) {
    for (const attribute of attributesOf(ancestor)) {
      if (isNamespaceDeclaration(attribute)) scope.set(declaredPrefix(attribute), attribute.value);
    }
  }
  return scope;
}

/** `xml:*` attributes of the ancestors (nearest wins), which inclusive C14N 1.0 carries onto the apex. */
function inheritedXmlAttributes(element: Element): Map<string, string> {
  const chain: Element[] = [];
  for (let node: Node | null = element.parentNode; node && node.nodeType === ELEMENT_NODE; node = node.parentNode) chain.unshift(node as Element);
  const inherited = new Map<string, string>();
  for (const ancestor of chain) {
    for (const attribute of attributesOf(ancestor)) {
      if (attribute.namespaceURI === XML_NS || attribute.name.startsWith('xml:')) inherited.set(attribute.name, attribute.value);
    }
  }
  return inherited;
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface SortableAttribute {
  readonly name: string;
  readonly namespaceURI: string;
  readonly localName: string;
  readonly value: string;
}

function renderElement(element: Element, mode: C14nMode, parentScope: Map<string, string>, rendered: Map<string, string>, apex: boolean, out: string[]): void {
  const scope = new Map(parentScope);
  const attributes: SortableAttribute[] = [];
  for (const attribute of attributesOf(element)) {
    if (isNamespaceDeclaration(attribute)) {
      scope.set(declaredPrefix(attribute), attribute.value);
    } else {
      attributes.push({
        name: attribute.name,
        namespaceURI: attribute.namespaceURI ?? '',
        localName: attribute.localName ?? attribute.name,
        value: attribute.value
      });
    }
  }
  if (apex && !mode.exclusive) {
    for (const [name, value] of inheritedXmlAttributes(element)) {
      if (!attributes.some((attribute) => attribute.name === name)) {
        attributes.push({ name, namespaceURI: XML_NS, localName: name.slice('xml:'.length), value });
      }
    }
  }

  let candidates: string[];
  if (mode.exclusive) {
    const used = new Set<string>([element.prefix ?? '']);
    for (const attribute of attributes) {
      const colon = attribute.name.indexOf(':');
      if (colon > 0) used.add(attribute.name.slice(0, colon));
    }
    for (const prefix of mode.inclusivePrefixes ?? []) {
      const key = prefix === '#default' ? '' : prefix;
      if (scope.has(key)) used.add(key);
    }
    candidates = [...used];
  } else {
    candidates = [...scope.keys()];
  }

  const ownRendered = new Map(rendered);
  const declarations: Array<[string, string]> = [];
  for (const prefix of candidates) {
    if (prefix === 'xml') continue;
    const uri = scope.get(prefix) ?? '';
    const before = rendered.get(prefix);
    if (prefix === '' && uri === '') {
      // xmlns="" only undoes a non-empty default namespace of the nearest output ancestor.
      if (before === undefined || before === '') continue;
    } else if (before === uri) {
      continue;
    }
    declarations.push([prefix, uri]);
    ownRendered.set(prefix, uri);
  }
  declarations.sort((a, b) => compareStrings(a[0], b[0]));
  attributes.sort((a, b) => compareStrings(a.namespaceURI, b.namespaceURI) || compareStrings(a.localName, b.localName));

  const name = element.nodeName;
  out.push('<', name);
  for (const [prefix, uri] of declarations) out.push(prefix === '' ? ' xmlns="' : ` xmlns:${prefix}="`, escapeAttribute(uri), '"');
  for (const attribute of attributes) out.push(' ', attribute.name, '="', escapeAttribute(attribute.value), '"');
  out.push('>');
  for (let child = element.firstChild; child; child = child.nextSibling) {
    renderChild(child, mode, scope, ownRendered, out);
  }
  out.push('</', name, '>');
}

function renderChild(node: Node, mode: C14nMode, scope: Map<string, string>, rendered: Map<string, string>, out: string[]): void {
  switch (node.nodeType) {
    case ELEMENT_NODE:
      renderElement(node as Element, mode, scope, rendered, false, out);
      break;
    case TEXT_NODE:
    case CDATA_SECTION_NODE:
      out.push(escapeText((node as CharacterData).data));
      break;
    case PROCESSING_INSTRUCTION_NODE: {
      const instruction = node as ProcessingInstruction;
      out.push('<?', instruction.target, instruction.data ? ` ${instruction.data}` : '', '?>');
      break;
    }
    default:
      // Comments (this is the form without comments) and anything else are not rendered.
      break;
  }
}

/**
 * The canonical form of a document, or of an element's subtree as a same-document reference selects
 * it (the element, its attributes and namespaces in scope, its descendants; comments removed).
 */
export function canonicalize(node: Document | Element, mode: C14nMode = { exclusive: false }): string {
  const out: string[] = [];
  if (node.nodeType === DOCUMENT_NODE) {
    const document = node as Document;
    let seenRoot = false;
    for (let child = document.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === ELEMENT_NODE) {
        renderElement(child as Element, mode, new Map(), new Map(), true, out);
        seenRoot = true;
      } else if (child.nodeType === PROCESSING_INSTRUCTION_NODE && (child as ProcessingInstruction).target.toLowerCase() !== 'xml') {
        // (The DOM shows the XML declaration as a processing instruction `xml`; it is not one.)
        const instruction = child as ProcessingInstruction;
        const text = `<?${instruction.target}${instruction.data ? ` ${instruction.data}` : ''}?>`;
        out.push(seenRoot ? `\n${text}` : `${text}\n`);
      }
    }
    return out.join('');
  }
  const element = node as Element;
  const parentScope = element.parentNode && element.parentNode.nodeType === ELEMENT_NODE ? inScopeNamespaces(element.parentNode as Element) : new Map<string, string>();
  // Nothing was output above the apex: inclusive renders every namespace in scope there, exclusive
  // the visibly used ones.
  renderElement(element, mode, parentScope, new Map(), true, out);
  return out.join('');
}

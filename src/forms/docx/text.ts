import { W_NS } from './xml';
import type { XmlElement, XmlNode } from './xml';

/** Elements whose content is not part of the visible, accepted text. */
const SKIPPED = new Set(['del', 'moveFrom', 'delText', 'instrText', 'sdtPr', 'rPr', 'pPr', 'tblPr', 'trPr', 'tcPr', 'sectPr', 'commentReference', 'footnoteReference', 'endnoteReference']);

/**
 * Visible text of an element as if all tracked changes were accepted: w:t runs (split runs joined),
 * tabs and breaks, paragraphs separated by "\n"; deleted and moved-away text skipped. For
 * mc:AlternateContent only the first choice is read, so text boxes are not counted twice.
 */
export function visibleText(root: XmlElement): string {
  const state: TextState = { parts: [], paragraphOpen: false };
  textWalk(root, state);
  return state.parts.join('');
}

interface TextState {
  readonly parts: string[];
  paragraphOpen: boolean;
}

// Top-level recursion (no closure per call): this runs for every field value read.
function textWalk(node: XmlNode, state: TextState): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== 1) continue;
    const element = child as XmlElement;
    const local = element.localName ?? '';
    if (element.namespaceURI !== W_NS) {
      if (local !== 'Fallback') textWalk(element, state);
      continue;
    }
    if (SKIPPED.has(local)) continue;
    switch (local) {
      case 't':
        state.parts.push(element.textContent ?? '');
        break;
      case 'tab':
        state.parts.push('\t');
        break;
      case 'br':
      case 'cr':
        state.parts.push('\n');
        break;
      case 'noBreakHyphen':
        state.parts.push('-');
        break;
      case 'p':
      case 'tc':
        if (state.paragraphOpen) state.parts.push('\n');
        state.paragraphOpen = false;
        textWalk(element, state);
        state.paragraphOpen = true;
        break;
      default:
        textWalk(element, state);
    }
  }
}

/** Trims each line and the whole, collapses runs of spaces/tabs (keeps line breaks). */
export function cleanValue(text: string): string {
  if (!/[\n\t\u00a0]| {2}/.test(text)) return text.trim();
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** Label comparison key: lower case, no trailing colon/asterisk, no surrounding spaces. */
export function labelKey(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s:*]+$/g, '')
    .toLowerCase();
}

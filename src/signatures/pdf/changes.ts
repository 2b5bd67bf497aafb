/**
 * What an incremental update changed, object by object, against the revision before it. Adding a
 * signature (its dictionary, field, widget, appearance, the page's `/Annots`, the AcroForm's `/Fields`
 * and `/SigFlags`), a document time-stamp or validation data (`/DSS`, `/VRI`, certificates, OCSP
 * responses and CRLs) is what a signing tool does after an earlier signature; anything else (a page's
 * content or resources, a form value, an annotation, the page tree, the catalog) is a modification of
 * the signed document. Rewriting an object unchanged, the document information dictionary and the XMP
 * metadata are not counted (signing tools update the modification date).
 */
import type { LaterRevision } from '../../domain/signatures';
import type { PdfFile, Revision } from './document';
import { refsIn } from './document';
import { PdfDict, PdfName, PdfRef, PdfStream, sameValue } from './syntax';
import type { PdfValue } from './syntax';

export type RevisionChange = LaterRevision['changes'][number];

const ORDER: readonly RevisionChange[] = ['signature', 'timestamp', 'validationData', 'pageContent', 'formValues', 'annotations', 'other'];

/** Catalog keys a signing tool may add or change. */
const CATALOG_SIGNING_KEYS = new Set(['AcroForm', 'DSS', 'Extensions']);
/** AcroForm keys a signing tool may add or change besides `/Fields`. */
const ACROFORM_SIGNING_KEYS = new Set(['SigFlags', 'DR', 'DA', 'NeedAppearances']);

function isSigDict(dict: PdfDict | undefined): boolean {
  if (!dict) return false;
  const type = dict.name('Type');
  return type === 'Sig' || type === 'DocTimeStamp' || (dict.get('ByteRange') !== undefined && dict.get('Contents') !== undefined && dict.get('Filter') !== undefined);
}

/** The change a signature dictionary stands for. */
function sigKind(dict: PdfDict): RevisionChange {
  return dict.name('Type') === 'DocTimeStamp' || dict.name('SubFilter') === 'ETSI.RFC3161' ? 'timestamp' : 'signature';
}

/** Compares two revisions of a PDF. */
class RevisionComparison {
  private readonly changes = new Set<RevisionChange>();
  private pageInfo?: { pages: Set<number>; annotsArrays: Map<number, number>; contentsArrays: Set<number> };

  constructor(
    private readonly file: PdfFile,
    private readonly revision: Revision,
    private readonly previous: Revision
  ) {}

  private dictIn(value: PdfValue | undefined, revision: Revision): PdfDict | undefined {
    return this.file.dict(value, revision);
  }

  /** The signature kind of a field or widget (FT inherited through /Parent), undefined when not a signature field. */
  private signatureFieldKind(dict: PdfDict, revision: Revision): RevisionChange | undefined {
    let current: PdfDict | undefined = dict;
    for (let depth = 0; current && depth < 8; depth += 1) {
      const ft = current.name('FT');
      if (ft !== undefined) {
        if (ft !== 'Sig') return undefined;
        const value = this.dictIn(dict.get('V') ?? current.get('V'), revision);
        if (value && isSigDict(value)) return sigKind(value);
        // An empty signature field is acceptable only when it draws nothing: a visible one added after a
        // signature could lay new text over the signed page (a "shadow" overlay), so it is an annotation.
        return this.drawsNothing(dict, revision) ? 'signature' : undefined;
      }
      current = this.dictIn(current.get('Parent'), revision);
    }
    return undefined;
  }

  /** True when a widget cannot show anything: no appearance, a zero-area rectangle, or flagged Hidden or NoView. */
  private drawsNothing(dict: PdfDict, revision: Revision): boolean {
    if (dict.get('AP') === undefined) return true;
    const flags = this.file.resolve(dict.get('F'), revision);
    // Annotation flags (ISO 32000-1 §12.5.3): Hidden = 2, NoView = 32.
    if (typeof flags === 'number' && (flags & (2 | 32)) !== 0) return true;
    const rect = this.file.array(dict.get('Rect'), revision).map((item) => this.file.resolve(item, revision));
    if (rect.length !== 4 || rect.some((item) => typeof item !== 'number')) return false;
    const [x1, y1, x2, y2] = rect as number[];
    return Math.abs(x2 - x1) < 0.5 || Math.abs(y2 - y1) < 0.5;
  }

  private add(change: RevisionChange): void {
    this.changes.add(change);
  }

  /** Items added to and removed from an array (references compared by number, direct values by value). */
  private diff(before: readonly PdfValue[], after: readonly PdfValue[]): { added: PdfValue[]; removed: PdfValue[] } {
    const contains = (list: readonly PdfValue[], item: PdfValue): boolean => list.some((other) => sameValue(other, item));
    return { added: after.filter((item) => !contains(before, item)), removed: before.filter((item) => !contains(after, item)) };
  }

  /** Fields or annotations added: signature fields/widgets are a signature, anything else `other`. */
  private judgeAdded(items: readonly PdfValue[], otherwise: RevisionChange): void {
    for (const item of items) {
      const dict = this.dictIn(item, this.revision);
      const kind = dict ? this.signatureFieldKind(dict, this.revision) : undefined;
      this.add(kind ?? otherwise);
    }
  }

  private compareAnnots(before: PdfValue | undefined, after: PdfValue | undefined): void {
    const { added, removed } = this.diff(this.file.array(before, this.previous), this.file.array(after, this.revision));
    this.judgeAdded(added, 'annotations');
    if (removed.length > 0) this.add('annotations');
  }

  private compareAcroForm(before: PdfDict | undefined, after: PdfDict | undefined): void {
    if (!after) {
      if (before) this.add('formValues');
      return;
    }
    const { added, removed } = this.diff(this.file.array(before?.get('Fields'), this.previous), this.file.array(after.get('Fields'), this.revision));
    this.judgeAdded(added, 'formValues');
    if (removed.length > 0) this.add('formValues');
    const keys = new Set([...(before?.entries.keys() ?? []), ...after.entries.keys()]);
    for (const key of keys) {
      if (key === 'Fields' || ACROFORM_SIGNING_KEYS.has(key)) continue;
      if (!sameValue(before?.get(key), after.get(key))) this.add('formValues');
    }
  }

  private compareCatalog(before: PdfDict | undefined, after: PdfDict): void {
    const keys = new Set([...(before?.entries.keys() ?? []), ...after.entries.keys()]);
    for (const key of keys) {
      const old = before?.get(key);
      const now = after.get(key);
      if (sameValue(old, now)) continue;
      if (key === 'AcroForm') {
        // A new or replaced AcroForm object: compare its content (an indirect one is judged when its object is).
        if (!(now instanceof PdfRef) || !(old instanceof PdfRef) || now.num !== old.num) {
          this.compareAcroForm(this.dictIn(old, this.previous), this.dictIn(now, this.revision));
        }
      } else if (key === 'DSS' || key === 'Extensions') this.add('validationData');
      else if (!CATALOG_SIGNING_KEYS.has(key)) this.add('other');
    }
  }

  private comparePage(before: PdfDict | undefined, after: PdfDict): void {
    const keys = new Set([...(before?.entries.keys() ?? []), ...after.entries.keys()]);
    for (const key of keys) {
      const old = before?.get(key);
      const now = after.get(key);
      if (sameValue(old, now)) continue;
      if (key === 'Annots') this.compareAnnots(old, now);
      else this.add('pageContent');
    }
  }

  /** Pages of the new revision, and which indirect arrays are some page's /Annots or /Contents. */
  private pages(): { pages: Set<number>; annotsArrays: Map<number, number>; contentsArrays: Set<number> } {
    if (this.pageInfo) return this.pageInfo;
    const pages = new Set<number>();
    const annotsArrays = new Map<number, number>();
    const contentsArrays = new Set<number>();
    const visit = (value: PdfValue | undefined, depth: number): void => {
      if (!(value instanceof PdfRef) || depth > 32 || pages.has(value.num)) return;
      const node = this.dictIn(value, this.revision);
      if (!node) return;
      if (node.name('Type') === 'Pages' || node.get('Kids') !== undefined) {
        pages.add(value.num);
        for (const kid of this.file.array(node.get('Kids'), this.revision)) visit(kid, depth + 1);
        return;
      }
      pages.add(value.num);
      const annots = node.get('Annots');
      if (annots instanceof PdfRef) annotsArrays.set(annots.num, value.num);
      const contents = node.get('Contents');
      if (contents instanceof PdfRef && Array.isArray(this.file.resolve(contents, this.revision))) contentsArrays.add(contents.num);
    };
    visit(this.file.catalog(this.revision)?.get('Pages'), 0);
    this.pageInfo = { pages, annotsArrays, contentsArrays };
    return this.pageInfo;
  }

  /** Object numbers reachable from the catalog's /DSS (certificates, OCSP responses, CRLs, VRI). */
  private validationObjects(): Set<number> {
    const out = new Set<number>();
    const walk = (value: PdfValue | undefined, depth: number): void => {
      if (depth > 6) return;
      for (const num of refsIn(value)) {
        if (out.has(num)) continue;
        out.add(num);
        walk(this.file.object(num, this.revision), depth + 1);
      }
    };
    const dss = this.file.catalog(this.revision)?.get('DSS');
    if (dss instanceof PdfRef) out.add(dss.num);
    walk(dss, 0);
    return out;
  }

  /** The changes, in the report's order. */
  run(): RevisionChange[] {
    const { file, revision, previous } = this;
    const rootRef = revision.trailer.get('Root');
    const rootNum = rootRef instanceof PdfRef ? rootRef.num : -1;
    const previousRoot = previous.trailer.get('Root');
    const infoRef = revision.trailer.get('Info');
    const infoNum = infoRef instanceof PdfRef ? infoRef.num : -1;
    const acroFormRef = file.catalog(revision)?.get('AcroForm');
    const acroFormNum = acroFormRef instanceof PdfRef ? acroFormRef.num : -1;
    const acroFormFields = this.dictIn(acroFormRef, revision)?.get('Fields');
    const fieldsArrayNum = acroFormFields instanceof PdfRef ? acroFormFields.num : -1;
    let validation: Set<number> | undefined;
    for (const [num, entry] of revision.written) {
      if (revision.xrefStreams.includes(num) || num === 0) continue;
      const found = file.object(num, previous);
      // A number that was a cross-reference or object stream before is a new object now.
      const old = found instanceof PdfStream && (found.dict.name('Type') === 'XRef' || found.dict.name('Type') === 'ObjStm') ? undefined : found;
      if (entry.type === 0) {
        if (old !== undefined) this.add('other');
        continue;
      }
      const now = file.object(num, revision);
      if (now === undefined || (old !== undefined && sameValue(old, now))) continue;
      if (now instanceof PdfStream && (now.dict.name('Type') === 'ObjStm' || now.dict.name('Type') === 'XRef')) continue;
      validation ??= this.validationObjects();
      if (validation.has(num)) {
        this.add('validationData');
        continue;
      }
      if (num === infoNum) continue;
      if (num === rootNum) {
        const before = this.dictIn(previousRoot, previous);
        if (now instanceof PdfDict) this.compareCatalog(before, now);
        continue;
      }
      if (num === acroFormNum && now instanceof PdfDict) {
        this.compareAcroForm(this.dictIn(old, previous), now);
        continue;
      }
      if (Array.isArray(now)) {
        if (num === fieldsArrayNum) {
          const { added, removed } = this.diff(Array.isArray(old) ? old : [], now);
          this.judgeAdded(added, 'formValues');
          if (removed.length > 0) this.add('formValues');
        } else if (this.pages().annotsArrays.has(num)) {
          this.compareAnnots(Array.isArray(old) ? old : [], now);
        } else if (old !== undefined) this.add(this.pages().contentsArrays.has(num) ? 'pageContent' : 'other');
        continue;
      }
      const dict = now instanceof PdfStream ? now.dict : now instanceof PdfDict ? now : undefined;
      if (!dict) {
        if (old !== undefined) this.add('other');
        continue;
      }
      if (isSigDict(dict) && !(now instanceof PdfStream)) {
        this.add(old === undefined ? sigKind(dict) : 'other');
        continue;
      }
      const type = dict.name('Type');
      const oldDict = this.dictIn(old, previous);
      if (type === 'Page' || (oldDict?.name('Type') === 'Page' && !(now instanceof PdfStream))) {
        this.comparePage(oldDict, dict);
        continue;
      }
      if (type === 'Pages') {
        if (old !== undefined) this.add('pageContent');
        continue;
      }
      if (type === 'Metadata') continue;
      const isAnnotation = type === 'Annot' || (dict.get('Subtype') instanceof PdfName && dict.get('Rect') !== undefined && !(now instanceof PdfStream));
      const isField = dict.get('FT') !== undefined || (dict.get('T') !== undefined && dict.get('Parent') === undefined && !(now instanceof PdfStream));
      if (isAnnotation || isField) {
        const kind = this.signatureFieldKind(dict, revision);
        if (kind) {
          // A new signature field, or an empty one signed now (only /V and its appearance added).
          const wasSigned = oldDict?.get('V') !== undefined;
          this.add(old === undefined || !wasSigned ? kind : 'formValues');
        } else if (old !== undefined) {
          this.add(dict.name('Subtype') === 'Widget' || isField ? 'formValues' : 'annotations');
        }
        continue;
      }
      // A new object (a font, an appearance stream, an image) changes nothing until a changed page,
      // annotation or form refers to it; an existing one rewritten differently changes what it draws.
      if (old !== undefined) this.add(now instanceof PdfStream ? 'pageContent' : 'other');
    }
    return ORDER.filter((change) => this.changes.has(change));
  }
}

/** What the revision changed against the one before it. */
export function changesOf(file: PdfFile, revision: Revision, previous: Revision): RevisionChange[] {
  return new RevisionComparison(file, revision, previous).run();
}

/** True when the changes are only signatures, time-stamps and validation data. */
export function isAcceptable(changes: readonly RevisionChange[]): boolean {
  return changes.every((change) => change === 'signature' || change === 'timestamp' || change === 'validationData');
}

/** Port fakes and sample forms for the application-service tests (plain Node, no tenant). */
import { strToU8, zipSync } from 'fflate';
import { checkForm, fillForm, generateTemplate, readForm, requestedDataOf, requestedWaves, sampleValues, withFields } from '../../src/forms';
import type { FormType } from '../../src/forms';
import type { DocumentLibrary, DocumentMetadata, StoredDocument } from '../../src/data/ports';
import type { FormsEngine } from '../../src/app/formsEngine';

/** The forms engine as a Node host hands it over. */
export const formsEngine: FormsEngine = { readForm, checkForm, requestedDataOf, requestedWaves };

/** One upload the fake library received. */
export interface Upload {
  readonly reference: string;
  readonly fileName: string;
  readonly size: number;
  readonly metadata: DocumentMetadata;
}

/** An in-memory document library that records calls in order. */
export class FakeLibrary implements DocumentLibrary {
  public readonly calls: string[] = [];
  public readonly uploads: Upload[] = [];
  private readonly stored = new Map<string, StoredDocument[]>();
  private readonly contents = new Map<string, Uint8Array>();

  public constructor(initial: Readonly<Record<string, readonly Partial<StoredDocument>[]>> = {}) {
    for (const [reference, documents] of Object.entries(initial)) {
      this.stored.set(reference, documents.map((document, index) => this.document(reference, { fileName: `f${index}.pdf`, ...document })));
    }
  }

  public async ensureFolder(reference: string): Promise<void> {
    this.calls.push(`ensureFolder ${reference}`);
  }

  public async upload(reference: string, fileName: string, content: Uint8Array, metadata: DocumentMetadata): Promise<StoredDocument> {
    this.calls.push(`upload ${reference}/${fileName}`);
    this.uploads.push({ reference, fileName, size: content.length, metadata });
    const document = this.document(reference, { fileName, size: content.length, kind: metadata.kind, phase: metadata.phase });
    this.contents.set(`${reference}/${fileName}`, content);
    this.stored.set(reference, [...(this.stored.get(reference) ?? []), document]);
    return document;
  }

  public async list(reference: string): Promise<StoredDocument[]> {
    this.calls.push(`list ${reference}`);
    return [...(this.stored.get(reference) ?? [])];
  }

  /** The bytes an `upload` stored (files given to the constructor have none). */
  public async download(reference: string, fileName: string): Promise<Uint8Array> {
    this.calls.push(`download ${reference}/${fileName}`);
    const content = this.contents.get(`${reference}/${fileName}`);
    if (!content) throw new Error(`FakeLibrary: ${reference}/${fileName} has no stored content`);
    return content;
  }

  public async versions(): Promise<string[]> {
    throw new Error('not used by these tests');
  }

  private document(reference: string, partial: Partial<StoredDocument> & { fileName: string }): StoredDocument {
    return {
      id: `${reference}/${partial.fileName}`,
      serverRelativeUrl: `/sites/microdata/Dossierdocumenten/${reference}/${partial.fileName}`,
      size: 1,
      version: '1.0',
      ...partial
    };
  }
}

/** A filled form of the type; `signedBy` adds a signature block with that capacity text. */
export async function sampleForm(formType: FormType, signedBy?: string, fileName = `${formType}.docx`): Promise<Uint8Array> {
  const values = sampleValues(formType, { signed: signedBy !== undefined });
  const filled = signedBy !== undefined ? withFields(values, { 'ondertekening.hoedanigheid': signedBy }) : values;
  return fillForm(await generateTemplate(formType), filled, { fileName });
}

/** A few bytes that look like a PDF (never read). */
export const pdfBytes = new TextEncoder().encode('%PDF-1.4\n%demo\n');

/** A minimal Word document that is not a VSA form (a cover letter). */
export function letterDocx(): Uint8Array {
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const document =
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:body><w:p><w:r><w:t>Beste, in bijlage vindt u onze aanvraag.</w:t></w:r></w:p></w:body></w:document>';
  return zipSync({ '[Content_Types].xml': strToU8(contentTypes), 'word/document.xml': strToU8(document) });
}

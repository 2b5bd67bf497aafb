/**
 * Signature verification benchmark (issue 15): every signature of a 2 MB, 20-page signed PDF (a
 * requester's signature and the VSA countersignature, each in its own incremental update, saved by
 * pdf-lib with object streams) verified in-process, side by side with `PDFDocument.load` of pdf-lib on
 * the same bytes. Goal: verification takes less than 2× the load.
 * Alone: `npm run bench -- signatures`.
 */
import { PDFDocument, PDFString, StandardFonts, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import { createDemoPki } from '../src/local/pki/demoPki';
import { signPdf } from '../src/local/pki/signPdf';
import { verifyPdfSignatures } from '../src/signatures/pdf';
import type { BenchResult } from './types';

const PAGES = 20;
const TARGET_BYTES = 2 * 1024 * 1024;
const RUNS = 21;

/** Pseudo-random, incompressible bytes (a scan's image data), the same on every run. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[index] = state >>> 24;
  }
  return out;
}

/**
 * A 20-page PDF of about 2 MB. `document`: what a word processor exports — text on every page, four
 * images and six link annotations per page (about 250 objects); `scan`: one large image per page (few
 * objects, the kind of file pdf-lib loads fastest).
 */
export async function makeBenchPdf(kind: 'document' | 'scan' = 'document'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const imagesPerPage = kind === 'scan' ? 1 : 4;
  const side = Math.floor(Math.sqrt(TARGET_BYTES / PAGES / imagesPerPage));
  for (let index = 0; index < PAGES; index += 1) {
    const page = doc.addPage([595, 842]);
    for (let line = 0; line < (kind === 'scan' ? 5 : 60); line += 1) {
      page.drawText(`Protocol microdata, pagina ${index + 1}, regel ${line + 1}: de aanvrager verwerkt de gegevens enkel voor het doel.`, { x: 40, y: 800 - line * 12, size: 8, font });
    }
    for (let image = 0; image < imagesPerPage; image += 1) {
      const stream = doc.context.stream(noise(side * side, index * 10 + image + 1), { Type: 'XObject', Subtype: 'Image', Width: side, Height: side, ColorSpace: 'DeviceGray', BitsPerComponent: 8 });
      const name = page.node.newXObject('Im', doc.context.register(stream));
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(100, 0, 0, 100, 40 + image * 120, 40), drawObject(name), popGraphicsState());
    }
    if (kind === 'document') {
      for (let link = 0; link < 6; link += 1) {
        const annotation = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [40, 700 - link * 20, 200, 712 - link * 20], Border: [0, 0, 0], A: { S: 'URI', URI: PDFString.of(`https://www.vlaanderen.be/statistiek-vlaanderen/${index}/${link}`) } });
        page.node.addAnnot(doc.context.register(annotation));
      }
    }
  }
  return doc.save();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function time(task: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await task();
  return performance.now() - t0;
}

/** Load and verification medians of one signed bench file. */
async function measure(kind: 'document' | 'scan'): Promise<BenchResult[]> {
  const now = new Date('2026-06-01T10:00:00Z');
  const pki = await createDemoPki(now);
  const requester = await pki.person('An', 'Peeters');
  const chief = await pki.person('Hoofd', 'Statisticus');
  const original = await makeBenchPdf(kind);
  const once = await signPdf(original, { signer: requester, chain: [pki.intermediate], signingTime: now, appearance: { page: PAGES - 1, rect: [72, 600, 272, 650] } });
  const bytes = await signPdf(once, { signer: chief, chain: [pki.intermediate], signingTime: now, subFilter: 'ETSI.CAdES.detached', appearance: { page: PAGES - 1, rect: [300, 600, 500, 650] } });
  const options = { trustAnchors: [pki.root.der], now: now.toISOString() };
  const check = await verifyPdfSignatures(bytes, 'bench.pdf', options);
  if (check.signatures.length !== 2 || check.signatures.some((signature) => signature.status !== 'valid')) throw new Error('the bench PDF does not verify');
  const tasks = {
    load: () => PDFDocument.load(bytes, { updateMetadata: false }),
    verify: () => verifyPdfSignatures(bytes, 'bench.pdf', options)
  };
  const samples: Record<keyof typeof tasks, number[]> = { load: [], verify: [] };
  for (let i = 0; i < 3; i++) for (const task of Object.values(tasks)) await task();
  for (let i = 0; i < RUNS; i++) {
    for (const [name, task] of Object.entries(tasks) as [keyof typeof tasks, () => Promise<unknown>][]) samples[name].push(await time(task));
  }
  const load = median(samples.load);
  const verify = median(samples.verify);
  const size = `${kind}: ${(bytes.length / 1024 / 1024).toFixed(2)} MB, ${PAGES} pages, 2 signatures`;
  return [
    { area: 'signatures', name: `${kind}: pdf-lib PDFDocument.load, median`, value: load, unit: 'ms', note: size },
    { area: 'signatures', name: `${kind}: verify every signature, median`, value: verify, unit: 'ms', note: size },
    { area: 'signatures', name: `${kind}: verify / load (goal < 2)`, value: verify / load, unit: '×' }
  ];
}

/** Runs the signature benchmark on both kinds of file. */
export async function run(): Promise<BenchResult[]> {
  return [...(await measure('document')), ...(await measure('scan'))];
}

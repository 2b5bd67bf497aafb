/**
 * The publication version goes through `makePublicationVersion` (the signature data taken out): a
 * signed PDF becomes the stripped PDF, a .docx is stripped and then converted; only a registered
 * countersigned (or signed) document is a source. A fake maker stands in for src/signatures/publication.
 */
import { CommandService } from '../../src/data/commandService';
import { PublicationService, publicationFileName, strippedDocxFileName } from '../../src/data/mail/publicationService';
import type { MakePublicationVersion } from '../../src/data/mail/ports';
import { formatFailure } from '../../src/app/failures';
import { MemoryStores } from '../data/support/memoryStores';
import { FakeLibrary } from '../app/support';
import { buildDossier } from '../correspondence/support/dossiers';

const AT = '2026-03-01T10:00:00.000Z';
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (content: Uint8Array): string => new TextDecoder().decode(content);

/** A countersigned dossier whose registered original is `protocol-<reference>cs.<extension>`, stored with `content`. */
async function setUp(extension: 'docx' | 'pdf', maker?: MakePublicationVersion) {
  const reference = 'VSA-2026-0801';
  const { events } = buildDossier({ reference, upTo: 'signed' });
  const fileName = `protocol-${reference}cs.${extension}`;
  const registered = events.map((event) => (event.type === 'Countersigned' ? { ...event, documents: event.documents.map((document) => ({ ...document, fileName })) } : event));
  const stores = new MemoryStores();
  registered.forEach((event, index) => stores.log.push({ sequence: index + 1, event }));
  const commands = new CommandService({ dossiers: stores, events: stores, clock: () => AT });
  const library = new FakeLibrary();
  await library.upload(reference, fileName, bytes(`signed ${extension}`), { kind: 'protocol', phase: 'countersigned' });
  const converted: string[] = [];
  const converter = { toPdf: jest.fn(async (_reference: string, name: string) => (converted.push(name), bytes(`%PDF of ${name}`))) };
  const service = new PublicationService({ commands, documents: library, converter, ...(maker ? { makePublicationVersion: maker } : {}) });
  return { reference, fileName, library, converter, converted, service };
}

const fakeMaker = (): jest.MockedFunction<MakePublicationVersion> =>
  jest.fn(async (content: Uint8Array, fileName: string) => ({ bytes: bytes(`stripped(${text(content)})`), fileName }));

describe('PublicationService: the publication version through makePublicationVersion', () => {
  it('makes the PDF of a countersigned PDF with the maker (no conversion)', async () => {
    const maker = fakeMaker();
    const { service, reference, fileName, library, converter } = await setUp('pdf', maker);
    const stored = await service.createPublicationVersion(reference, fileName);
    expect(maker).toHaveBeenCalledWith(bytes('signed pdf'), fileName);
    expect(converter.toPdf).not.toHaveBeenCalled();
    expect(stored).toMatchObject({ fileName: publicationFileName(fileName), kind: 'publicationVersion', phase: 'publication' });
    expect(text(await library.download(reference, stored.fileName))).toBe('stripped(signed pdf)');
  });

  it('strips a countersigned .docx, stores the stripped file, converts that one (never the signed original) and cleans the rendered PDF', async () => {
    const maker = fakeMaker();
    const { service, reference, fileName, library, converted } = await setUp('docx', maker);
    const stored = await service.createPublicationVersion(reference, fileName);
    expect(converted).toEqual([strippedDocxFileName(fileName)]);
    expect(text(await library.download(reference, strippedDocxFileName(fileName)))).toBe('stripped(signed docx)');
    expect(stored.fileName).toBe(publicationFileName(fileName));
    // The converter's PDF went through the maker too, so its own metadata does not reach the publication version.
    expect(text(await library.download(reference, stored.fileName))).toBe(`stripped(%PDF of ${strippedDocxFileName(fileName)})`);
    expect(maker).toHaveBeenLastCalledWith(bytes(`%PDF of ${strippedDocxFileName(fileName)}`), publicationFileName(fileName));
  });

  it('without a maker: converts a .docx as it is, and says in Dutch that a signed PDF has no publication version yet', async () => {
    const docx = await setUp('docx');
    expect((await docx.service.createPublicationVersion(docx.reference, docx.fileName)).fileName).toBe(publicationFileName(docx.fileName));
    expect(docx.converted).toEqual([docx.fileName]);
    const pdf = await setUp('pdf');
    const failure = await pdf.service.createPublicationVersion(pdf.reference, pdf.fileName).catch((error: unknown) => error);
    expect(formatFailure(failure, 'nl')).toBe(`Van de ondertekende PDF "${pdf.fileName}" kan hier nog geen publicatieversie gemaakt worden; meld dit aan de beheerder.`);
  });

  it('refuses a file that is only stored, not registered as countersigned, with a message in the user\'s language', async () => {
    const { service, reference, library } = await setUp('pdf', fakeMaker());
    await library.upload(reference, 'los.pdf', bytes('x'), { kind: 'protocol', phase: 'countersigned' });
    const failure = await service.createPublicationVersion(reference, 'los.pdf').catch((error: unknown) => error);
    expect(formatFailure(failure, 'nl')).toBe(`"los.pdf" is geen geregistreerd ondertekend of medeondertekend document van ${reference}.`);
    expect(formatFailure(failure, 'en')).toBe(`"los.pdf" is not a registered signed or countersigned document of ${reference}.`);
  });
});

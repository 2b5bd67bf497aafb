import { createWordGateway, toSearchText } from '../../src/word/office/wordGateway';
import type { WordGateway } from '../../src/word/gateway/types';
import { FakeWord } from './fakes/fakeWord';
import { longDocument, templateDocument, typedOverDocument } from './fakes/documents';

function gatewayFor(word: FakeWord): WordGateway {
  return createWordGateway(word.host());
}

const neverBody = { withComments: true, needsBody: () => false };

describe('Word gateway: reading', () => {
  it('reads properties, every control (tag, title, text, placeholder) and comments; their fields in a second sync', async () => {
    const word = new FakeWord(
      templateDocument('aanvraagformulier', [
        { tag: 'project.titel', title: 'Titel van het project', text: 'Wonen' },
        { tag: 'contact.email', title: 'E-mail', text: 'Vul een e-mailadres in.', placeholderText: 'Vul een e-mailadres in.' }
      ])
    );
    word.document.comments.push({ id: 'c9', content: 'oud', resolved: true, anchor: 'control:100' });
    const result = await gatewayFor(word).read(neverBody);
    expect(word.syncCount).toBe(2);
    expect(result.customProperties).toEqual({ VsaFormType: 'aanvraagformulier', VsaFormVersion: '2026.1' });
    expect(result.controls.map((c) => c.tag)).toEqual(['formType', 'project.titel', 'contact.email']);
    expect(result.controls[1]).toEqual({ id: 100, tag: 'project.titel', title: 'Titel van het project', text: 'Wonen', placeholderText: 'Klik of tik om tekst in te voeren.' });
    expect(result.controls[2].text).toBe(result.controls[2].placeholderText);
    expect(result.comments).toEqual([{ id: 'c9', text: 'oud', resolved: true, controlId: 100 }]);
    expect(result.bodyOoxml).toBeUndefined();
  });

  it.each([10, 5000])('uses one sync for a form with %i variable rows', async (rows) => {
    const word = new FakeWord(longDocument(rows));
    const result = await gatewayFor(word).read(neverBody);
    expect(result.controls).toHaveLength(2 + rows * 2);
    expect(word.syncCount).toBe(1);
  });

  it("reads the body's OOXML in a second sync only when asked (typed-over forms), never more", async () => {
    const word = new FakeWord({ ...typedOverDocument(), bodyOoxml: '<pkg:package/>' });
    const result = await gatewayFor(word).read({ withComments: true, needsBody: (controls) => controls.length === 0 });
    expect(word.syncCount).toBe(2);
    expect(result.bodyOoxml).toBe('<pkg:package/>');
    const templated = new FakeWord(templateDocument('protocol', [{ tag: 'protocol.voorwerp', text: 'x' }]));
    expect((await gatewayFor(templated).read({ withComments: true, needsBody: (controls) => controls.length === 0 })).bodyOoxml).toBeUndefined();
    expect(templated.syncCount).toBe(1);
  });

  it('names the document after the last part of its URL', () => {
    expect(gatewayFor(new FakeWord({ ...typedOverDocument(), url: 'https://x.sharepoint.com/sites/m/Docs/VSA-2026-001/Aanvraag%20UGent.docx?web=1' })).documentName()).toBe('Aanvraag UGent.docx');
    expect(gatewayFor(new FakeWord({ ...typedOverDocument(), url: 'C:\\Users\\an\\form.docx' })).documentName()).toBe('form.docx');
    expect(gatewayFor(new FakeWord(typedOverDocument())).documentName()).toBe('document.docx');
  });

  it('does not touch the comments API when asked not to (host without WordApi 1.4)', async () => {
    const word = new FakeWord(templateDocument('protocol', [{ tag: 'protocol.voorwerp', text: 'x' }]), { supported: { WordApi: '1.3' } });
    const gateway = gatewayFor(word);
    expect(gateway.isSetSupported('WordApi', '1.4')).toBe(false);
    expect(gateway.isSetSupported('WordApi', '1.3')).toBe(true);
    const result = await gateway.read({ withComments: false, needsBody: () => false });
    expect(result.comments).toBeUndefined();
    await expect(gateway.read(neverBody)).rejects.toThrow(/ApiNotFound/);
  });
});

describe('Word gateway: comments', () => {
  it('inserts one comment per request on the right range in two syncs, however many', async () => {
    const word = new FakeWord(longDocument(300));
    const requests = word.document.controls.slice(1).map((control) => ({
      target: { kind: 'control' as const, controlId: control.id },
      text: `over ${control.tag}`
    }));
    const outcomes = await gatewayFor(word).insertComments(requests);
    expect(word.syncCount).toBe(2);
    expect(outcomes.every((o) => o.status === 'inserted')).toBe(true);
    expect(word.document.comments).toHaveLength(requests.length);
    expect(word.document.comments[0]).toMatchObject({ anchor: 'control:100', content: 'over project.titel' });
  });

  it('reports targets that are gone instead of failing the whole batch', async () => {
    const word = new FakeWord(typedOverDocument());
    const outcomes = await gatewayFor(word).insertComments([
      { target: { kind: 'control', controlId: 4242 }, text: 'weg' },
      { target: { kind: 'search', text: 'E-mailadres contactpersoon' }, text: 'ongeldig e-mailadres' },
      { target: { kind: 'search', text: 'Bestaat niet' }, text: 'nergens' },
      { target: { kind: 'documentStart' }, text: 'algemeen' }
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['targetNotFound', 'inserted', 'targetNotFound', 'inserted']);
    expect(word.document.comments.map((c) => c.anchor)).toEqual(['search:e-mailadres contactpersoon', 'paragraph:0']);
    expect(word.syncCount).toBe(2);
  });

  it('does nothing (no sync) for an empty request list', async () => {
    const word = new FakeWord(typedOverDocument());
    expect(await gatewayFor(word).insertComments([])).toEqual([]);
    expect(word.syncCount).toBe(0);
  });

  it('inserts a free comment on the selection, lists and deletes comments', async () => {
    const word = new FakeWord(typedOverDocument());
    const gateway = gatewayFor(word);
    const id = await gateway.insertCommentOnSelection('vrije opmerking');
    expect(word.document.comments).toEqual([{ id, content: 'vrije opmerking', resolved: false, anchor: 'selection' }]);
    await gateway.insertComments([{ target: { kind: 'documentStart' }, text: 'tweede' }]);
    expect((await gateway.listComments()).map((c) => c.text)).toEqual(['vrije opmerking', 'tweede']);
    expect(await gateway.deleteComments([id, 'unknown'])).toBe(1);
    expect(word.document.comments.map((c) => c.content)).toEqual(['tweede']);
  });
});

describe('Word gateway: review state (fields of comments, resolved, the hidden review part)', () => {
  const NS = 'urn:test:review';
  const part = (body: string) => `<review xmlns="${NS}">${body}</review>`;

  it('reads comments with the control each lies in and the part in two syncs, however many comments', async () => {
    const word = new FakeWord(longDocument(500));
    word.document.comments = word.document.controls.slice(1).map((control, index) => ({ id: `c${index}`, content: `over ${control.tag}`, resolved: index === 0, anchor: `control:${control.id}` }));
    word.document.comments.push({ id: 'free', content: 'algemeen', resolved: false, anchor: 'paragraph:0' });
    word.document.customXmlParts = { [NS]: part('<comment/>') };
    const state = await gatewayFor(word).readComments(NS);
    expect(word.syncCount).toBe(2);
    expect(state.customXml).toBe(part('<comment/>'));
    expect(state.comments[0]).toEqual({ id: 'c0', text: 'over project.titel', resolved: true, controlId: 100 });
    expect(state.comments[state.comments.length - 1]).toEqual({ id: 'free', text: 'algemeen', resolved: false });
  });

  it('reads without a part in one sync when the document has no comments', async () => {
    const word = new FakeWord(typedOverDocument());
    expect(await gatewayFor(word).readComments(NS)).toEqual({ comments: [] });
    expect(word.syncCount).toBe(1);
  });

  it('adds the part, then replaces it; reads it back; the read of the document returns it too', async () => {
    const word = new FakeWord(templateDocument('aanvraagformulier', [{ tag: 'project.titel', text: 'Wonen' }]));
    const gateway = gatewayFor(word);
    expect(await gateway.readCustomXml(NS)).toBeUndefined();
    await gateway.writeCustomXml(NS, part('<a/>'));
    await gateway.writeCustomXml(NS, part('<b/>'));
    expect(word.document.customXmlParts).toEqual({ [NS]: part('<b/>') });
    expect(await gateway.readCustomXml(NS)).toBe(part('<b/>'));
    word.syncCount = 0;
    const read = await gateway.read({ ...neverBody, customXmlNamespace: NS });
    expect(read.customXml).toBe(part('<b/>'));
    expect(word.syncCount).toBe(2);
  });

  it('writes the part with the comments in the same two syncs', async () => {
    const word = new FakeWord(templateDocument('aanvraagformulier', [{ tag: 'project.titel', text: 'Wonen' }]));
    await gatewayFor(word).insertComments([{ target: { kind: 'control', controlId: 100 }, text: 'Te vaag.' }], { namespace: NS, xml: part('<c/>') });
    expect(word.syncCount).toBe(2);
    expect(word.document.comments.map((c) => c.content)).toEqual(['Te vaag.']);
    expect(word.document.customXmlParts).toEqual({ [NS]: part('<c/>') });
  });

  it("sets Word's resolved state of the comments asked for, in two syncs", async () => {
    const word = new FakeWord(typedOverDocument());
    word.document.comments.push({ id: 'a', content: 'A', resolved: false, anchor: 'paragraph:0' }, { id: 'b', content: 'B', resolved: false, anchor: 'paragraph:0' });
    expect(await gatewayFor(word).setCommentsResolved(['b', 'gone'], true)).toBe(1);
    expect(word.document.comments.map((c) => c.resolved)).toEqual([false, true]);
    expect(word.syncCount).toBe(2);
  });

  it('the part needs WordApi 1.4, like comments', async () => {
    const word = new FakeWord(typedOverDocument(), { supported: { WordApi: '1.3' } });
    await expect(gatewayFor(word).readCustomXml(NS)).rejects.toThrow(/ApiNotFound/);
  });
});

describe('Word gateway: selection', () => {
  it('selects a control by id and a label by search; reports a missing target', async () => {
    const word = new FakeWord(templateDocument('aanvraagformulier', [{ tag: 'project.titel', text: 'Wonen' }]));
    const gateway = gatewayFor(word);
    expect(await gateway.select({ kind: 'control', controlId: 100 })).toBe(true);
    expect(word.selection).toBe('control:100');
    expect(await gateway.select({ kind: 'search', text: 'project.titel' })).toBe(true);
    expect(await gateway.select({ kind: 'control', controlId: 999 })).toBe(false);
    expect(word.selection).toBe('search:project.titel');
  });

  it('escapes carets and cuts search text at 255 characters', () => {
    expect(toSearchText('a^b')).toBe('a^^b');
    expect(toSearchText('x'.repeat(300))).toHaveLength(255);
    expect(toSearchText(`${'x'.repeat(254)}^`)).toHaveLength(254);
  });
});

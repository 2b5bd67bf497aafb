import { pathAfterVersion } from '../../src/data/mail/graphSharedMailbox';
import { GraphMailSender, GraphPdfConverter, GraphSharedMailbox, base64ToBytes, bytesToBase64, maxInlineAttachmentBytes, publicationFileName } from '../../src/data/mail';
import type { GraphApi } from '../../src/data/graph/notifier';

/** A recording fake of the Graph client's fluent request API (unit tests of the adapters only). */
function fakeGraph(answer: (path: string, method: string, body?: unknown) => unknown): { graph: GraphApi; calls: { path: string; method: string; body?: unknown; select?: string }[] } {
  const calls: { path: string; method: string; body?: unknown; select?: string }[] = [];
  const graph = {
    api(path: string) {
      const call: { path: string; method: string; body?: unknown; select?: string } = { path, method: 'GET' };
      const request = {
        select: (value: string) => ((call.select = value), request),
        orderby: () => request,
        top: () => request,
        responseType: () => request,
        get: async () => (calls.push(call), answer(path, 'GET')),
        post: async (body: unknown) => (calls.push({ ...call, method: 'POST', body }), answer(path, 'POST', body)),
        patch: async (body: unknown) => (calls.push({ ...call, method: 'PATCH', body }), answer(path, 'PATCH', body))
      };
      return request;
    }
  } as unknown as GraphApi;
  return { graph, calls };
}

describe('base64 without Buffer', () => {
  it('round-trips every byte value and large inputs', () => {
    const bytes = new Uint8Array(100_000).map((_v, i) => (i * 7) % 256);
    const text = bytesToBase64(bytes);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(text)).toEqual(bytes);
    expect(() => base64ToBytes('@@@')).toThrow(/not valid base64/);
  });
});

describe('GraphSharedMailbox', () => {
  it('follows @odata.nextLink up to the limit and maps messages defensively', async () => {
    const { graph, calls } = fakeGraph((path) =>
      path.includes('page2')
        ? { value: [{ id: 'm3', subject: 'C' }] }
        : { value: [{ id: 'm1', subject: 'A', from: { emailAddress: { name: 'N', address: 'a@x.example' } }, categories: ['Dossier VSA-2026-0001', 7] }, { id: 'm2' }, { id: 'own', from: { emailAddress: { address: 'MB@vsa.example' } } }], '@odata.nextLink': 'https://graph.microsoft.com/v1.0/users/mb@vsa.example/mailFolders/inbox/messages?$skip=50&page2' }
    );
    const messages = await new GraphSharedMailbox(graph, 'mb@vsa.example').listMessages(10);
    expect(messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
    expect(messages[0]).toMatchObject({ from: { name: 'N', address: 'a@x.example' }, categories: ['Dossier VSA-2026-0001'] });
    expect(messages[1]).toMatchObject({ subject: '', categories: [], hasAttachments: false });
    expect(calls[0].path).toBe('/users/mb%40vsa.example/mailFolders/inbox/messages');
    expect(calls[1].path).toBe('/users/mb@vsa.example/mailFolders/inbox/messages?$skip=50&page2');
    expect(pathAfterVersion('http://127.0.0.1:9/graph/beta/me/messages?$skip=1')).toBe('/me/messages?$skip=1');
  });

  it('refuses a message without id and a bad mailbox address', async () => {
    const { graph } = fakeGraph(() => ({ value: [{ subject: 'zonder id' }] }));
    await expect(new GraphSharedMailbox(graph, 'mb@vsa.example').listMessages()).rejects.toMatchObject({ code: 'data.error.corrupt' });
    expect(() => new GraphSharedMailbox(graph, 'geen adres')).toThrow(/not a mailbox address/);
  });
});

describe('GraphMailSender', () => {
  it('posts the mail with base64 file attachments from the shared mailbox', async () => {
    const { graph, calls } = fakeGraph(() => undefined);
    await new GraphMailSender(graph, 'mb@vsa.example').send({ to: ['a@x.example'], cc: [], subject: 'S', body: 'B', attachments: [{ name: 'a.pdf', contentType: 'application/pdf', content: new Uint8Array([1, 2, 3]) }] });
    expect(calls[0]).toMatchObject({
      path: '/users/mb%40vsa.example/sendMail',
      method: 'POST',
      body: { saveToSentItems: true, message: { subject: 'S', attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'a.pdf', contentBytes: 'AQID' }] } }
    });
  });

  it('refuses bad recipients and attachments too large for one request', async () => {
    const { graph, calls } = fakeGraph(() => undefined);
    const sender = new GraphMailSender(graph, 'mb@vsa.example');
    await expect(sender.send({ to: [], cc: [], subject: 'S', body: 'B', attachments: [] })).rejects.toMatchObject({ code: 'data.error.invalidInput' });
    await expect(sender.send({ to: ['x'], cc: [], subject: 'S', body: 'B', attachments: [] })).rejects.toThrow(/not an e-mail address/);
    const big = { name: 'big.pdf', contentType: 'application/pdf', content: new Uint8Array(maxInlineAttachmentBytes + 1) };
    await expect(sender.send({ to: ['a@x.example'], cc: [], subject: 'S', body: 'B', attachments: [big] })).rejects.toThrow(/at most/);
    expect(calls).toHaveLength(0);
  });
});

describe('GraphPdfConverter', () => {
  it('reads the drive id once and asks for ?format=pdf by path', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4 ...');
    const { graph, calls } = fakeGraph((path) => (path.endsWith('/drive') ? { id: 'b!abc' } : pdf.buffer));
    const converter = new GraphPdfConverter(graph, { siteUrl: 'https://contoso.sharepoint.com/sites/microdata/' });
    expect(await converter.toPdf('VSA-2026-0001', 'protocol ondertekend.docx')).toEqual(pdf);
    await converter.toPdf('VSA-2026-0001', 'b.docx');
    expect(calls.map((c) => c.path)).toEqual([
      '/sites/contoso.sharepoint.com:/sites/microdata:/lists/Dossierdocumenten/drive',
      '/drives/b!abc/root:/VSA-2026-0001/protocol%20ondertekend.docx:/content?format=pdf',
      '/drives/b!abc/root:/VSA-2026-0001/b.docx:/content?format=pdf'
    ]);
  });

  it('refuses files Graph cannot convert and answers that are not PDF', async () => {
    const { graph } = fakeGraph((path) => (path.endsWith('/drive') ? { id: 'b!abc' } : new TextEncoder().encode('<html>').buffer));
    const converter = new GraphPdfConverter(graph, { siteUrl: 'https://contoso.sharepoint.com/sites/microdata' });
    await expect(converter.toPdf('VSA-2026-0001', 'scan.pdf')).rejects.toMatchObject({ code: 'data.error.invalidInput' });
    await expect(converter.toPdf('VSA-2026-0001', 'a.docx')).rejects.toMatchObject({ code: 'data.error.corrupt' });
  });

  it('names the publication version after its source', () => {
    expect(publicationFileName('protocol PROT-2026-001.docx')).toBe('protocol PROT-2026-001-publicatie.pdf');
  });
});

import { bodyToText, htmlToText, previewOf, referenceMentions } from '../../src/correspondence';

describe('the body of a received mail as text', () => {
  it('keeps a plain body whole and previews its first ~200 characters with whitespace collapsed', () => {
    const body = `Beste,\r\n\r\n   In bijlage   de formulieren.\n${'Lange uitleg over het project. '.repeat(20)}\nGroeten, Karel`;
    const text = bodyToText('text', body);
    expect(text.startsWith('Beste,\n\n   In bijlage')).toBe(true);
    expect(text.endsWith('Groeten, Karel')).toBe(true);
    const preview = previewOf(text);
    expect(preview.startsWith('Beste, In bijlage de formulieren. Lange uitleg')).toBe(true);
    expect(preview.length).toBeLessThanOrEqual(201);
    expect(preview.endsWith('…')).toBe(true);
    expect(previewOf('  kort   bericht \n')).toBe('kort bericht');
  });

  it('turns HTML into text: scripts and styles dropped with their content, tags removed, entities decoded once', () => {
    const html = '<html><head><style>p{color:red}</style><title>x</title></head><body><p>Beste&nbsp;team,</p><script>alert("xss")</script>'
      + '<p>Zie <b>VSA-2026-0012</b> &amp; de &lt;script&gt;-tag, caf&eacute; &#233; &#x20AC;</p><img src=x onerror="alert(1)"><!-- <script>bad()</script> --></body></html>';
    const text = htmlToText(html);
    expect(text).toBe('Beste team,\n\nZie VSA-2026-0012 & de <script>-tag, café é €');
    expect(text).not.toMatch(/alert|color:red|onerror|bad\(\)/);
    expect(bodyToText('html', html)).toBe(text);
    // A number beyond Unicode or a NUL is shown as the replacement character, never passed on.
    expect(htmlToText('a&#0;b&#x110000;c')).toBe('a\uFFFDb\uFFFDc');
  });
});

describe('references a message mentions', () => {
  it('lists the subject’s before the body’s, each once, protocol numbers too', () => {
    expect(referenceMentions('RE: [VSA-2026-0012] formulieren', 'Zoals in vsa-2026-0003 en PROT-2025-007; ook VSA-2026-0012.')).toEqual([
      { kind: 'dossier', value: 'VSA-2026-0012', foundIn: 'subject' },
      { kind: 'dossier', value: 'VSA-2026-0003', foundIn: 'body' },
      { kind: 'protocol', value: 'PROT-2025-007', foundIn: 'body' }
    ]);
    expect(referenceMentions('Vraag', 'geen referentie, VSA-26-1 en XVSA-2026-0001X tellen niet')).toEqual([]);
  });
});

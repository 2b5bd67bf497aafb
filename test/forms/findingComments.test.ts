import { unzipSync } from 'fflate';
import { reconcileFindings } from '../../src/domain/findings';
import type { DossierFinding } from '../../src/domain/findings';
import {
  annotate,
  annotateFindings,
  automaticFindingOf,
  checkForm,
  commentAuthorName,
  fillForm,
  findingText,
  generateTemplate,
  readAnnotations,
  readFindingIds,
  readForm,
  sampleValues,
  withFields
} from '../../src/forms';
import type { CheckContext } from '../../src/forms';

const DRAFT: CheckContext = { phase: 'draft', today: '2026-11-25' };
const AT = '2026-11-25T10:15:00Z';
const REVIEWER = { id: 'els@vsa.example', displayName: 'Els Evaluator' };

const decode = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function remark(id: string, fields: Partial<DossierFinding>): DossierFinding {
  return {
    id, documentKind: 'aanvraagformulier', origin: 'reviewer', text: 'Opmerking', author: REVIEWER, audience: 'requester', severity: 'warning',
    firstSeenVersion: '1.0', lastSeenVersion: '1.0', status: 'open', createdAt: AT, history: [], revision: 1, ...fields
  };
}

async function filledWithDefects(): Promise<Uint8Array> {
  const values = withFields(sampleValues('aanvraagformulier'), { 'contact.email': 'geen-adres', 'aanvrager.kbo': '0123.456.789' });
  return fillForm(await generateTemplate('aanvraagformulier'), values);
}

async function automaticFindings(bytes: Uint8Array): Promise<readonly DossierFinding[]> {
  const form = await readForm(bytes, 'aanvraag.docx');
  const findings = checkForm(form, DRAFT);
  const review = { documentKind: 'aanvraagformulier' as const, documentId: 'd1', version: '1.0', readable: true, automaticFindings: findings.map((finding) => automaticFindingOf(finding, form)) };
  return reconcileFindings([], [review], AT, REVIEWER).findings;
}

describe('annotateFindings: findings as comments the requester can read', () => {
  it('writes each finding at its field with plain text, a display name as author and the id hidden', async () => {
    const filled = await filledWithDefects();
    const automatic = await automaticFindings(filled);
    expect(automatic.map((f) => f.fieldId).sort()).toEqual(['aanvrager.kbo', 'contact.email']);
    const remarks = [
      remark('r-1', { fieldId: 'project.titel', text: 'Titel graag inkorten.' }),
      remark('r-2', { fieldId: 'variabelen.motivering', rowIndex: 1, text: 'Waarom deze variabele?', author: { id: 'sofie@vsa.example', displayName: 'sofie@vsa.example' } })
    ];
    const annotated = await annotateFindings(filled, [...automatic, ...remarks], { date: AT, fileName: 'aanvraag.docx' });

    const comments = decode(unzipSync(annotated)['word/comments.xml']);
    expect(comments).not.toMatch(/\[VSA/);
    expect(comments).not.toMatch(/w:author="[^"]*@/);
    expect(comments).toContain('<w:vanish/>');
    const back = await readAnnotations(annotated, 'aanvraag.docx');
    expect(back.map((a) => [a.findingId, a.fieldId, a.rowIndex, a.author])).toEqual([
      ...automatic.map((f) => [f.id, f.fieldId, undefined, 'Statistiek Vlaanderen (VSA)']),
      ['r-1', 'project.titel', undefined, 'Els Evaluator'],
      ['r-2', 'variabelen.motivering', 1, 'Statistiek Vlaanderen (VSA)']
    ]);
    expect(back.find((a) => a.findingId === 'r-1')!.text).toBe('Titel graag inkorten.');
    expect(back.every((a) => a.origin === 'finding' && !a.text.includes('vsa-finding'))).toBe(true);
    // What Word shows (the reader's visible text of the comment) has no marker either.
    const form = await readForm(annotated, 'aanvraag.docx');
    expect(form.comments.find((c) => c.fieldId === 'project.titel')!.text).toBe('Titel graag inkorten.');
    await expect(readFindingIds(annotated, 'aanvraag.docx')).resolves.toEqual([...automatic.map((f) => f.id), 'r-1', 'r-2']);
  });

  it('renders automatic findings in the requested language from their key and parameters', async () => {
    const filled = await filledWithDefects();
    const [email] = (await automaticFindings(filled)).filter((f) => f.fieldId === 'contact.email');
    const annotated = await annotateFindings(filled, [email], { date: AT, lang: 'en' });
    const [comment] = await readAnnotations(annotated, 'aanvraag.docx');
    expect(comment.text).toBe(findingText(email, 'en'));
    expect(comment.text).toMatch(/^(Warning|Blocking): .*e-mail/i);
    expect(findingText(email, 'nl')).toBe(`${email.severity === 'blocking' ? 'Blokkerend' : 'Waarschuwing'}: ${email.text}`);
  });

  it('anchors a remark on quoted text, and one it cannot place at the document start', async () => {
    const filled = await filledWithDefects();
    const form = await readForm(filled, 'aanvraag.docx');
    const quote = form.fields['project.titel'].value;
    const annotated = await annotateFindings(filled, [remark('r-q', { textAnchor: quote, text: 'Over deze titel.' }), remark('r-x', { textAnchor: 'bestaat niet', text: 'Elders.' })], { date: AT });
    const back = await readAnnotations(annotated, 'x.docx');
    expect(back.map((a) => [a.findingId, a.text])).toEqual([['r-q', 'Over deze titel.'], ['r-x', 'Elders.']]);
    expect(decode(unzipSync(annotated)['word/document.xml'])).toMatch(/commentRangeStart w:id="0"\/>(?:(?!<\/w:p>).)*Over|commentRangeStart w:id="0"/);
  });

  it('leaves internal findings out unless a copy stays inside the VSA', async () => {
    const filled = await filledWithDefects();
    const findings = [remark('pub', { fieldId: 'project.titel', text: 'Voor de aanvrager.' }), remark('int', { fieldId: 'project.titel', text: 'INTERN: aanvrager eerder geweigerd.', audience: 'internal' })];
    const forRequester = await annotateFindings(filled, findings, { date: AT });
    expect(decode(unzipSync(forRequester)['word/comments.xml'])).not.toContain('INTERN');
    await expect(readFindingIds(forRequester, 'x.docx')).resolves.toEqual(['pub']);
    const inside = await annotateFindings(filled, findings, { date: AT, internal: 'include' });
    await expect(readFindingIds(inside, 'x.docx')).resolves.toEqual(['pub', 'int']);
  });

  it('returns the bytes unchanged when there is nothing to write', async () => {
    const filled = await filledWithDefects();
    await expect(annotateFindings(filled, [], { date: AT })).resolves.toBe(filled);
  });

  it('reads older annotated copies: the CLI severity texts and the Word pane markers', async () => {
    const filled = await filledWithDefects();
    const findings = checkForm(await readForm(filled, 'a.docx'), DRAFT);
    const older = await annotate(filled, findings, [{ fieldId: 'project.titel', text: 'Kort de titel in. [VSA]' }, { fieldId: 'contact.naam', text: 'Vul dit in. [VSA required:contact.naam#0]' }, { fieldId: 'project.titel', text: 'Gewoon getypt' }], 'VSA vsa-forms', AT);
    const back = await readAnnotations(older, 'older.docx');
    expect(back.map((a) => [a.origin, a.fieldId, a.text.slice(0, 12)])).toEqual([
      ...findings.map((f) => ['legacyCheck', f.fieldId, `${findingTextPrefix(f.severity)}`.concat(f.message.nl).slice(0, 12)]),
      ['remark', 'project.titel', 'Kort de tite'],
      ['legacyCheck', 'contact.naam', 'Vul dit in.'],
      ['remark', 'project.titel', 'Gewoon getyp']
    ]);
    expect(back.find((a) => a.legacyKey)!.legacyKey).toBe('required:contact.naam#0');
    expect(back.some((a) => a.findingId)).toBe(false);
  });
});

describe('annotate with a document kind (the register\'s annotated download)', () => {
  it('hides the automatic finding id of each check result, so a later run knows them', async () => {
    const filled = await filledWithDefects();
    const findings = checkForm(await readForm(filled, 'a.docx'), DRAFT);
    const copy = await annotate(filled, findings, [], 'Els Evaluator', AT, { documentKind: 'aanvraagformulier' });
    const back = await readAnnotations(copy, 'a.docx');
    expect(back.map((a) => a.findingId)).toEqual((await automaticFindings(filled)).map((f) => f.id));
    expect(back.every((a) => a.origin === 'finding' && !a.text.includes('vsa-finding'))).toBe(true);
  });

  it('reads an older download (severity texts by a reviewer\'s name) as automatic findings', async () => {
    const filled = await filledWithDefects();
    const findings = checkForm(await readForm(filled, 'a.docx'), DRAFT);
    const older = await annotate(filled, findings, [{ fieldId: 'project.titel', text: 'Kort de titel in.' }], 'Els Evaluator', AT);
    const back = await readAnnotations(older, 'a.docx');
    expect(back.map((a) => a.origin)).toEqual([...findings.map(() => 'legacyCheck'), 'remark']);
  });
});

function findingTextPrefix(severity: string): string {
  return { blocking: 'Blokkerend: ', warning: 'Waarschuwing: ', info: 'Info: ' }[severity] ?? '';
}

describe('commentAuthorName', () => {
  it('never gives an e-mail address or a blank name', () => {
    expect(commentAuthorName('Els Evaluator')).toBe('Els Evaluator');
    expect(commentAuthorName('els@vsa.example')).toBe('Statistiek Vlaanderen (VSA)');
    expect(commentAuthorName('  ', 'VSA')).toBe('VSA');
  });
});

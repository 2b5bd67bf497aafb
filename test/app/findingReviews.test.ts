/**
 * The reviews the command service computes for a draft registration (src/app/findingReviews.ts and
 * `withServerDocuments`): the engine's blocking and warning results as automatic findings, readability,
 * and the fields changed since the dossier's previous draft of the kind, read at its registered version.
 */
import { documentVersionReview, previousDraftForm, previousDraftOf } from '../../src/app/findingReviews';
import { automaticFindingOf, automaticFindingsOf, rowIndexOf } from '../../src/forms/automaticFindings';
import { withServerDocuments } from '../../src/app/service/serverDocuments';
import type { DocumentLibrary, StoredDocument } from '../../src/data/ports';
import type { Command, DocumentKind, Dossier } from '../../src/domain';
import { decide, replay } from '../../src/domain';
import { fillForm, generateTemplate, readForm, sampleValues, withFields } from '../../src/forms';
import type { Finding, FormDocument } from '../../src/forms/types';
import { actors, cmd } from '../domain/support/fixtures';
import { eventsIn } from '../domain/support/paths';
import { formsEngine, pdfBytes } from './support';

const REFERENCE = 'VSA-2026-0001';

/** A library that keeps every version of every file (labels 1.0, 2.0, …) and records downloads. */
class VersionedLibrary implements Pick<DocumentLibrary, 'list' | 'download'> {
  public readonly downloads: string[] = [];
  private readonly files = new Map<string, { kind: DocumentKind; phase: 'draft' | 'signed'; versions: Uint8Array[] }>();

  public put(fileName: string, kind: DocumentKind, bytes: Uint8Array, phase: 'draft' | 'signed' = 'draft'): string {
    const existing = this.files.get(fileName);
    if (existing) existing.versions.push(bytes);
    else this.files.set(fileName, { kind, phase, versions: [bytes] });
    return `${this.files.get(fileName)!.versions.length}.0`;
  }

  public async list(reference: string): Promise<StoredDocument[]> {
    return [...this.files.entries()].map(([fileName, file]) => ({
      id: `id-${fileName}`,
      fileName,
      serverRelativeUrl: `/sites/microdata/Dossierdocumenten/${reference}/${fileName}`,
      size: 1,
      version: `${file.versions.length}.0`,
      kind: file.kind,
      phase: file.phase
    }));
  }

  public async download(_reference: string, fileName: string, versionLabel?: string): Promise<Uint8Array> {
    this.downloads.push(`${fileName}@${versionLabel ?? 'current'}`);
    const file = this.files.get(fileName);
    if (!file) throw new Error(`${fileName} is not stored`);
    return versionLabel ? file.versions[Number.parseInt(versionLabel, 10) - 1] : file.versions[file.versions.length - 1];
  }
}

async function applicationForm(fields: Record<string, string> = {}, variables = 3): Promise<Uint8Array> {
  return fillForm(await generateTemplate('aanvraagformulier'), withFields(sampleValues('aanvraagformulier', { variables }), fields), { fileName: 'aanvraag.docx' });
}

const finding = (overrides: Partial<Finding>): Finding => ({
  checkId: 'required',
  fieldId: 'project.titel',
  severity: 'blocking',
  messageKey: 'forms.check.required',
  params: {},
  message: { nl: 'Vul de titel in.', en: 'Fill in the title.' },
  anchor: { kind: 'contentControl', tag: 'project.titel', occurrence: 0 },
  ...overrides
});

const cell = (tableIndex: number, rowIndex: number) => ({
  fieldId: 'variabelen.naam',
  value: 'x',
  isPlaceholder: false,
  readVia: 'contentControl' as const,
  anchor: { kind: 'tableCell' as const, tableIndex, rowIndex, cellIndex: 0, label: 'Naam' }
});

describe('automatic findings of a check', () => {
  it('keeps blocking and warning results, drops info, and takes the Dutch text', () => {
    const mapped = automaticFindingsOf([
      finding({}),
      finding({ checkId: 'mandate', severity: 'info', messageKey: 'forms.check.mandateReminder' }),
      finding({ checkId: 'document', fieldId: undefined, severity: 'warning', messageKey: 'forms.check.unknownCatalogVersion', params: { version: '9' }, message: { nl: 'Onbekende versie 9.', en: 'Unknown version 9.' }, anchor: { kind: 'document' } })
    ]);
    expect(mapped).toEqual([
      { checkId: 'required', fieldId: 'project.titel', severity: 'blocking', messageKey: 'forms.check.required', params: {}, text: 'Vul de titel in.' },
      { checkId: 'document', severity: 'warning', messageKey: 'forms.check.unknownCatalogVersion', params: { version: '9' }, text: 'Onbekende versie 9.' }
    ]);
    expect('fieldId' in mapped[1]).toBe(false);
  });

  it('gives a table cell its 0-based row: from the check’s row parameter, else from the anchor', () => {
    const form = { rows: { variabelen: [{ 'variabelen.naam': cell(2, 1) }, { 'variabelen.naam': cell(2, 2) }] } } as unknown as FormDocument;
    expect(rowIndexOf(finding({ params: { row: '3', value: 'x' } }), form)).toBe(2);
    expect(rowIndexOf(finding({ anchor: { kind: 'tableCell', tableIndex: 2, rowIndex: 2, cellIndex: 1, label: 'Motivering' } }), form)).toBe(1);
    expect(rowIndexOf(finding({ anchor: { kind: 'tableCell', tableIndex: 0, rowIndex: 4, cellIndex: 1, label: 'Titel' } }), form)).toBeUndefined();
    expect(rowIndexOf(finding({ params: { row: 'x' } }))).toBeUndefined();
    expect(automaticFindingOf(finding({ fieldId: 'variabelen.motivering', params: { row: '1', value: 'leeftijd' } })).rowIndex).toBe(0);
  });
});

describe('the review of a version', () => {
  const registered = { kind: 'aanvraagformulier' as const, id: 'doc-1', version: '2.0' };

  it('is unreadable without a checked form, with no findings and no changed fields', () => {
    expect(documentVersionReview(registered, undefined)).toEqual({ documentKind: 'aanvraagformulier', documentId: 'doc-1', version: '2.0', readable: false, automaticFindings: [] });
  });

  it('has no changed fields for a first version and the changed keys against a previous one', async () => {
    const before = await readForm(await applicationForm(), 'a.docx');
    const after = await readForm(await applicationForm({ 'project.titel': 'Een nieuwe titel' }), 'a.docx');
    const first = documentVersionReview(registered, { form: after, findings: [finding({})] });
    expect(first.readable).toBe(true);
    expect(first.changedFields).toBeUndefined();
    expect(first.automaticFindings).toHaveLength(1);
    expect(documentVersionReview(registered, { form: after, findings: [] }, before).changedFields).toEqual(['project.titel']);
  });

  it('reads the previous draft of the kind at its registered version; none, a PDF or an unreadable one give no previous form', async () => {
    const library = new VersionedLibrary();
    library.put('aanvraagformulier-v1.docx', 'aanvraagformulier', await applicationForm({ 'project.titel': 'Oude titel' }));
    library.put('aanvraagformulier-v1.docx', 'aanvraagformulier', await applicationForm({ 'project.titel': 'Nieuwe titel' }));
    const dossier = replay(eventsIn('returnedForChanges')) as Dossier;
    expect(previousDraftOf(dossier, 'aanvraagformulier')?.version).toBe('1.0');
    const stored = await library.list(REFERENCE);
    const previous = await previousDraftForm({ documents: library, engine: formsEngine }, dossier, stored, 'aanvraagformulier');
    expect(previous?.fields['project.titel']?.value).toBe('Oude titel');
    expect(library.downloads).toEqual(['aanvraagformulier-v1.docx@1.0']);

    expect(await previousDraftForm({ documents: library, engine: formsEngine }, dossier, stored, 'vereenvoudigdAanvraagformulier')).toBeUndefined();
    // The TOM declaration's file left the folder: nothing to compare with.
    expect(await previousDraftForm({ documents: library, engine: formsEngine }, dossier, stored, 'verklaringTOM')).toBeUndefined();
    library.put('protocol-v1.docx', 'protocol', new TextEncoder().encode('geen zip'));
    expect(await previousDraftForm({ documents: library, engine: formsEngine }, dossier, await library.list(REFERENCE), 'protocol')).toBeUndefined();
  });

  it('throws what the library throws (a registration is not recorded on a half-read comparison)', async () => {
    const dossier = replay(eventsIn('returnedForChanges')) as Dossier;
    const stored = [{ id: 'aanvraagformulier-v1', fileName: 'aanvraagformulier-v1.docx', serverRelativeUrl: '/x', size: 1, version: '1.0' }];
    const failing = { download: async (): Promise<Uint8Array> => Promise.reject(new Error('503 from the library')) };
    await expect(previousDraftForm({ documents: failing, engine: formsEngine }, dossier, stored, 'aanvraagformulier')).rejects.toThrow('503 from the library');
  });
});

describe('withServerDocuments builds the reviews of a draft registration', () => {
  const deps = (library: VersionedLibrary) => ({ documents: library, loadFormsEngine: async () => formsEngine, today: () => '2026-06-15' });
  const pointer = (fileName: string) => ({ id: `id-${fileName}`, fileName, kind: 'aanvraagformulier', version: 'forged', checkSummary: { blocking: 0, warnings: 0, info: 0 } });

  async function rebuild(library: VersionedLibrary, dossier: Dossier, command: Command): Promise<Command & { type: 'registerDraftDocuments' }> {
    return (await withServerDocuments(deps(library), async () => dossier, command, actors.team)) as Command & { type: 'registerDraftDocuments' };
  }

  it('replaces a client’s reviews with one per document: findings of the check, fields changed since the registered draft', async () => {
    const library = new VersionedLibrary();
    library.put('aanvraagformulier-v1.docx', 'aanvraagformulier', await applicationForm());
    library.put('aanvraagformulier-v1.docx', 'aanvraagformulier', await applicationForm({ 'project.titel': 'Een andere titel', 'project.einddatum': '' }));
    library.put('verklaringTOM-v1.docx', 'verklaringTOM', await fillForm(await generateTemplate('verklaringTOM'), sampleValues('verklaringTOM'), { fileName: 'tom.docx' }));
    const dossier = replay(eventsIn('returnedForChanges')) as Dossier;
    const forged = [{ documentKind: 'aanvraagformulier', documentId: 'x', version: '9.0', readable: true, automaticFindings: [], changedFields: ['project.titel'] }];
    const command = { ...cmd.registerDraftDocuments(), documents: [pointer('aanvraagformulier-v1.docx'), { ...pointer('verklaringTOM-v1.docx'), kind: 'verklaringTOM' }], reviews: forged } as unknown as Command;
    const rebuilt = await rebuild(library, dossier, command);
    expect(rebuilt.reviews).toHaveLength(2);
    const [application, tom] = rebuilt.reviews ?? [];
    expect(application).toMatchObject({ documentKind: 'aanvraagformulier', documentId: 'id-aanvraagformulier-v1.docx', version: '2', readable: true });
    expect(application.changedFields).toEqual(expect.arrayContaining(['project.titel', 'project.einddatum']));
    expect(application.changedFields).not.toContain('project.doeleinden');
    expect(application.automaticFindings.every((f) => f.severity !== 'info')).toBe(true);
    expect(application.automaticFindings.some((f) => f.fieldId === 'project.einddatum' && f.severity === 'blocking')).toBe(true);
    expect(application.automaticFindings.find((f) => f.fieldId === 'project.einddatum')?.text).toMatch(/[a-z]/);
    // The TOM declaration registered again at the version the dossier holds: nothing changed.
    expect(tom).toMatchObject({ documentKind: 'verklaringTOM', version: '2', readable: true });
    expect(tom.changedFields).toEqual([]);
    expect(library.downloads).toContain('aanvraagformulier-v1.docx@1.0');

    // The domain accepts the rebuilt command and reconciles with it.
    const result = decide(dossier, rebuilt, actors.team, '2026-06-15T10:00:00.000Z');
    expect(result.ok).toBe(true);
  });

  it('registers a PDF scan and an unreadable .docx as unreadable versions, never failing the registration', async () => {
    const library = new VersionedLibrary();
    library.put('aanvraag scan.pdf', 'aanvraagformulier', pdfBytes);
    library.put('tom.docx', 'verklaringTOM', new TextEncoder().encode('dit is geen Word-document'));
    const dossier = replay(eventsIn('returnedForChanges')) as Dossier;
    const command = { ...cmd.registerDraftDocuments(), documents: [pointer('aanvraag scan.pdf'), { ...pointer('tom.docx'), kind: 'verklaringTOM' }] } as unknown as Command;
    const rebuilt = await rebuild(library, dossier, command);
    expect(rebuilt.reviews).toEqual([
      { documentKind: 'aanvraagformulier', documentId: 'id-aanvraag scan.pdf', version: '2', readable: false, automaticFindings: [] },
      { documentKind: 'verklaringTOM', documentId: 'id-tom.docx', version: '2', readable: false, automaticFindings: [] }
    ]);
    expect(rebuilt.documents.map((d) => d.checkSummary)).toEqual([undefined, undefined]);
    const result = decide(dossier, rebuilt, actors.team, '2026-06-15T10:00:00.000Z');
    expect(result.ok).toBe(true);
    const after = replay([...eventsIn('returnedForChanges'), ...(result.ok ? result.events : [])]) as Dossier;
    expect(after.unreadableVersions.map((v) => v.documentKind)).toEqual(['aanvraagformulier', 'verklaringTOM']);
  });

  it('still refuses an unreadable signed document (only drafts are registered unread)', async () => {
    const library = new VersionedLibrary();
    library.put('tom getekend.docx', 'verklaringTOM', new TextEncoder().encode('geen zip'), 'signed');
    const dossier = replay(eventsIn('awaitingSignatures')) as Dossier;
    const command = { ...cmd.registerSignedDocuments(), documents: [{ fileName: 'tom getekend.docx' }] } as unknown as Command;
    await expect(withServerDocuments(deps(library), async () => dossier, command, actors.team)).rejects.toThrow(/Word/);
  });

  it('drops a client’s reviews even when the command registers nothing', async () => {
    const dossier = replay(eventsIn('returnedForChanges')) as Dossier;
    const command = { ...cmd.registerDraftDocuments(), documents: [], reviews: [{ documentKind: 'aanvraagformulier', readable: true }] } as unknown as Command;
    const rebuilt = await rebuild(new VersionedLibrary(), dossier, command);
    expect('reviews' in rebuilt).toBe(false);
  });
});

import Ajv from 'ajv';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'parse5';
import { parseArguments, runRegisterExport, USAGE } from '../../src/cli/register-export';
import { registerJsonSchema } from '../../src/publication';
import { AN, OWNER, SOFIE, startIntakeTenant } from '../intake/support/front';
import { startExtensionRequest } from '../../src/data/mail';
import type { IntakeTenant } from '../intake/support/front';
import { driveDossier, recordBothVersionsMail } from '../intake/support/flow';
import { tinyPdf } from '../intake/support/files';
import { parseCsv } from './support/csv';

/** The approval's conditions: one public, one naming a person (it must never reach the register). */
const personalText = 'Enkel Karel Contact (karel@uni.example) ziet de individuele gegevens.';
const conditions = [
  { id: 'C1', text: 'Publiceer enkel cellen met minstens 10 respondenten.', category: 'publication' as const, owner: 'requester' as const, dueDate: '2028-12-31' },
  { id: 'C2', text: personalText, category: 'security' as const, owner: 'requester' as const, personal: true }
];

describe('npm run register:export against the local tenant', () => {
  let tenant: IntakeTenant;
  let out: string;

  beforeAll(async () => {
    tenant = await startIntakeTenant();
    await driveDossier(tenant, 'VSA-2026-0001', 'signed', undefined, undefined, undefined, conditions);
    await driveDossier(tenant, 'VSA-2026-0002', 'formsRequested');
    const { data } = tenant.as(AN);
    await data.documents.ensureFolder('VSA-2026-0001');
    const stored = await data.documents.upload('VSA-2026-0001', 'protocol-publicatie.pdf', tinyPdf(), { kind: 'publicationVersion', phase: 'publication' });
    await recordBothVersionsMail(tenant.as(AN), 'VSA-2026-0001', stored.fileName);
    const published = await data.commands.execute(
      'VSA-2026-0001',
      { type: 'publish', commandId: 'pub-1', publicationDocument: { id: stored.id, kind: 'publicationVersion', fileName: stored.fileName, version: stored.version } },
      await data.directory.currentActor()
    );
    if (!published.ok) throw new Error(JSON.stringify(published.errors));
    out = await mkdtemp(join(tmpdir(), 'register-export-'));
  }, 60_000);
  afterAll(async () => {
    await tenant?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('writes valid HTML, CSV that parses back, JSON that matches its schema, and the PDFs', async () => {
    const report = await runRegisterExport({ baseUrl: tenant.baseUrl, userEmail: OWNER, outDir: out, now: '2026-11-25T12:00:00.000Z' });
    expect(report).toMatchObject({ protocols: 1, addenda: 0, pdfs: 1 });
    expect((await readdir(out)).sort()).toEqual(['pdf', 'register.csv', 'register.en.html', 'register.html', 'register.json', 'register.schema.json']);

    const html = await readFile(join(out, 'register.html'), 'utf8');
    const errors: string[] = [];
    parse(html, { onParseError: (error) => errors.push(error.code) });
    expect(errors).toEqual([]);
    expect(html).toContain('<th scope="row">PROT-2026-001</th>');
    expect(html).toContain('href="pdf/VSA-2026-0001-protocol-publicatie.pdf"');
    expect(html).not.toContain('VSA-2026-0002');

    const rows = parseCsv(await readFile(join(out, 'register.csv'), 'utf8'));
    expect(rows).toHaveLength(2);
    expect(rows[1].slice(0, 5)).toEqual(['protocol', 'PROT-2026-001', 'PROT-2026-001', 'Universiteit Voorbeeld', 'Welzijn in Vlaanderen']);

    const json = JSON.parse(await readFile(join(out, 'register.json'), 'utf8')) as unknown;
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(await readFile(join(out, 'register.schema.json'), 'utf8')) as object);
    expect(validate(json)).toBe(true);
    expect(JSON.stringify(registerJsonSchema)).toContain('PROT-');

    // Schema 1.2: the public conditions of the approval; the personal one is in no file of the export.
    expect((json as { protocols: { publicConditions: unknown[] }[] }).protocols[0].publicConditions).toEqual([
      { text: 'Publiceer enkel cellen met minstens 10 respondenten.', category: 'publication', owner: 'requester', dueDate: '2028-12-31' }
    ]);
    for (const file of ['register.html', 'register.en.html', 'register.csv', 'register.json']) {
      const text = await readFile(join(out, file), 'utf8');
      expect({ file, personal: text.includes('Karel Contact') || text.includes('karel@uni.example') }).toEqual({ file, personal: false });
    }
    expect(html).toContain('Publiceer enkel cellen met minstens 10 respondenten.');

    const pdf = await readFile(join(out, 'pdf', 'VSA-2026-0001-protocol-publicatie.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('links to the website instead of copies when asked', async () => {
    const report = await runRegisterExport({ baseUrl: tenant.baseUrl, userEmail: OWNER, outDir: join(out, 'web'), copyPdfs: false, publicationBaseUrl: 'https://www.vlaanderen.be/statistiek/protocollen' });
    expect(report.pdfs).toBe(0);
    const json = JSON.parse(await readFile(join(out, 'web', 'register.json'), 'utf8')) as { protocols: { publicationUrl: string }[] };
    expect(json.protocols[0].publicationUrl).toBe('https://www.vlaanderen.be/statistiek/protocollen/VSA-2026-0001-protocol-publicatie.pdf');
  });

  it('the one-click extension creates one dossier linked to the protocol, even when clicked twice', async () => {
    const { data } = tenant.as(AN);
    const actor = await data.directory.currentActor();
    const sofie = (await data.directory.membersOf('statistician')).find((s) => s.id === SOFIE)!;
    const deps = { commands: data.commands, nextReference: (year: number) => data.lookups.nextReference(year), referencesStartingWith: (prefix: string) => data.dossiers.referencesStartingWith(prefix) };
    const started = await startExtensionRequest(deps, 'VSA-2026-0001', actor, 'click-1', '2028-11-01T09:00:00.000Z', sofie);
    expect(started).toMatchObject({ reference: 'VSA-2028-0001', assigned: true, requestForms: { procedure: 'simplified', simplifiedReasons: ['extension'], parentProtocol: { number: 'PROT-2026-001', dossierReference: 'VSA-2026-0001', state: 'published' } } });
    const registered = (await data.commands.load(started.reference)).dossier;
    expect(registered).toMatchObject({ state: 'preliminary', parentProtocolNumber: 'PROT-2026-001', simplifiedReasons: ['extension'] });
    const statistician = tenant.as(SOFIE).data;
    const formsRequested = await statistician.commands.execute(started.reference, started.requestForms, await statistician.directory.currentActor());
    expect(formsRequested.ok && formsRequested.dossier).toMatchObject({ state: 'formsRequested', parentProtocolNumber: 'PROT-2026-001' });
    const again = await startExtensionRequest(deps, 'VSA-2026-0001', actor, 'click-1', '2028-11-01T09:00:05.000Z', sofie);
    expect(again.reference).toBe('VSA-2028-0001');
    expect(await data.dossiers.referencesStartingWith('VSA-2028-')).toEqual(['VSA-2028-0001']);
    const other = await startExtensionRequest(deps, 'VSA-2026-0001', actor, 'click-2', '2028-11-02T09:00:00.000Z');
    expect(other).toMatchObject({ reference: 'VSA-2028-0002', assigned: false });
  });
});

describe('register:export arguments', () => {
  it('parses options and refuses unknown ones', () => {
    expect(parseArguments(['--site', 'http://localhost:5000', '--out', 'x', '--no-pdfs'])).toEqual({
      baseUrl: 'http://localhost:5000', userEmail: 'beheer@vsa.local', outDir: 'x', publicationBaseUrl: undefined, copyPdfs: false
    });
    expect(parseArguments([], { PORT: '4400' }).baseUrl).toBe('http://localhost:4400');
    expect(parseArguments(['--site', 'http://localhost:4401/sites/microdata/']).baseUrl).toBe('http://localhost:4401');
    expect(() => parseArguments(['--bogus'])).toThrow(/Onbekend of onvolledig argument "--bogus"/);
    expect(() => parseArguments(['--site', 'ftp://x'])).toThrow(/http\(s\)/);
    expect(parseArguments(['--trusted-writer', 'i:0i.t|ms.sp.ext|app@tenant']).trustedWriters).toEqual(['i:0i.t|ms.sp.ext|app@tenant']);
  });

  it('documents its exit codes in --help', () => {
    expect(USAGE).toMatch(/0 {2}geëxporteerd/);
    expect(USAGE).toMatch(/1 {2}niets geëxporteerd/);
    expect(USAGE).toContain('stderr');
  });
});

/**
 * End to end on the local tenant: `/workbench/word` registered with the tenant's page registry, a
 * DPO-team member signed in, a dossier under review. The pane shows the dossier's state, and
 * "Koppelen aan dossier" records each comment as a reviewer finding through the data layer's Graph stores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowserOrSkip } from '../support/browser';
import { screenshotDirectory } from '../support/screenshots';
import type { Browser } from 'playwright-core';
import { createLocalComposition } from '../../src/composition/local';
import type { Command } from '../../src/domain/commands';
import { startLocalTenant, type LocalTenant } from '../../src/local/server/server';
import { productExtensions } from '../../src/local/product';
import { buildForm, type FormFacts } from '../../src/local/seed/documents';
import { SeededRandom } from '../../src/local/seed/random';

const e2e = launchBrowserOrSkip('Word tenant e2e tests');

const REFERENCE = 'VSA-2026-0101';
const AN = 'an.peeters@vsa.local';
const SOFIE = 'sofie.janssens@vsa.local';

e2e.describe('Word workbench on the local tenant (e2e)', () => {
  let tenant: LocalTenant;
  let browser: Browser;
  let workDir: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'word-tenant-'));
    tenant = await startLocalTenant({ ...productExtensions(), port: 0, dataFile: join(workDir, 'tenant.db') });
    await createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: 'beheer@vsa.local' }).data.provisioner.ensureAll();
    // Each step as the persona who may take it: the command service takes the actor from the token.
    const an = createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: AN, messaging: false }).data;
    const sofieData = createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: SOFIE, messaging: false }).data;
    const register: Command = {
      type: 'registerRequest',
      commandId: 'word-e2e-register',
      reference: REFERENCE,
      requester: { institution: 'Universiteit Gent', institutionType: 'onderzoeksinstelling', isIndividual: false, contact: { name: 'Dr. Hanne Vos', email: 'hanne.vos@ugent.example' } },
      subject: 'Wonen en welzijn in Vlaanderen'
    };
    const sofie = await sofieData.directory.currentActor();
    const run = async (data: typeof an, command: Command): Promise<void> => {
      const outcome = await data.commands.execute(REFERENCE, command);
      expect(outcome.ok ? 'ok' : JSON.stringify(outcome.errors)).toBe('ok');
    };
    await run(an, register);
    await run(an, { type: 'assignStatistician', commandId: 'word-e2e-assign', assignee: sofie });
    await run(sofieData, { type: 'requestForms', commandId: 'word-e2e-forms', procedure: 'standard' });
    // The drafts are stored through the service first; the registration points at the stored files.
    const facts: FormFacts = {
      reference: REFERENCE, institution: 'Universiteit Gent', institutionType: 'onderzoeksinstelling',
      address: 'Sint-Pietersnieuwstraat 25, 9000 Gent', kbo: '0000000097', contactName: 'Hanne Vos', contactFunction: 'Onderzoeker',
      contactEmail: 'hanne.vos@ugent.example', title: 'Wonen en welzijn in Vlaanderen', researchType: 'wetenschappelijk',
      startDate: '2027-01-01', endDate: '2028-12-31'
    };
    const random = new SeededRandom(11);
    const documents = [];
    for (const kind of ['aanvraagformulier', 'verklaringTOM', 'protocol'] as const) {
      const form = await buildForm(kind, facts, random, { today: new Date().toISOString().slice(0, 10) });
      const stored = await an.documents.upload(REFERENCE, `${kind}.docx`, form.bytes, { kind, phase: 'draft', check: form.check });
      documents.push({ id: stored.id, kind, fileName: stored.fileName, version: stored.version });
    }
    await run(an, { type: 'registerDraftDocuments', commandId: 'word-e2e-drafts', documents });
    browser = await e2e.launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await tenant?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it("shows the dossier's state and records the review on it as the signed-in reviewer", async () => {
    const { data } = createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: AN });
    const context = await browser.newContext();
    await context.addCookies([{ name: 'lt_persona', value: encodeURIComponent(AN), url: tenant.baseUrl }]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${tenant.baseUrl}/workbench/word`);
    await page.getByRole('heading', { name: /^Bevindingen \(\d+\)$/ }).waitFor({ timeout: 60_000 });
    const dossier = page.getByRole('region', { name: 'Dossier' });
    await dossier.getByText('Status: In beoordeling').waitFor({ timeout: 30_000 });
    await dossier.getByText(REFERENCE).waitFor();

    await page.getByRole('button', { name: 'Opmerkingen invoegen' }).click();
    const inserted = Number(/^(\d+)/.exec((await page.getByText(/opmerkingen ingevoegd\.$/).textContent()) ?? '')![1]);
    await dossier.getByRole('button', { name: 'Koppelen aan dossier' }).click();
    await page.getByText(/^Vastgelegd in het dossier: \d+ nieuwe bevinding/).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.screenshot({ path: join(screenshotDirectory(), 'word-workbench-dossier.png') });
    await context.close();

    const loaded = await data.commands.load(REFERENCE);
    const last = loaded.events[loaded.events.length - 1].event;
    expect(last.type).toBe('FindingsRecorded');
    expect(last.actor.id).toBe(AN);
    const fromWord = loaded.dossier?.findings.filter((finding) => finding.id.startsWith('word:')) ?? [];
    // One finding per comment (two comments with the same text at the same place are one remark).
    expect(fromWord.length).toBeGreaterThan(0);
    expect(fromWord.length).toBeLessThanOrEqual(inserted);
    expect(fromWord.every((finding) => finding.origin === 'reviewer' && finding.documentKind === 'aanvraagformulier' && !finding.text.includes('[VSA'))).toBe(true);
    expect(loaded.dossier?.state).toBe('underReview');
  }, 120_000);
});

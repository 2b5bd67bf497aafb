/**
 * End to end (issue 14): the review loop across versions in the register's dossier panel, in Chromium
 * against an in-process local tenant. A dossier was returned with seven remarks (two internal) and its
 * second version rewrote the fields of three of them. The reviewer (DPO team) sees "3 van 7 opmerkingen
 * verwerkt", opens the per-field differences between the two versions, confirms two remarks and returns
 * the dossier; the return dialog shows the open requester findings it sends. Screenshots go to
 * docs/screenshots/findings-*.png (docs/guide.md, "Bevindingen en versies") with `npm run
 * docs:screenshots`, otherwise to test-output/screenshots/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createLocalComposition, type LocalComposition } from '../../src/composition/local';
import type { Command } from '../../src/domain/commands';
import type { DocumentRegistration } from '../../src/domain/types';
import { reviewerRemarks, revisedFields } from '../../src/local/seed/catalog';
import { buildForm, type FormFacts } from '../../src/local/seed/documents';
import { SeededRandom } from '../../src/local/seed/random';
import { productExtensions } from '../../src/local/product';
import { startLocalTenant, type LocalTenant } from '../../src/local/server/server';
import { launchBrowserOrSkip, seriousAxeViolations } from '../support/browser';
import { screenshotDirectory } from '../support/screenshots';

const e2e = launchBrowserOrSkip('register findings e2e tests');
const screenshotDir = screenshotDirectory();
jest.setTimeout(240_000);

const AN = 'an.peeters@vsa.local';
const SOFIE = 'sofie.janssens@vsa.local';
const REFERENCE = 'VSA-2026-0101';

const facts: FormFacts = {
  reference: REFERENCE, institution: 'Universiteit Antwerpen', institutionType: 'onderzoeksinstelling',
  address: 'Prinsstraat 13, 2000 Antwerpen', kbo: '0000000097', contactName: 'Hanne Goossens', contactFunction: 'Onderzoeker',
  contactEmail: 'hanne.goossens@uantwerpen.example', title: 'Vrijetijdsbesteding van jongeren', researchType: 'wetenschappelijk',
  startDate: '2027-01-01', endDate: '2028-12-31'
};

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  await page.screenshot({ path: join(screenshotDir, `findings-${name}.png`) });
}

/**
 * The dossier as the product leaves it, every change asked of the command service as the personas:
 * registered, drafts uploaded and registered, seven remarks, returned, and a second version of the
 * application form uploaded and registered — the service reads it and moves the findings.
 */
async function returnedDossierWithSecondVersion(as: (email: string) => LocalComposition): Promise<void> {
  let step = 0;
  const run = async (email: string, command: Record<string, unknown>): Promise<void> => {
    step += 1;
    const data = as(email).data;
    const outcome = await data.commands.execute(REFERENCE, { ...command, commandId: `e2e-findings-${step}` } as unknown as Command, await data.directory.currentActor());
    if (!outcome.ok) throw new Error(`${String(command.type)} refused: ${JSON.stringify(outcome.errors)}`);
  };
  const today = new Date().toISOString().slice(0, 10);
  await run(AN, {
    type: 'registerRequest', reference: REFERENCE, subject: facts.title,
    requester: { institution: facts.institution, institutionType: 'onderzoeksinstelling', isIndividual: false, contact: { name: facts.contactName, email: facts.contactEmail } }
  });
  await run(AN, { type: 'assignStatistician', assignee: await as(SOFIE).data.directory.currentActor() });
  await run(SOFIE, { type: 'requestForms', procedure: 'standard' });
  const library = as(AN).data.documents;
  await library.ensureFolder(REFERENCE);
  const random = new SeededRandom(7);
  const registrations: DocumentRegistration[] = [];
  for (const kind of ['aanvraagformulier', 'verklaringTOM', 'protocol'] as const) {
    const built = await buildForm(kind, facts, random, { today });
    const stored = await library.upload(REFERENCE, `${kind}.docx`, built.bytes, { kind, phase: 'draft', check: built.check });
    registrations.push({ id: stored.id, kind, fileName: stored.fileName, version: stored.version, checkSummary: built.check });
  }
  await run(AN, { type: 'registerDraftDocuments', documents: registrations });
  await run(SOFIE, {
    type: 'recordFindings',
    findings: reviewerRemarks.map((remark, index) => ({ id: `e2e-remark-${index + 1}`, documentKind: 'aanvraagformulier', fieldId: remark.fieldId, text: remark.text, audience: remark.audience, severity: remark.severity }))
  });
  await run(AN, { type: 'returnForChanges' });
  const second = await buildForm('aanvraagformulier', facts, new SeededRandom(7), { today, revisions: revisedFields });
  const stored = await library.upload(REFERENCE, 'aanvraagformulier.docx', second.bytes, { kind: 'aanvraagformulier', phase: 'draft', check: second.check });
  await run(AN, {
    type: 'registerDraftDocuments',
    documents: [{ id: stored.id, kind: 'aanvraagformulier', fileName: stored.fileName, version: stored.version, checkSummary: second.check }, ...registrations.slice(1)]
  });
}

e2e.describe('findings and versions in the dossier panel', () => {
  let tenant: LocalTenant;
  let browser: Browser;
  let workDir: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'register-findings-e2e-'));
    tenant = await startLocalTenant({ ...productExtensions(), port: 0, dataFile: join(workDir, 'tenant.db') });
    await createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: 'beheer@vsa.local' }).data.provisioner.ensureAll();
    await returnedDossierWithSecondVersion((email) => createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: email, messaging: false }));
    browser = await e2e.launch();
  });

  afterAll(async () => {
    await browser?.close();
    await tenant?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('shows the progress, the per-field differences, confirms two remarks and returns the dossier with the open requester findings', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'nl-BE' });
    const page = await context.newPage();
    await page.goto(`${tenant.baseUrl}/`);
    await page.getByRole('button', { name: /An Peeters/ }).click();
    await page.goto(`${tenant.baseUrl}/workbench/register?dossier=${REFERENCE}`);
    await page.getByRole('heading', { name: `Dossier ${REFERENCE}` }).waitFor();

    // The findings tab: the reviewers' progress after the second version.
    // The tab counts every finding (automatic check results too, when the service records them).
    await page.getByRole('tab', { name: /Bevindingen \(\d+\)/ }).click();
    await page.getByText('3 van 7 opmerkingen verwerkt').waitFor();
    const notHandled = page.getByRole('region', { name: 'Niet verwerkt' });
    expect(await notHandled.locator('li[data-finding-id^="e2e-remark-"]').count()).toBe(4);
    await shot(page, '01-progress');
    const axeFindings = await seriousAxeViolations(page);

    // "Verschillen": the two versions of the application form field by field.
    await page.getByRole('tab', { name: /Documenten/ }).click();
    await page.getByRole('button', { name: 'Verschillen: aanvraagformulier.docx' }).click();
    const differences = page.getByRole('table', { name: 'Verschillen' });
    await differences.waitFor();
    expect(await differences.locator('tbody tr').count()).toBe(3);
    await page.getByText(/Onderzoeksvragen: \(1\)/).first().waitFor();
    await shot(page, '02-differences');
    const axeDifferences = await seriousAxeViolations(page);
    await page.getByRole('dialog').getByRole('button', { name: 'Sluiten' }).last().click();
    await differences.waitFor({ state: 'detached' });

    // Two of the changed remarks confirmed.
    await page.getByRole('tab', { name: /Bevindingen/ }).click();
    const all = page.getByRole('region', { name: 'Alle bevindingen per document en veld' });
    for (const id of ['e2e-remark-1', 'e2e-remark-2']) {
      const item = all.locator(`li[data-finding-id="${id}"]`);
      await item.getByRole('button', { name: 'Bevestigen' }).click();
      await all.locator(`li[data-finding-id="${id}"][data-finding-status="resolved"]`).waitFor();
    }
    await page.getByText('3 van 7 opmerkingen verwerkt (1 aangepast, te bevestigen)').waitFor();
    await shot(page, '03-confirmed');

    // The return sends the open requester findings; no extra remark needed.
    await page.getByRole('region', { name: 'Acties' }).getByRole('button', { name: 'Terugsturen met opmerkingen' }).click();
    const dialog = page.getByRole('alertdialog');
    const sent = dialog.getByTestId('return-findings');
    await sent.waitFor();
    const sentIds = await sent.locator('li[data-finding-id]').evaluateAll((items) => items.map((item) => item.getAttribute('data-finding-id') ?? ''));
    // The open requester remarks (the internal ones never); automatic check results may join them.
    expect(sentIds.filter((id) => id.startsWith('e2e-remark-'))).toEqual(['e2e-remark-4', 'e2e-remark-5']);
    await shot(page, '04-return');
    await dialog.getByRole('button', { name: 'Bevestigen' }).click();
    await dialog.getByRole('button', { name: 'Annuleren' }).waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Samenvatting' }).click();
    await page.locator('dd', { hasText: 'Teruggestuurd met opmerkingen' }).first().waitFor();

    // "Openen in Word" locally: the Word workbench on this dossier's application form (its second version).
    await page.getByRole('tab', { name: /Documenten/ }).click();
    const row = page.locator('tr', { hasText: 'aanvraagformulier.docx' }).first();
    const href = await row.getByRole('link', { name: 'Openen in Word' }).getAttribute('href');
    expect(href).toBe(`/workbench/word?reference=${REFERENCE}&file=aanvraagformulier.docx&version=2.0`);
    await page.goto(`${tenant.baseUrl}${href}`);
    await page.getByText(/Onderzoeksvragen: \(1\)/).first().waitFor();
    await page.getByRole('complementary', { name: 'Taakvenster' }).waitFor();
    await shot(page, '05-word-workbench');
    await context.close();

    expect({ findings: axeFindings, differences: axeDifferences }).toEqual({ findings: [], differences: [] });
  });
});

/**
 * End to end: the local workbench page `/workbench/approvals` (the Teams tab's web part) in Chromium
 * against an in-process local tenant. As the Chief Statistician: approve one dossier with a condition, reject one with a
 * motivation (a blank one is refused first), countersign one, look at the history. As a DPO-team member:
 * the same queue without decision buttons. axe-core finds no serious violation. Screenshots go to
 * docs/screenshots/approvals-*.png (with `npm run docs:screenshots`; otherwise test-output/screenshots/). Skipped with a notice when Chromium is missing and CI is unset.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AN, ELS, startApprovalsTenant, type ApprovalsTenant } from '../webparts/approvals/support/tenant';
import { launchBrowserOrSkip, seriousAxeViolations } from '../support/browser';
import { screenshotDirectory } from '../support/screenshots';

const e2e = launchBrowserOrSkip('approvals e2e tests');

const screenshotDir = screenshotDirectory();
const dayMs = 86_400_000;
const startedDaysAgo = (daysAgo: number) => (step: number): string => new Date(Date.now() - (daysAgo - step) * dayMs).toISOString();

jest.setTimeout(180_000);

async function signIn(browser: Browser, baseUrl: string, persona: RegExp): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByRole('button', { name: persona }).click();
  await page.goto(`${baseUrl}/workbench/approvals`);
  await page.getByTestId('approvals-counts').waitFor();
  return { context, page };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `approvals-${name}.png`), fullPage: true });
}

const card = (page: Page, reference: string) => page.getByRole('article', { name: new RegExp(reference) });

e2e.describe('approvals workbench (Chief Statistician in Teams)', () => {
  let t: ApprovalsTenant;
  let browser: Browser;

  beforeAll(async () => {
    t = await startApprovalsTenant();
    await t.dossierIn('VSA-2026-0001', 'awaitingDecision', startedDaysAgo(50));
    await t.dossierIn('VSA-2026-0002', 'awaitingDecision', startedDaysAgo(12));
    await t.dossierIn('VSA-2026-0003', 'awaitingCountersignature', startedDaysAgo(25));
    await t.dossierIn('VSA-2026-0004', 'awaitingSignatures', startedDaysAgo(60));
    // A raw fixture file (not a real form, which the service would rightly refuse from a persona),
    // stored by the trusted writer as the backdated dossiers are.
    await t.trustedWriter.data.documents.ensureFolder('VSA-2026-0001');
    await t.trustedWriter.data.documents.upload('VSA-2026-0001', 'protocol-VSA-2026-0001.docx', new TextEncoder().encode('docx'), { kind: 'protocol', phase: 'draft' });
    browser = await e2e.launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the Chief Statistician approves, rejects with a motivation and countersigns', async () => {
    const { context, page } = await signIn(browser, t.tenant.baseUrl, /Els Vermeulen/);
    await page.getByText('2 te beslissen · 1 te ondertekenen · 1 wachten op handtekeningen', { exact: false }).waitFor();
    await card(page, 'VSA-2026-0001').getByRole('link', { name: /Openen in Word/ }).waitFor();
    await shot(page, 'queue');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The advice of the card: each criterion with its assessment, at a glance.
    await card(page, 'VSA-2026-0001').getByRole('list', { name: /Beoordeling per criterium/ }).getByText('Rechtsgrond: Toereikend').waitFor();
    await card(page, 'VSA-2026-0001').getByRole('button', { name: 'Goedkeuren onder voorwaarden', exact: true }).click();
    let dialog = page.getByRole('alertdialog');
    await dialog.getByText('Nog geen voorwaarden.').waitFor();
    await dialog.getByRole('button', { name: 'Voorwaarde toevoegen' }).click();
    const condition = dialog.getByRole('listitem', { name: 'Voorwaarde 1' });
    await condition.getByRole('textbox', { name: /Tekst van de voorwaarde/ }).fill('Bezorg de VSA het bewijs van vernietiging van de gegevens.');
    // Fluent's label covers the radio input: check it as a user clicks the label.
    await condition.getByText('VSA', { exact: true }).click();
    expect(await condition.getByRole('radio', { name: 'VSA', exact: true }).isChecked()).toBe(true);
    await condition.getByLabel(/Uiterste datum/).fill('2031-12-31');
    await dialog.getByRole('textbox', { name: /Motivering/ }).fill('Rechtsgrond (art. 6.1.e AVG) en advies DPO zijn in orde.');
    await shot(page, 'approve-dialog');
    await dialog.getByRole('button', { name: 'Bevestigen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Opgeslagen: dossier VSA-2026-0001.', { exact: false }).waitFor();
    const approved = (await t.as(AN).data.commands.load('VSA-2026-0001')).dossier;
    expect(approved?.state).toBe('awaitingSignatures');
    expect(approved?.decision?.outcome).toBe('approvedWithConditions');
    expect(approved?.conditions).toEqual([
      { id: 'C1', text: 'Bezorg de VSA het bewijs van vernietiging van de gegevens.', category: 'other', owner: 'vsa', dueDate: '2031-12-31', status: 'open' }
    ]);

    await card(page, 'VSA-2026-0002').getByRole('button', { name: 'Weigeren' }).click();
    dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Bevestigen' }).click();
    await dialog.getByText('Een motivering is verplicht.').waitFor();
    await shot(page, 'reject-motivation-required');
    await dialog.getByRole('textbox', { name: /Motivering/ }).fill('De gevraagde variabelen zijn niet noodzakelijk voor het doel.');
    await dialog.getByRole('button', { name: 'Bevestigen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Opgeslagen: dossier VSA-2026-0002.', { exact: false }).waitFor();
    const rejected = (await t.as(AN).data.commands.load('VSA-2026-0002')).dossier;
    expect(rejected?.state).toBe('rejected');
    expect(rejected?.decision?.motivation).toBe('De gevraagde variabelen zijn niet noodzakelijk voor het doel.');

    await card(page, 'VSA-2026-0003').getByRole('button', { name: 'Ondertekenen' }).click();
    dialog = page.getByRole('alertdialog');
    await dialog.getByText(/Het document krijgt naar verwachting nummer PROT-\d{4}-\d+;/).waitFor();
    // The countersigned original is uploaded through the service, which reads its signatures (the tenant's
    // fake verifier for these typed test forms): the requester's signature, then the VSA's.
    await dialog.getByLabel('Medeondertekend origineel opladen').setInputFiles({ name: 'protocol medeondertekend.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await dialog.getByRole('list', { name: 'Handtekening van de VSA' }).getByText('Els Vermeulen').waitFor();
    expect(await dialog.getByRole('list', { name: 'Handtekeningen van de aanvrager' }).getByText('Rita Rector').count()).toBe(1);
    await shot(page, 'countersign-dialog');
    await dialog.getByRole('button', { name: 'Ondertekenen' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/Ondertekend: dossier VSA-2026-0003 kreeg nummer PROT-\d{4}-\d+\. Het DPO-team is verwittigd\./).waitFor();
    const signed = (await t.as(AN).data.commands.load('VSA-2026-0003')).dossier;
    expect(signed?.state).toBe('signed');
    expect(signed?.protocolNumber).toMatch(/^PROT-\d{4}-\d+$/);
    expect(signed?.documents.find((document) => document.phase === 'countersigned')?.signatures?.signatures).toHaveLength(2);

    await page.getByText('0 te beslissen · 0 te ondertekenen · 2 wachten op handtekeningen', { exact: false }).waitFor();
    await shot(page, 'queue-after');
    await page.getByRole('tab', { name: 'Geschiedenis' }).click();
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThanOrEqual(4);
    await shot(page, 'history');
    expect(await seriousAxeViolations(page)).toEqual([]);

    const outbox = (await t.hook('outbox')) as { value: { kind: string; recipients: string[] }[] };
    expect(outbox.value.filter((entry) => entry.kind === 'activity').length).toBeGreaterThanOrEqual(9);
    await context.close();
  });

  it('a DPO-team member sees the queue without decision buttons', async () => {
    const { context, page } = await signIn(browser, t.tenant.baseUrl, /An Peeters/);
    await page.getByText(/U bent geen lid van VSA Hoofdstatisticus/).waitFor();
    await card(page, 'VSA-2026-0004').waitFor();
    expect(await page.getByRole('button', { name: /Goedkeuren/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Weigeren' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ondertekenen' }).count()).toBe(0);
    await shot(page, 'dpo-team');
    expect(await t.actor(ELS)).toMatchObject({ roles: ['chiefStatistician'] });
    await context.close();
  });
});

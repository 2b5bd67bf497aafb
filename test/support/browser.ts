/**
 * The one Chromium launcher of the e2e tests, and their shared axe-core check.
 *
 *   const e2e = launchBrowserOrSkip('approvals e2e');
 *   e2e.describe('…', () => { beforeAll(async () => { browser = await e2e.launch(); }); … });
 *
 * Chromium is `CHROMIUM_PATH` or `/usr/bin/chromium`. When it is missing the suite is skipped with a
 * visible notice — unless `CI` is set, where a missing browser must fail the run, not hide it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Headless flags every suite uses: no sandbox (containers), no GPU, no background traffic, small /dev/shm. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage'
];

/** Where Chromium is expected (`CHROMIUM_PATH` overrides `/usr/bin/chromium`). */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH && env.CHROMIUM_PATH.trim() !== '' ? env.CHROMIUM_PATH : '/usr/bin/chromium';
}

/** What a suite gets: `describe` (or `describe.skip`) and a launcher. */
export interface E2eBrowser {
  readonly available: boolean;
  readonly executablePath: string;
  readonly describe: jest.Describe;
  /** Launches headless Chromium with `chromiumArgs`. */
  launch(): Promise<Browser>;
}

/** Dependencies of `launchBrowserOrSkip`, replaceable in its own tests. */
export interface LaunchEnvironment {
  readonly env: NodeJS.ProcessEnv;
  readonly exists: (path: string) => boolean;
  readonly notice: (text: string) => void;
}

const defaultEnvironment: LaunchEnvironment = {
  env: process.env,
  exists: existsSync,
  notice: (text) => process.stderr.write(`\n${text}\n`)
};

/**
 * Decides at module load whether `suite` runs: with Chromium present, `describe`; without it,
 * `describe.skip` and a notice on stderr; without it on CI (`CI` set), an error that fails the suite.
 */
export function launchBrowserOrSkip(suite: string, environment: LaunchEnvironment = defaultEnvironment): E2eBrowser {
  const executablePath = chromiumPath(environment.env);
  const available = environment.exists(executablePath);
  if (!available) {
    if (environment.env.CI) throw new Error(`Chromium is missing at ${executablePath}; ${suite} cannot run on CI (set CHROMIUM_PATH or install chromium).`);
    environment.notice(`NOTICE: ${suite} SKIPPED: no Chromium at ${executablePath} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
  }
  return {
    available,
    executablePath,
    describe: available ? describe : describe.skip,
    launch: () => chromium.launch({ executablePath, args: [...chromiumArgs] })
  };
}

/**
 * Serious or critical axe-core violations (WCAG 2 A/AA) on the page as it is now, within `selector`
 * (default: the whole document), as `id (impact): help – n node(s)`.
 */
export async function seriousAxeViolations(page: Page, selector?: string): Promise<string[]> {
  // Rows and panels fade in; measuring contrast mid-animation reports colours nobody reads.
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async (scope) => {
    interface AxeResult { violations: { id: string; impact?: string; help: string; nodes: unknown[] }[] }
    const axe = (window as unknown as { axe: { run: (context: Element | Document, options: unknown) => Promise<AxeResult> } }).axe;
    const context = scope ? document.querySelector(scope) : document;
    if (!context) throw new Error(`axe: nothing matches ${scope}`);
    const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.length} node(s)`);
  }, selector ?? null);
}

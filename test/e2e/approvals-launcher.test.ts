/**
 * The shared Chromium launcher of the e2e suites (`test/support/browser.ts`): which executable, skip
 * with a notice locally, fail on CI. (Kept with the approvals e2e files, whose owner maintains it.)
 */
import { chromiumArgs, chromiumPath, launchBrowserOrSkip, type LaunchEnvironment } from '../support/browser';

function environment(env: NodeJS.ProcessEnv, present: readonly string[]): LaunchEnvironment & { notices: string[] } {
  const notices: string[] = [];
  return { env, exists: (path) => present.includes(path), notice: (text) => void notices.push(text), notices };
}

describe('launchBrowserOrSkip', () => {
  it('uses /usr/bin/chromium unless CHROMIUM_PATH says otherwise', () => {
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
    expect(chromiumPath({ CHROMIUM_PATH: ' ' })).toBe('/usr/bin/chromium');
  });

  it('runs the suite when Chromium is there', () => {
    const env = environment({ CHROMIUM_PATH: '/opt/chrome/chrome' }, ['/opt/chrome/chrome']);
    const e2e = launchBrowserOrSkip('demo suite', env);
    expect(e2e.available).toBe(true);
    expect(e2e.executablePath).toBe('/opt/chrome/chrome');
    expect(e2e.describe).toBe(describe);
    expect(env.notices).toEqual([]);
  });

  it('skips with a visible notice when Chromium is missing outside CI', () => {
    const env = environment({}, []);
    const e2e = launchBrowserOrSkip('demo suite', env);
    expect(e2e.available).toBe(false);
    expect(e2e.describe).toBe(describe.skip);
    expect(env.notices).toEqual([expect.stringMatching(/^NOTICE: demo suite SKIPPED: no Chromium at \/usr\/bin\/chromium/)]);
  });

  it('fails on CI when Chromium is missing', () => {
    expect(() => launchBrowserOrSkip('demo suite', environment({ CI: 'true' }, []))).toThrow(/Chromium is missing at \/usr\/bin\/chromium; demo suite cannot run on CI/);
  });

  it('launches headless without sandbox, GPU, background traffic or /dev/shm', () => {
    expect(chromiumArgs).toEqual(
      expect.arrayContaining(['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'])
    );
  });
});

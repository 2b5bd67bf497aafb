/**
 * Where the end-to-end tests write their screenshots. By default `test-output/screenshots/` (ignored
 * by git), so running the tests leaves the work tree clean. `npm run docs:screenshots` sets
 * `WRITE_SCREENSHOTS=1`, and the same tests then replace the guide's pictures in `docs/screenshots/`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** The screenshot folder for this run, created if missing. */
export function screenshotDirectory(env: NodeJS.ProcessEnv = process.env): string {
  const directory = env.WRITE_SCREENSHOTS === '1' ? join(root, 'docs', 'screenshots') : join(root, 'test-output', 'screenshots');
  mkdirSync(directory, { recursive: true });
  return directory;
}

import { join } from 'node:path';
import { screenshotDirectory } from './screenshots';

const root = join(__dirname, '..', '..');

describe('screenshotDirectory', () => {
  it('keeps test screenshots out of the tracked guide by default', () => {
    expect(screenshotDirectory({})).toBe(join(root, 'test-output', 'screenshots'));
    expect(screenshotDirectory({ WRITE_SCREENSHOTS: '0' })).toBe(join(root, 'test-output', 'screenshots'));
  });

  it('writes the guide pictures only when asked (npm run docs:screenshots)', () => {
    expect(screenshotDirectory({ WRITE_SCREENSHOTS: '1' })).toBe(join(root, 'docs', 'screenshots'));
  });
});

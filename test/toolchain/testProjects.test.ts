/**
 * The jest projects (jest.config.js) split the tests by folder and file name. This checks the split:
 * every test file is in exactly one project, and no unit test starts what makes a test an integration
 * test (a local tenant, a child process, LibreOffice, a browser).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const root = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../jest.config.js') as { projects: { displayName: string; testMatch: string[]; testPathIgnorePatterns?: string[] }[] };

function testFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'fixtures' ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The project a file belongs to, by the same rules jest applies (folder globs reduced to prefixes). */
function projectsOf(file: string): string[] {
  const path = relative(root, file).split(sep).join('/');
  return config.projects
    .filter((project) => {
      const ignored = (project.testPathIgnorePatterns ?? []).some((pattern) => new RegExp(pattern.replace('<rootDir>/', '^')).test(path));
      const matched = project.testMatch.some((glob) => {
        if (glob.startsWith('**/')) return new RegExp(`${glob.slice(3).replace(/\./g, '\\.').replace('*', '[^/]*').replace('?(x)', 'x?')}$`).test(path);
        return path.startsWith(glob.replace('<rootDir>/', '').split('/**')[0] + '/');
      });
      return matched && !ignored;
    })
    .map((project) => project.displayName);
}

const startsIntegration = /\bstart(Local|Approvals|Intake)?Tenant\(|child_process|playwright-core|\bsoffice\b/;

describe('jest projects', () => {
  const files = testFiles(join(root, 'test'));

  it('put every test file in exactly one project', () => {
    const wrong = files.map((file) => [relative(root, file), projectsOf(file).join('+') || 'none']).filter(([, projects]) => projects.includes('+') || projects === 'none');
    expect(wrong).toEqual([]);
    expect(files.length).toBeGreaterThan(100);
  });

  it('keep tenants, child processes, LibreOffice and browsers out of the unit project', () => {
    const offenders = files.filter((file) => projectsOf(file).join() === 'unit' && startsIntegration.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });

  it('classify by name and folder', () => {
    expect(projectsOf(join(root, 'test/domain/chain.test.ts'))).toEqual(['unit']);
    expect(projectsOf(join(root, 'test/ui/Panel.test.tsx'))).toEqual(['unit']);
    expect(projectsOf(join(root, 'test/word/packageWord.integration.test.ts'))).toEqual(['integration']);
    expect(projectsOf(join(root, 'test/local/anything.test.ts'))).toEqual(['integration']);
    expect(projectsOf(join(root, 'test/e2e/register.test.ts'))).toEqual(['e2e']);
  });
});

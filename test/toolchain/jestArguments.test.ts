// eslint-disable-next-line @typescript-eslint/no-require-imports
const { jestArguments } = require('../../scripts/jest') as { jestArguments: (argv: readonly string[]) => string[] };

describe('scripts/jest.js arguments', () => {
  it('selects the project last, so test paths are not taken for project names', () => {
    expect(jestArguments(['--project=unit', 'test/domain', '-t', 'chain'])).toEqual(['test/domain', '-t', 'chain', '--selectProjects', 'unit']);
  });

  it('passes everything else through unchanged', () => {
    expect(jestArguments(['test/forms', '--runInBand'])).toEqual(['test/forms', '--runInBand']);
    expect(jestArguments([])).toEqual([]);
  });
});

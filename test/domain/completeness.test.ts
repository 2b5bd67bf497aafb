import { readdirSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import {
  classifyPair,
  commandTypes,
  enMessages,
  eventTypes,
  evolvedEventTypes,
  guards,
  handlers,
  messageCodes,
  nlMessages,
  stateIds,
  workflowTable
} from '../../src/domain';

/** rems-style completeness checks: nothing in the table or the catalogs is left dangling. */

const domainDir = join(__dirname, '../../src/domain');
const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(path) ? [path] : [];
  });
// The catalog also holds the refusals of the application services (`app.error.*`), which src/app and
// the hosts throw: every code is looked for in the whole source tree.
const srcDir = join(__dirname, '../../src');
const codeWithoutCatalog = sourceFiles(srcDir)
  .filter((path) => !path.endsWith('messages.ts'))
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n');
const usedCodes = new Set(codeWithoutCatalog.match(/(dossier|app|institution|clock|calendar|settings)\.(error|warning)\.[A-Za-z]+/g) ?? []);

describe('completeness', () => {
  it('every command has a handler and a table row, and nothing else does', () => {
    expect(Object.keys(handlers).sort()).toEqual([...commandTypes].sort());
    expect(Object.keys(workflowTable).sort()).toEqual([...commandTypes].sort());
    for (const command of commandTypes) expect(workflowTable[command].command).toBe(command);
  });

  it('every event type has an evolve case', () => {
    expect([...evolvedEventTypes].sort()).toEqual([...eventTypes].sort());
  });

  it('every event type is produced by some handler (no dead events)', () => {
    const handlerSource = readFileSync(join(domainDir, 'handlers.ts'), 'utf8');
    for (const type of eventTypes) expect(handlerSource).toContain(`type: '${type}'`);
  });

  it('every (state, command) pair is classified, and the table names only known states', () => {
    for (const state of [undefined, ...stateIds]) {
      for (const command of commandTypes) expect(['allowed', 'notInThisState']).toContain(classifyPair(state, command));
    }
    for (const command of commandTypes) {
      const rule = workflowTable[command];
      for (const state of rule.from) expect(stateIds).toContain(state);
      for (const target of rule.to) expect([...stateIds, 'same']).toContain(target);
      expect(rule.roles.length).toBeGreaterThan(0);
    }
  });

  it('every guard the table names exists, and every guard is used', () => {
    const named = new Set(commandTypes.flatMap((c) => workflowTable[c].guards));
    expect([...named].sort()).toEqual(Object.keys(guards).sort());
  });

  it('nl and en catalogs have exactly the same keys and the same placeholders', () => {
    expect(Object.keys(enMessages).sort()).toEqual(Object.keys(nlMessages).sort());
    const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const code of messageCodes) {
      expect({ code, en: placeholders(enMessages[code]) }).toEqual({ code, en: placeholders(nlMessages[code]) });
      expect(nlMessages[code].trim()).not.toBe('');
    }
  });

  it('every code used in the domain has a message, and every message is used', () => {
    expect(usedCodes.size).toBeGreaterThan(20);
    for (const code of usedCodes) expect(messageCodes).toContain(code);
    for (const code of messageCodes) expect({ code, used: usedCodes.has(code) }).toEqual({ code, used: true });
  });

  it('the domain stays pure: no platform imports, no clock, no randomness', () => {
    for (const path of sourceFiles(domainDir)) {
      const text = readFileSync(path, 'utf8');
      const imports = text.match(/from '([^']+)'/g) ?? [];
      for (const statement of imports) expect({ path, statement, relative: /from '\.\.?\//.test(statement) }).toEqual({ path, statement, relative: true });
      expect({ path, clock: /Date\.now\(|new Date\(\)|Math\.random\(|fetch\(/.test(text) }).toEqual({ path, clock: false });
    }
  });
});

/** The product relies on Node 22 (SPFx 1.22, node:sqlite); npm scripts must run on the `node` devDependency. */
describe('runtime', () => {
  it('runs on Node 22', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(22);
  });

  it('has the built-in SQLite module the local tenant uses', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sqlite = require('node:sqlite') as typeof import('node:sqlite');
    const db = new sqlite.DatabaseSync(':memory:');
    db.exec('create table t (v text)');
    db.prepare('insert into t values (?)').run('ok');
    expect(db.prepare('select v from t').get()).toEqual({ v: 'ok' });
    db.close();
  });

  it('transforms the ESM-only PnPjs package', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { spfi } = require('@pnp/sp') as typeof import('@pnp/sp');
    expect(typeof spfi).toBe('function');
  });
});

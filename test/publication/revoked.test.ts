/**
 * Lifecycle (issue 16): a revoked protocol stays on the public register, marked "Ingetrokken op <datum>",
 * its addenda with it (schema 1.3); a closed dossier (data destroyed) stays too.
 */
import Ajv from 'ajv';
import type { Dossier } from '../../src/domain/types';
import { buildPublicRegister, registerJsonSchema, registerToCsv, registerToHtml, registerToJson } from '../../src/publication';
import { buildDossier } from '../correspondence/support/dossiers';
import { parseCsv } from './support/csv';

function dossiers(): Dossier[] {
  const protocol = buildDossier({ reference: 'VSA-2026-0901', upTo: 'delivered', protocolNumber: 'PROT-2026-011', endDate: '2028-12-31' }).dossier;
  const addendum = buildDossier({ reference: 'VSA-2026-0902', upTo: 'published', parent: { number: 'PROT-2026-011', dossierReference: 'VSA-2026-0901' }, addendumNumber: 'PROT-2026-011/A1', endDate: '2029-06-30', startDay: 40 }).dossier;
  const inForce = buildDossier({ reference: 'VSA-2026-0903', upTo: 'delivered', protocolNumber: 'PROT-2026-012', startDay: 60 }).dossier;
  const revoked: Dossier = { ...protocol, revocation: { date: '2026-09-15', reason: 'Inbreuk op de voorwaarden.', by: { id: 'els@vsa.example', displayName: 'Els' }, at: '2026-09-15T10:00:00.000Z' } };
  const closed: Dossier = { ...inForce, state: 'closed' };
  return [revoked, addendum, closed];
}

const register = () => buildPublicRegister(dossiers(), { generatedAt: '2026-11-25T10:00:00.000Z' });

describe('a revoked protocol on the public register', () => {
  it('keeps the protocol and its addenda, with the revocation date; the reason is not public', () => {
    const [closed, revoked] = register().protocols;
    expect(closed.number).toBe('PROT-2026-012');
    expect(closed.published && closed.revokedOn).toBeUndefined();
    expect(revoked.number).toBe('PROT-2026-011');
    expect(revoked.published && revoked.revokedOn).toBe('2026-09-15');
    expect(revoked.addenda.map((addendum) => [addendum.number, addendum.revokedOn])).toEqual([['PROT-2026-011/A1', '2026-09-15']]);
    expect(registerToJson(register())).not.toContain('Inbreuk');
  });

  it('shows "Ingetrokken op <datum>" on the Dutch page and "Revoked on" on the English one', () => {
    const nl = registerToHtml(register(), 'nl');
    expect(nl).toContain('<p class="revoked"><strong>Ingetrokken op <time datetime="2026-09-15">');
    expect(nl.match(/class="revoked"/g)).toHaveLength(2);
    expect(registerToHtml(register(), 'en')).toContain('Revoked on <time datetime="2026-09-15">');
  });

  it('exports revokedOn in CSV and in JSON that schema 1.3 accepts', () => {
    const rows = parseCsv(registerToCsv(register()));
    const header = rows[0];
    const column = header.indexOf('revokedOn');
    expect(rows.slice(1).map((row) => [row[header.indexOf('number')], row[column]])).toEqual([
      ['PROT-2026-012', ''], ['PROT-2026-011', '2026-09-15'], ['PROT-2026-011/A1', '2026-09-15']
    ]);
    const validate = new Ajv({ allErrors: true }).compile(registerJsonSchema);
    expect(validate(JSON.parse(registerToJson(register())))).toBe(true);
    const bad = JSON.parse(registerToJson(register()));
    bad.protocols[1].revokedOn = '15/09/2026';
    expect(validate(bad)).toBe(false);
  });
});

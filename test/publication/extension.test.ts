import { decide, evolve } from '../../src/domain';
import type { Dossier } from '../../src/domain';
import { extensionReminders, extensionRequest } from '../../src/publication';
import { buildDossier, people } from '../correspondence/support/dossiers';

describe('protocol end-date reminders', () => {
  const protocol = buildDossier({ reference: 'VSA-2026-0401', upTo: 'delivered', protocolNumber: 'PROT-2026-041', endDate: '2027-03-31' }).dossier;

  it('reminds from 60 days before the end date, not earlier', () => {
    expect(extensionReminders([protocol], '2027-01-29T22:30:00.000Z')).toEqual([]); // 23:30 on 29 January in Brussels
    expect(extensionReminders([protocol], '2027-01-29T23:30:00.000Z')).toHaveLength(1); // 00:30 on 30 January
    const [reminder] = extensionReminders([protocol], '2027-02-15T12:00:00.000Z');
    expect(reminder).toMatchObject({ protocolNumber: 'PROT-2026-041', dossierReference: 'VSA-2026-0401', effectiveEndDate: '2027-03-31', daysLeft: 44, extensionsUnderWay: [] });
    expect(reminder.remindFrom).toBe('2027-01-30');
  });

  it('an extension addendum moves the reminder to the new end date; a request under way is reported', () => {
    const addendum = buildDossier({ reference: 'VSA-2026-0402', upTo: 'published', parent: { number: 'PROT-2026-041', dossierReference: protocol.reference }, endDate: '2029-03-31' }).dossier;
    expect(extensionReminders([protocol, addendum], '2027-02-15T12:00:00.000Z')).toEqual([]);
    const pending = buildDossier({ reference: 'VSA-2026-0403', upTo: 'formsRequested', parent: { number: 'PROT-2026-041', dossierReference: protocol.reference } }).dossier;
    expect(extensionReminders([protocol, pending], '2027-02-15T12:00:00.000Z')[0].extensionsUnderWay).toEqual(['VSA-2026-0403']);
  });

  it('the one-click extension request is accepted by the domain and links to the protocol', () => {
    const request = extensionRequest(protocol, 'VSA-2027-0001', { register: 'ext-1', requestForms: 'ext-2' }, '2027-02-15');
    expect(request.register.subject).toBe('Verlenging protocol PROT-2026-041: Welzijn in Vlaanderen');
    let dossier: Dossier | undefined;
    const apply = (result: ReturnType<typeof decide>): void => {
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      for (const event of result.events) dossier = evolve(dossier, event);
    };
    expect(request.register).toMatchObject({ parentProtocolNumber: 'PROT-2026-041', simplifiedReasons: ['extension'] });
    apply(decide(undefined, request.register, people.team, '2027-02-15T10:00:00.000Z'));
    expect(dossier).toMatchObject({ state: 'intake', parentProtocolNumber: 'PROT-2026-041', simplifiedReasons: ['extension'] });
    expect(extensionReminders([protocol, dossier as Dossier], '2027-02-15T12:00:00.000Z')[0].extensionsUnderWay).toEqual(['VSA-2027-0001']);
    apply(decide(dossier, { type: 'assignStatistician', commandId: 'ext-a', assignee: people.statistician }, people.team, '2027-02-15T10:01:00.000Z'));
    apply(decide(dossier, request.requestForms, people.statistician, '2027-02-15T10:02:00.000Z'));
    expect(dossier).toMatchObject({ state: 'formsRequested', procedure: 'simplified', simplifiedReasons: ['extension'], parentProtocolNumber: 'PROT-2026-041', parentDossierReference: 'VSA-2026-0401' });
  });

  it('refuses to extend a dossier without protocol', () => {
    const early = buildDossier({ reference: 'VSA-2026-0404', upTo: 'preliminary' }).dossier;
    expect(() => extensionRequest(early, 'VSA-2027-0002', { register: 'a', requestForms: 'b' }, '2027-01-01')).toThrow(/no protocol number/);
  });
});

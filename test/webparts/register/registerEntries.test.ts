import { chainFromRows, deadlineOfRow, documentView, entriesFromRegisterRows, entryFromRegisterRow, isDocx } from '../../../src/webparts/dossierRegister/app/registerEntries';
import { languageOf } from '../../../src/webparts/dossierRegister/webPartSettings';
import type { RegisterRow } from '../../../src/data';

const row = (partial: Partial<RegisterRow>): RegisterRow => ({ itemId: 1, reference: 'VSA-2026-0001', subject: 'Onderwerp', state: 'intake', ...partial });
const now = '2026-11-25T12:00:00.000Z';

describe('register entries from projection rows', () => {
  it('applies the review clock to a row under review (30 calendar days after it entered the state)', () => {
    const status = deadlineOfRow(row({ state: 'underReview', stateSince: '2026-10-01T12:00:00.000Z' }), now);
    expect(status).toMatchObject({ overdue: true, kind: 'phase', dueOn: '2026-10-31', overdueDays: 25, current: { phase: 'review', side: 'vsa' } });
    // intake has a deadline of its own now (assignment within 5 working days)
    expect(deadlineOfRow(row({ state: 'intake', stateSince: '2026-01-01T00:00:00.000Z' }), now)).toMatchObject({ overdue: true, current: { phase: 'intake' } });
    expect(deadlineOfRow(row({ state: 'rejected', stateSince: '2026-01-01T00:00:00.000Z' }), now).kind).toBeUndefined();
    expect(deadlineOfRow(row({ state: 'underReview' }), now)).toEqual({ overdue: false, overdueDays: 0 });
    // intake: 5 working days; a row with a broken history shows no deadline but says why
    expect(deadlineOfRow(row({ state: 'intake', stateSince: '2026-11-20T09:00:00.000Z' }), now)).toMatchObject({ kind: 'phase', overdue: false, current: { usedDays: 3 } });
    expect(deadlineOfRow(row({ state: 'preliminary', stateSince: '2026-11-20T09:00:00.000Z', stateHistory: [{ state: 'intake', enteredAt: '2026-11-20T09:00:00.000Z' }] }), now).problem).toMatchObject({ code: 'clock.error.brokenHistory' });
  });

  it('maps the assignee e-mail onto the person id the UI filters "mijn dossiers" on', () => {
    const entry = entryFromRegisterRow(row({ assignee: { email: 'sofie@vsa.local', displayName: 'Sofie' }, institution: 'UGent' }), now);
    expect(entry.assignee).toEqual({ id: 'sofie@vsa.local', displayName: 'Sofie' });
    expect(entry.institution).toBe('UGent');
  });

  // Rows now carry the parent protocol (as dossiers do), so the domain's `protocolChain` builds the chain.
  const parent = 'PROT-2025-004';
  const chainRows = [
    row({ reference: 'VSA-2025-0001', procedure: 'standard', protocolNumber: parent, state: 'delivered', stateSince: '2025-06-01T00:00:00.000Z', protocolEndDate: '2026-12-31' }),
    row({ reference: 'VSA-2026-0009', procedure: 'simplified', parentProtocolNumber: parent, addendumNumber: `${parent}/A2`, state: 'signed' }),
    row({ reference: 'VSA-2026-0003', procedure: 'simplified', parentProtocolNumber: parent, addendumNumber: `${parent}/A1`, state: 'delivered', protocolEndDate: '2028-12-31' }),
    row({ reference: 'VSA-2026-0012', procedure: 'simplified', parentProtocolNumber: parent, state: 'underReview' }),
    row({ reference: 'VSA-2026-0013', procedure: 'simplified', parentProtocolNumber: parent, state: 'withdrawn' })
  ];

  it('builds the protocol chain: the protocol, its addenda in number order, and requests under way', () => {
    const chain = chainFromRows(parent, chainRows);
    expect(chain.protocol?.reference).toBe('VSA-2025-0001');
    expect(chain.addenda.map((a) => a.number)).toEqual([`${parent}/A1`, `${parent}/A2`]);
    expect(chain.pending.map((p) => p.reference)).toEqual(['VSA-2026-0012']);
  });

  it('counts a one-click extension (registered on the protocol, procedure not chosen yet) as under way, as the reminders do', () => {
    const extension = row({ reference: 'VSA-2026-0020', parentProtocolNumber: parent, state: 'preliminary' });
    expect(chainFromRows(parent, [...chainRows, extension]).pending.map((p) => p.reference)).toEqual(['VSA-2026-0012', 'VSA-2026-0020']);
  });

  it("highlights a protocol's row by its chain's effective end date: an extension addendum moves it", () => {
    // The protocol's own end date (31/12/2026) is within the 60-day reminder window on 25/11/2026 ...
    expect(deadlineOfRow(chainRows[0], now)).toMatchObject({ kind: 'protocolEnd', overdue: true });
    // ... the addendum A1 extended it to 31/12/2028, so the row is not due.
    const entries = entriesFromRegisterRows(chainRows, now);
    const protocolEntry = entries.find((entry) => entry.reference === 'VSA-2025-0001');
    expect(protocolEntry?.deadline).toMatchObject({ kind: 'protocolEnd', overdue: false, dueOn: '2028-11-01', protocolEndDate: '2028-12-31' });
    expect(entries).toHaveLength(chainRows.length);
  });

  it('offers "open in Word" and findings only for Word documents', () => {
    expect(isDocx('a.DOCX')).toBe(true);
    expect(isDocx('scan.pdf')).toBe(false);
    const doc = { id: '1', fileName: 'scan.pdf', serverRelativeUrl: '/x/scan.pdf', size: 1, version: '1.0' };
    expect(documentView(doc, () => 'ms-word:x')).toMatchObject({ isDocx: false, openInWordUrl: undefined, findingsState: 'idle' });
  });
});

describe('web part settings', () => {
  it('speaks Dutch unless the UI culture is English', () => {
    expect(languageOf('nl-BE')).toBe('nl');
    expect(languageOf('fr-FR')).toBe('nl');
    expect(languageOf(undefined)).toBe('nl');
    expect(languageOf('en-US')).toBe('en');
  });
});

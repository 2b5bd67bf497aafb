import { chainFromRows, deadlineOfRow, documentView, entryFromRegisterRow, isDocx } from '../../../src/webparts/dossierRegister/app/registerEntries';
import { languageOf } from '../../../src/webparts/dossierRegister/webPartSettings';
import type { RegisterRow } from '../../../src/data';

const row = (partial: Partial<RegisterRow>): RegisterRow => ({ itemId: 1, reference: 'VSA-2026-0001', subject: 'Onderwerp', state: 'intake', ...partial });
const now = '2026-11-25T12:00:00.000Z';

describe('register entries from projection rows', () => {
  it('applies the domain review deadline to a row under review (30 days after it entered the state)', () => {
    const status = deadlineOfRow(row({ state: 'underReview', stateSince: '2026-10-01T12:00:00.000Z' }), now);
    expect(status).toMatchObject({ overdue: true, kind: 'review', overdueSinceDays: 25 });
    expect(deadlineOfRow(row({ state: 'intake', stateSince: '2026-01-01T00:00:00.000Z' }), now).overdue).toBe(false);
    expect(deadlineOfRow(row({ state: 'underReview' }), now)).toEqual({ overdue: false, overdueSinceDays: 0 });
  });

  it('maps the assignee e-mail onto the person id the UI filters "mijn dossiers" on', () => {
    const entry = entryFromRegisterRow(row({ assignee: { email: 'sofie@vsa.local', displayName: 'Sofie' }, institution: 'UGent' }), now);
    expect(entry.assignee).toEqual({ id: 'sofie@vsa.local', displayName: 'Sofie' });
    expect(entry.institution).toBe('UGent');
  });

  it('builds the protocol chain: the protocol, its addenda in number order, and requests under way', () => {
    const chain = chainFromRows('PROT-2025-004', [
      row({ reference: 'VSA-2025-0001', procedure: 'standard', protocolNumber: 'PROT-2025-004', state: 'published' }),
      row({ reference: 'VSA-2026-0009', procedure: 'simplified', addendumNumber: 'PROT-2025-004/A2', state: 'signed' }),
      row({ reference: 'VSA-2026-0003', procedure: 'simplified', addendumNumber: 'PROT-2025-004/A1', state: 'delivered' }),
      row({ reference: 'VSA-2026-0012', procedure: 'simplified', state: 'underReview' }),
      row({ reference: 'VSA-2026-0013', procedure: 'simplified', state: 'withdrawn' })
    ]);
    expect(chain.protocol?.reference).toBe('VSA-2025-0001');
    expect(chain.addenda.map((a) => a.number)).toEqual(['PROT-2025-004/A1', 'PROT-2025-004/A2']);
    expect(chain.pending.map((p) => p.reference)).toEqual(['VSA-2026-0012']);
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

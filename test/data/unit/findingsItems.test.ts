/** The columns of a `Bevindingen` item and back (src/data/sharepoint/findingsStore.ts), without a tenant. */
import { findingItemFields, findingItemOf, findingItemTitle } from '../../../src/data/sharepoint/findingsStore';
import type { DossierFinding } from '../../../src/domain/findings';

const an = { id: 'an.peeters@vsa.local', displayName: 'An Peeters' };
const finding: DossierFinding = {
  id: 'check:aanvraagformulier:variableJustification:variabelen.motivering#0:leeftijd|1',
  documentKind: 'aanvraagformulier',
  fieldId: 'variabelen.motivering',
  rowIndex: 0,
  origin: 'check',
  checkId: 'variableJustification',
  messageKey: 'forms.check.variableWithoutJustification',
  params: { value: 'leeftijd', row: '1' },
  text: 'Motiveer de variabele leeftijd.',
  author: an,
  audience: 'requester',
  severity: 'blocking',
  firstSeenVersion: '1.0',
  lastSeenVersion: '2.0',
  status: 'waived',
  waivedReason: 'Besproken.',
  createdAt: '2026-06-01T10:00:00.000Z',
  history: [
    { status: 'open', at: '2026-06-01T10:00:00.000Z', by: an, version: '1.0', automatic: true },
    { status: 'waived', at: '2026-06-02T10:00:00.000Z', by: an, reason: 'Besproken.' }
  ],
  revision: 2
};

describe('Bevindingen items', () => {
  it('map a finding onto the columns (history by display name, no e-mail) and back', () => {
    const fields = findingItemFields('VSA-2026-0001', finding);
    expect(fields).toMatchObject({ Title: finding.id, DossierReference: 'VSA-2026-0001', RowIndex: 0, Status: 'waived', WaivedReason: 'Besproken.', Revision: 2, AuthorName: 'An Peeters' });
    expect(String(fields.History)).not.toContain('@');
    expect(findingItemOf({ Id: 7, ...fields })).toEqual({
      id: finding.id,
      dossierReference: 'VSA-2026-0001',
      documentKind: 'aanvraagformulier',
      fieldId: 'variabelen.motivering',
      rowIndex: 0,
      origin: 'check',
      checkId: 'variableJustification',
      authorName: 'An Peeters',
      text: 'Motiveer de variabele leeftijd.',
      audience: 'requester',
      severity: 'blocking',
      firstSeenVersion: '1.0',
      lastSeenVersion: '2.0',
      status: 'waived',
      waivedReason: 'Besproken.',
      history: [
        { status: 'open', at: '2026-06-01T10:00:00.000Z', by: 'An Peeters', version: '1.0', automatic: true },
        { status: 'waived', at: '2026-06-02T10:00:00.000Z', by: 'An Peeters', reason: 'Besproken.' }
      ],
      revision: 2
    });
  });

  it('clear the optional columns of a finding without them, and read a hand-edited history as empty', () => {
    const remark: DossierFinding = { ...finding, id: 'R1', fieldId: undefined, rowIndex: undefined, checkId: undefined, waivedReason: undefined, origin: 'reviewer', status: 'open' };
    const fields = findingItemFields('VSA-2026-0001', remark);
    expect(fields).toMatchObject({ FieldId: null, RowIndex: null, CheckId: null, WaivedReason: null });
    const read = findingItemOf({ ...fields, FieldId: '', History: '{niet json' });
    expect(read.history).toEqual([]);
    expect('fieldId' in read || 'rowIndex' in read || 'checkId' in read || 'waivedReason' in read).toBe(false);
  });

  it('shorten an id longer than a title with a hash of the whole id', () => {
    expect(findingItemTitle('R1')).toBe('R1');
    const long = 'x'.repeat(300);
    expect(findingItemTitle(long)).toHaveLength(255);
    expect(findingItemTitle(`${long}a`)).not.toBe(findingItemTitle(`${long}b`));
    expect(findingItemTitle('y'.repeat(255))).toBe('y'.repeat(255));
  });
});

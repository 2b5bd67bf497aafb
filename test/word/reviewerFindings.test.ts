import { parseMetadata, serializeMetadata, stableHash, textHash, withEntries, withoutEntries, entryKey, REVIEW_PART_NAMESPACE } from '../../src/word/review/reviewMetadata';
import {
  anchorOfFinding,
  commentField,
  findingsToRecord,
  ownComments,
  readBackPlan,
  resolvedInWord,
  reviewerFindingId
} from '../../src/word/review/reviewerFindings';
import { normalizedCommentText } from '../../src/word/review/commentMarker';
import type { DocumentComment } from '../../src/word/source/formSource';
import { reviewerFinding } from './fakes/dossiers';

const at = (fieldId: string, rowIndex?: number) => ({ fieldId, ...(rowIndex === undefined ? {} : { rowIndex }) });
const comment = (id: string, text: string, field?: { fieldId: string; rowIndex?: number }, resolved = false): DocumentComment => ({ id, text, resolved, ...(field ? { field } : {}) });

describe('stable ids of reviewer findings made in Word', () => {
  it('depend on dossier, form type, field and normalised text only (whitespace and old markers do not count)', () => {
    const id = reviewerFindingId('VSA-2026-007', 'aanvraagformulier', 'project.titel', 'De titel is te vaag.');
    expect(id).toMatch(/^word:[0-9a-f]{16}$/);
    expect(reviewerFindingId('VSA-2026-007', 'aanvraagformulier', 'project.titel', '  De titel   is te vaag. [VSA]')).toBe(id);
    expect(reviewerFindingId('VSA-2026-008', 'aanvraagformulier', 'project.titel', 'De titel is te vaag.')).not.toBe(id);
    expect(reviewerFindingId('VSA-2026-007', 'protocol', 'project.titel', 'De titel is te vaag.')).not.toBe(id);
    expect(reviewerFindingId('VSA-2026-007', 'aanvraagformulier', 'project.doeleinden', 'De titel is te vaag.')).not.toBe(id);
    expect(reviewerFindingId('VSA-2026-007', 'aanvraagformulier', 'project.titel', 'De titel is vaag.')).not.toBe(id);
    // A known value, so a change of the hash (which would duplicate every recorded finding) fails here.
    expect(stableHash('')).toBe('811c9dc5050c5d1f');
  });

  it('names table cells by column and row, single fields by id', () => {
    expect(commentField('variabelen.naam', 3)).toEqual({ fieldId: 'variabelen.naam', rowIndex: 3 });
    expect(commentField('contact.email', 0)).toEqual({ fieldId: 'contact.email' });
    expect(commentField(undefined, 0)).toBeUndefined();
    expect(anchorOfFinding({ fieldId: 'variabelen.naam', rowIndex: 2 })).toEqual({ kind: 'contentControl', tag: 'variabelen.naam', occurrence: 2 });
    expect(anchorOfFinding({})).toEqual({ kind: 'document' });
  });
});

describe('the hidden review part', () => {
  it('round-trips its entries, escaping what XML needs, and reads an unreadable part as empty', () => {
    const metadata = {
      entries: [
        { fieldKey: 'variabelen.naam#2', textHash: textHash('a'), audience: 'internal' as const, severity: 'blocking' as const, checkKey: 'x:"<&>"#0' },
        { findingId: 'f-1', fieldKey: '-', textHash: textHash('b'), audience: 'requester' as const, severity: 'warning' as const }
      ]
    };
    const xml = serializeMetadata(metadata);
    expect(xml).toContain(`xmlns="${REVIEW_PART_NAMESPACE}"`);
    expect(parseMetadata(xml)).toEqual(metadata);
    expect(parseMetadata('<nonsense')).toEqual({ entries: [] });
    expect(parseMetadata(undefined)).toEqual({ entries: [] });
    const replaced = withEntries(metadata, [{ ...metadata.entries[0], audience: 'requester' }]);
    expect(replaced.entries.map((e) => e.audience)).toEqual(['requester', 'requester']);
    expect(withoutEntries(metadata, new Set([entryKey(metadata.entries[1])])).entries).toHaveLength(1);
  });
});

describe('own comments and what is recorded', () => {
  const metadata = {
    entries: [
      { fieldKey: 'project.titel', textHash: textHash('Te vaag.'), audience: 'requester' as const, severity: 'blocking' as const, checkKey: 'required:project.titel#0' },
      { fieldKey: 'variabelen', textHash: textHash('Geen rijen.'), audience: 'internal' as const, severity: 'warning' as const }
    ]
  };

  it('recognises the review part and old markers, leaves other comments alone', () => {
    const own = ownComments(
      [
        comment('1', 'Te vaag.', at('project.titel')),
        comment('2', 'Geen rijen.'),
        comment('3', 'Oud [VSA]', at('contact.email')),
        comment('4', 'Van de aanvrager', at('project.titel')),
        comment('5', 'Te vaag.', at('contact.email'))
      ],
      metadata
    );
    expect(own.map((o) => [o.comment.id, o.fieldKey, o.audience, o.text])).toEqual([
      ['1', 'project.titel', 'requester', 'Te vaag.'],
      ['2', 'variabelen', 'internal', 'Geen rijen.'],
      ['3', 'contact.email', 'requester', 'Oud']
    ]);
  });

  it('matches a cell comment whose row the host does not give (the .docx reader) to its entry, not to another field', () => {
    const cell = { entries: [{ fieldKey: 'variabelen.motivering#2', textHash: textHash('Motiveer.'), audience: 'requester' as const, severity: 'blocking' as const }] };
    expect(ownComments([comment('1', 'Motiveer.', at('variabelen.motivering'))], cell).map((o) => o.fieldKey)).toEqual(['variabelen.motivering#2']);
    expect(ownComments([comment('1', 'Motiveer.', at('variabelen.motivering', 3))], cell)).toEqual([]);
    expect(ownComments([comment('1', 'Motiveer.', at('variabelen.naam'))], cell)).toEqual([]);
    const plan = readBackPlan([reviewerFinding({ id: 'r', text: 'Motiveer.', fieldId: 'variabelen.motivering', rowIndex: 2 })], 'aanvraagformulier', [comment('1', 'Motiveer.', at('variabelen.motivering'))]);
    expect(plan.toInsert).toEqual([]);
  });

  it('records one finding per comment, none the dossier already has, the field from the part where Word has none', () => {
    const own = ownComments([comment('1', 'Te vaag.', at('project.titel')), comment('2', 'Geen rijen.'), comment('3', 'Te vaag.', at('project.titel'))], metadata);
    const first = findingsToRecord(own, 'VSA-1', 'aanvraagformulier', []);
    expect(first).toEqual([
      { id: reviewerFindingId('VSA-1', 'aanvraagformulier', 'project.titel', 'Te vaag.'), documentKind: 'aanvraagformulier', fieldId: 'project.titel', text: 'Te vaag.', audience: 'requester', severity: 'blocking' },
      { id: reviewerFindingId('VSA-1', 'aanvraagformulier', 'variabelen', 'Geen rijen.'), documentKind: 'aanvraagformulier', fieldId: 'variabelen', text: 'Geen rijen.', audience: 'internal', severity: 'warning' }
    ]);
    expect(findingsToRecord(own, 'VSA-1', 'aanvraagformulier', first)).toEqual([]);
  });

  it('resolves in the dossier only pending findings whose comment Word shows resolved', () => {
    const findings = [
      reviewerFinding({ id: 'f-open', text: 'A' }),
      reviewerFinding({ id: 'f-closed', text: 'B', status: 'waived' })
    ];
    const partWithIds = { entries: findings.map((f) => ({ findingId: f.id, fieldKey: 'project.titel', textHash: textHash(f.text), audience: 'requester' as const, severity: 'warning' as const })) };
    const own = ownComments([comment('1', 'A', at('project.titel'), true), comment('2', 'B', at('project.titel'), true)], partWithIds);
    expect(resolvedInWord(own, findings, 'VSA-1', 'aanvraagformulier')).toEqual([{ findingId: 'f-open', text: 'A' }]);
  });
});

describe('read-back into the next version', () => {
  it('inserts pending requester findings without a comment at their field; resolves closed ones; keeps internal ones out', () => {
    const findings = [
      reviewerFinding({ id: 'a', text: 'Nieuw', fieldId: 'project.titel' }),
      reviewerFinding({ id: 'b', text: 'Er al', fieldId: 'contact.email' }),
      reviewerFinding({ id: 'c', text: 'Dicht', fieldId: 'contact.email', status: 'resolved' }),
      reviewerFinding({ id: 'd', text: 'Intern', audience: 'internal' }),
      reviewerFinding({ id: 'e', text: 'Cel', fieldId: 'variabelen.naam', rowIndex: 4 }),
      reviewerFinding({ id: 'f', text: 'Ander veld', fieldId: 'project.titel' })
    ];
    const plan = readBackPlan(findings, 'aanvraagformulier', [
      comment('1', 'Er al [VSA]', at('contact.email')),
      comment('2', 'Dicht', at('contact.email')),
      comment('3', 'Ander veld', at('contact.email'))
    ]);
    expect(plan.toInsert.map((item) => [item.finding.id, item.anchor])).toEqual([
      ['a', { kind: 'contentControl', tag: 'project.titel', occurrence: 0 }],
      ['e', { kind: 'contentControl', tag: 'variabelen.naam', occurrence: 4 }],
      ['f', { kind: 'contentControl', tag: 'project.titel', occurrence: 0 }]
    ]);
    expect(plan.toResolve).toEqual(['2']);
    expect(plan.entries.map((entry) => entry.findingId)).toEqual(['b', 'c']);
    expect(plan.internal.map((finding) => finding.id)).toEqual(['d']);
    expect(plan.toInsert.every((item) => item.finding.audience === 'requester')).toBe(true);
    expect(normalizedCommentText(' a  [VSA x:y#0] ')).toBe('a');
  });
});

import {
  checkContextFor,
  checkPhaseForState,
  documentPhaseForCommand,
  documentsForCommand,
  hasMandateDocument,
  publicationSource,
  stateIds,
  commandTypes
} from '../../src/domain';
import type { DocumentKind, DocumentPhase, StateId } from '../../src/domain';

interface Doc {
  readonly fileName: string;
  readonly kind?: DocumentKind;
  readonly phase?: DocumentPhase;
}

describe('checkPhaseForState', () => {
  const signedStates: readonly StateId[] = ['awaitingSignatures', 'awaitingCountersignature', 'signed', 'published', 'delivered'];

  it('checks forms as signed from the positive decision on', () => {
    for (const state of signedStates) expect([state, checkPhaseForState(state)]).toEqual([state, 'signed']);
  });

  it('checks forms as drafts in every other state and without a dossier', () => {
    const draftStates = stateIds.filter((state) => !signedStates.includes(state));
    expect(draftStates).toContain('underReview');
    expect(draftStates).toContain('awaitingDecision');
    for (const state of draftStates) expect([state, checkPhaseForState(state)]).toEqual([state, 'draft']);
    expect(checkPhaseForState(undefined)).toBe('draft');
  });
});

describe('documentPhaseForCommand', () => {
  it('names the phase of the five registering commands and nothing for the others', () => {
    expect(documentPhaseForCommand('registerDraftDocuments')).toBe('draft');
    expect(documentPhaseForCommand('registerSignedDocuments')).toBe('signed');
    expect(documentPhaseForCommand('countersign')).toBe('countersigned');
    expect(documentPhaseForCommand('publish')).toBe('publication');
    expect(documentPhaseForCommand('confirmDestruction')).toBe('closeOut');
    const others = commandTypes.filter((c) => !['registerDraftDocuments', 'registerSignedDocuments', 'countersign', 'publish', 'confirmDestruction'].includes(c));
    expect(others.length).toBeGreaterThan(5);
    for (const command of others) expect([command, documentPhaseForCommand(command)]).toEqual([command, undefined]);
  });
});

describe('documentsForCommand', () => {
  const documents: Doc[] = [
    { fileName: 'aanvraag.docx', kind: 'aanvraagformulier', phase: 'draft' },
    { fileName: 'volmacht.pdf', kind: 'mandate', phase: 'draft' },
    { fileName: 'aanvraag-getekend.docx', kind: 'aanvraagformulier', phase: 'signed' },
    { fileName: 'protocol.docx', kind: 'protocol', phase: 'countersigned' },
    { fileName: 'protocol.pdf', kind: 'publicationVersion', phase: 'publication' },
    { fileName: 'los.pdf' }
  ];
  const names = (list: readonly Doc[]): string[] => list.map((d) => d.fileName);

  it('offers the documents of the command phase', () => {
    expect(names(documentsForCommand('registerDraftDocuments', documents))).toEqual(['aanvraag.docx', 'volmacht.pdf']);
    expect(names(documentsForCommand('countersign', documents))).toEqual(['protocol.docx']);
    expect(names(documentsForCommand('publish', documents))).toEqual(['protocol.pdf']);
  });

  it('counts the mandate as signed whatever phase it was stored under', () => {
    expect(names(documentsForCommand('registerSignedDocuments', documents))).toEqual(['volmacht.pdf', 'aanvraag-getekend.docx']);
  });

  it('offers nothing for a command that registers no documents', () => {
    expect(documentsForCommand('decide', documents)).toEqual([]);
  });
});

describe('publicationSource', () => {
  it('prefers the countersigned protocol or addendum, a signed PDF as well as a Word document', () => {
    const documents: Doc[] = [
      { fileName: 'verklaring.docx', kind: 'verklaringTOM', phase: 'countersigned' },
      { fileName: 'protocol-draft.docx', kind: 'protocol', phase: 'draft' },
      { fileName: 'protocol.pdf', kind: 'protocol', phase: 'countersigned' }
    ];
    expect(publicationSource(documents)?.fileName).toBe('protocol.pdf');
    expect(publicationSource<Doc>([{ fileName: 'addendum.docx', kind: 'addendum', phase: 'countersigned' }])?.fileName).toBe('addendum.docx');
  });

  it('falls back to the first countersigned PDF or Word document, skips superseded ones, and gives nothing without one', () => {
    expect(publicationSource<Doc>([{ fileName: 'notes.txt', phase: 'countersigned' }, { fileName: 'B.DOCX', phase: 'countersigned' }])?.fileName).toBe('B.DOCX');
    expect(publicationSource([{ fileName: 'old.pdf', kind: 'protocol' as const, phase: 'countersigned' as const, superseded: true }])).toBeUndefined();
    expect(publicationSource<Doc>([{ fileName: 'protocol.docx', kind: 'protocol', phase: 'signed' }])).toBeUndefined();
  });
});

describe('mandate context', () => {
  it('sees a mandate among the documents', () => {
    expect(hasMandateDocument([{ kind: 'aanvraagformulier' }, { kind: 'mandate' }])).toBe(true);
    expect(hasMandateDocument([{ kind: 'aanvraagformulier' }, {}])).toBe(false);
  });

  it('builds the check context from the dossier state and documents', () => {
    expect(checkContextFor({ state: 'awaitingSignatures', documents: [{ kind: 'mandate' }] }, '2026-11-25')).toEqual({
      phase: 'signed',
      today: '2026-11-25',
      hasMandateDocument: true
    });
    expect(checkContextFor({ state: 'underReview', documents: [] }, '2026-11-25')).toEqual({ phase: 'draft', today: '2026-11-25', hasMandateDocument: false });
    expect(checkContextFor(undefined, '2026-11-25')).toEqual({ phase: 'draft', today: '2026-11-25', hasMandateDocument: false });
  });

  it('takes an explicit phase over the state', () => {
    expect(checkContextFor({ state: 'underReview', documents: [{ kind: 'mandate' }] }, '2026-11-25', 'signed').phase).toBe('signed');
  });
});

describe('document file names, kinds and phases (one rule for the service and the library adapter)', () => {
  it('accepts an ordinary name and refuses what SharePoint or the folder would not take', async () => {
    const { isValidDocumentFileName } = await import('../../src/domain/documentRules');
    expect(isValidDocumentFileName('Aanvraagformulier VSA-2026-0001 (2).docx')).toBe(true);
    for (const bad of ['', '   ', '.hidden.docx', 'eind.', 'a/b.docx', '..\\x.docx', 'a:b.pdf', 'a|b.pdf', 'nul\u0000.pdf', 'tab\u0009.pdf', 'del\u007f.pdf', `${'x'.repeat(196)}.docx`]) {
      expect([bad, isValidDocumentFileName(bad)]).toEqual([bad, false]);
    }
  });

  it('knows every kind and phase the library offers, and nothing else', async () => {
    const { DOCUMENT_KINDS, DOCUMENT_PHASES, isDocumentKind, isDocumentPhase } = await import('../../src/domain/documentRules');
    expect(DOCUMENT_KINDS).toContain('mandate');
    expect(DOCUMENT_PHASES).toEqual(['draft', 'signed', 'countersigned', 'publication', 'closeOut']);
    expect(DOCUMENT_KINDS).toContain('destructionStatement');
    expect(DOCUMENT_KINDS.every((kind) => isDocumentKind(kind))).toBe(true);
    expect([isDocumentKind('toString'), isDocumentKind('brief'), isDocumentPhase('final'), isDocumentPhase(undefined)]).toEqual([false, false, false, false]);
  });
});

import { isKeptPhase, keptFileName } from '../../src/domain';
import type { DocumentPhase } from '../../src/domain';

const stored = (fileName: string, phase?: DocumentPhase): { fileName: string; phase?: DocumentPhase } => ({ fileName, phase });

describe('keptFileName: signed, countersigned and publication documents are never overwritten', () => {
  it('keeps the name when no file of that name exists', () => {
    expect(keptFileName('protocol.docx', 'signed', [stored('aanvraag.docx', 'signed')])).toBe('protocol.docx');
  });

  it('lets a draft replace a draft of the same name (a new library version)', () => {
    expect(keptFileName('protocol.docx', 'draft', [stored('protocol.docx', 'draft')])).toBe('protocol.docx');
  });

  it.each<DocumentPhase>(['signed', 'countersigned', 'publication'])('renames any upload over a %s file', (phase) => {
    expect(keptFileName('protocol.docx', 'draft', [stored('protocol.docx', phase)])).toBe('protocol (2).docx');
  });

  it.each<DocumentPhase>(['signed', 'countersigned', 'publication'])('renames a %s upload over a draft of the same name', (phase) => {
    expect(keptFileName('protocol.docx', phase, [stored('protocol.docx', 'draft')])).toBe('protocol (2).docx');
  });

  it('treats a stored file without a known phase as replaceable by a draft only', () => {
    expect(keptFileName('brief.pdf', 'draft', [stored('brief.pdf')])).toBe('brief.pdf');
    expect(keptFileName('brief.pdf', 'signed', [stored('brief.pdf')])).toBe('brief (2).pdf');
  });

  it('compares names as the library does (case-insensitive) and takes the first free number', () => {
    const existing = [stored('Protocol.DOCX', 'signed'), stored('protocol (2).docx', 'signed'), stored('PROTOCOL (3).docx', 'draft')];
    expect(keptFileName('protocol.docx', 'signed', existing)).toBe('protocol (4).docx');
  });

  it('numbers a name without extension at its end and keeps only the last extension apart', () => {
    expect(keptFileName('notitie', 'signed', [stored('notitie', 'signed')])).toBe('notitie (2)');
    expect(keptFileName('a.b.pdf', 'signed', [stored('a.b.pdf', 'signed')])).toBe('a.b (2).pdf');
    expect(keptFileName('.pdf', 'signed', [stored('.pdf', 'signed')])).toBe('.pdf (2)');
  });

  it('names the kept phases', () => {
    expect(['draft', 'signed', 'countersigned', 'publication', undefined].map((phase) => isKeptPhase(phase as DocumentPhase | undefined))).toEqual([
      false,
      true,
      true,
      true,
      false
    ]);
  });
});

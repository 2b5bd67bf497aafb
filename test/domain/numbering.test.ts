import {
  addendumSeries,
  highestInSeries,
  numberInSeries,
  protocolSeries,
  nextAddendumNumber,
  nextDossierReference,
  nextProtocolNumber,
  parseAddendumNumber,
  parseDossierReference,
  parseProtocolNumber
} from '../../src/domain';

describe('dossier references VSA-YYYY-NNNN', () => {
  it('starts at 0001 and continues after the highest of the year', () => {
    expect(nextDossierReference([], 2026)).toBe('VSA-2026-0001');
    expect(nextDossierReference(['VSA-2026-0007', 'VSA-2026-0012', 'VSA-2025-0099', 'rommel', 'VSA-26-1'], 2026)).toBe('VSA-2026-0013');
    expect(nextDossierReference(['VSA-2026-9999'], 2026)).toBe('VSA-2026-10000');
  });

  it('parses and rejects', () => {
    expect(parseDossierReference('VSA-2026-0042')).toEqual({ year: 2026, sequence: 42 });
    expect(parseDossierReference('VSA-2026-42')).toBeUndefined();
    expect(parseDossierReference(42)).toBeUndefined();
  });

  it('refuses a year that is not four digits', () => {
    expect(() => nextDossierReference([], 26)).toThrow(RangeError);
    expect(() => nextDossierReference([], 2026.5)).toThrow(/four-digit/);
  });
});

describe('protocol numbers PROT-YYYY-NNN', () => {
  it('numbers per year', () => {
    expect(nextProtocolNumber([], 2026)).toBe('PROT-2026-001');
    expect(nextProtocolNumber(['PROT-2026-001', 'PROT-2026-002', 'PROT-2025-030', 'PROT-2026-001/A1'], 2026)).toBe('PROT-2026-003');
    expect(parseProtocolNumber('PROT-2026-003')).toEqual({ year: 2026, sequence: 3 });
    expect(parseProtocolNumber('PROT-2026-3')).toBeUndefined();
  });
});

describe('addendum numbers <protocol>/A<n>', () => {
  it('numbers per protocol and links to it', () => {
    expect(nextAddendumNumber('PROT-2025-004', [])).toBe('PROT-2025-004/A1');
    expect(nextAddendumNumber('PROT-2025-004', ['PROT-2025-004/A1', 'PROT-2025-004/A3', 'PROT-2025-005/A9'])).toBe('PROT-2025-004/A4');
    expect(parseAddendumNumber('PROT-2025-004/A4')).toEqual({ protocolNumber: 'PROT-2025-004', index: 4 });
    expect(parseAddendumNumber('PROT-2025-004/A0')).toBeUndefined();
    expect(parseAddendumNumber('PROT-2025-004')).toBeUndefined();
  });

  it('refuses a malformed protocol number', () => {
    expect(() => nextAddendumNumber('P-4', [])).toThrow(/Not a protocol number/);
  });
});

describe('numbering series (the Nummering counters)', () => {
  it('names the series and formats the numbers of a series', () => {
    expect(protocolSeries(2026)).toBe('PROT-2026');
    expect(addendumSeries('PROT-2026-004')).toBe('PROT-2026-004/A');
    expect(numberInSeries('PROT-2026', 4)).toBe('PROT-2026-004');
    expect(numberInSeries('PROT-2026', 1234)).toBe('PROT-2026-1234');
    expect(numberInSeries('PROT-2026-004/A', 2)).toBe('PROT-2026-004/A2');
    expect(() => numberInSeries('PROT-2026', 0)).toThrow(RangeError);
    expect(() => numberInSeries('VSA-2026', 1)).toThrow(/Not a numbering series/);
    expect(() => addendumSeries('PROT-26-1')).toThrow(/Not a protocol number/);
  });

  it('finds the highest number of a series among existing numbers, ignoring other series', () => {
    expect(highestInSeries('PROT-2026', ['PROT-2026-007', 'PROT-2025-099', 'PROT-2026-003', 'junk'])).toBe(7);
    expect(highestInSeries('PROT-2026-004/A', ['PROT-2026-004/A2', 'PROT-2026-005/A9', 'PROT-2026-004'])).toBe(2);
    expect(highestInSeries('PROT-2027', [])).toBe(0);
  });
});

import type { Institution } from '../../src/domain/institutions';
import {
  findInstitution,
  formatEnterpriseNumber,
  institutionEligibility,
  institutionKindOf,
  institutionNotice,
  institutionProblems,
  isValidEnterpriseNumber,
  mandatesAt,
  normalizeEnterpriseNumber,
  normalizeInstitution,
  normalizeInstitutionName,
  signatoriesAt
} from '../../src/domain/institutionRules';
import { formatError } from '../../src/domain/formatError';
import { isValidEnterpriseNumber as formsRule } from '../../src/forms';
import type { Requester } from '../../src/domain/types';

/** Invented institution (the number is valid: 97 − (01234567 mod 97) = 49). */
const ghent: Institution = {
  id: '1',
  name: 'Universiteit Gent',
  enterpriseNumber: '0123456749',
  kind: 'onderzoeksinstelling',
  signatories: [
    { name: 'Marieke Van Acker', capacity: 'wettelijk vertegenwoordiger', validFrom: '2020-01-01', validTo: '2025-12-31' },
    { name: 'Joris Verhaegen', capacity: 'wettelijk vertegenwoordiger', validFrom: '2026-01-01' },
    { name: 'Hélène Dubois', capacity: 'verwerkingsverantwoordelijke', validFrom: '2024-03-01' }
  ],
  mandates: [{ mandatedPerson: 'Tom Peeters', documentFileName: 'volmacht-peeters.pdf', scope: 'protocollen met Statistiek Vlaanderen', validFrom: '2026-02-01', validTo: '2026-12-31' }],
  dpo: { name: 'Ilse Martens', email: 'dpo@ugent.example' }
};

const department: Institution = {
  id: '2',
  name: 'Departement Onderwijs en Vorming',
  enterpriseNumber: '0316380940',
  kind: 'overheidsdienst',
  signatories: [],
  mandates: []
};

const requester = (patch: Partial<Requester>): Requester => ({ isIndividual: false, contact: { name: 'A', email: 'a@x.be' }, ...patch });

describe('the enterprise number (KBO/BCE)', () => {
  it('given 10 digits whose last two are 97 − (first eight mod 97), then it is valid, with or without dots and spaces', () => {
    expect(isValidEnterpriseNumber('0123456749')).toBe(true);
    expect(isValidEnterpriseNumber('0123.456.749')).toBe(true);
    expect(isValidEnterpriseNumber(' 0123 456 749 ')).toBe(true);
    expect(isValidEnterpriseNumber('BE 0123.456.749')).toBe(true);
    expect(isValidEnterpriseNumber('123456749')).toBe(true);
  });

  it('given a wrong check number, a first digit other than 0 or 1, or the wrong length, then it is invalid', () => {
    expect(isValidEnterpriseNumber('0123456748')).toBe(false);
    expect(isValidEnterpriseNumber('2123456749')).toBe(false);
    expect(isValidEnterpriseNumber('01234567')).toBe(false);
    expect(isValidEnterpriseNumber('0123.456.74a')).toBe(false);
    expect(isValidEnterpriseNumber('')).toBe(false);
  });

  it('normalises to 10 digits and formats as people write it; the form checks use the same rule', () => {
    expect(normalizeEnterpriseNumber('0123.456.749')).toBe('0123456749');
    expect(normalizeEnterpriseNumber('123.456.749')).toBe('0123456749');
    expect(formatEnterpriseNumber('0123456749')).toBe('0123.456.749');
    expect(formatEnterpriseNumber('abc')).toBe('abc');
    expect(formsRule).toBe(isValidEnterpriseNumber);
  });
});

describe('validating an institution', () => {
  it('given a complete record, then there is nothing to say', () => {
    expect(institutionProblems(ghent)).toEqual([]);
    expect(institutionProblems({ ...ghent, enterpriseNumber: '0123.456.749' })).toEqual([]);
  });

  it('given every field wrong, then every problem is listed with its place and a Dutch and English text', () => {
    const bad = {
      ...ghent,
      name: ' ',
      enterpriseNumber: '0123.456.748',
      kind: 'ngo',
      signatories: [{ name: '', capacity: 'gevolmachtigde', validFrom: '2026-05-01', validTo: '2026-04-30' }],
      mandates: [{ mandatedPerson: ' ', scope: '', validFrom: 'morgen' }],
      dpo: { name: '', email: 'geen-adres' }
    } as unknown as Institution;
    const problems = institutionProblems(bad);
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ['institution.error.nameRequired', 'name'],
      ['institution.error.enterpriseNumberInvalid', 'enterpriseNumber'],
      ['institution.error.kindInvalid', 'kind'],
      ['institution.error.signatoryNameRequired', 'signatories.0.name'],
      ['institution.error.capacityInvalid', 'signatories.0.capacity'],
      ['institution.error.periodReversed', 'signatories.0.validTo'],
      ['institution.error.mandatedPersonRequired', 'mandates.0.mandatedPerson'],
      ['institution.error.mandateScopeRequired', 'mandates.0.scope'],
      ['institution.error.validFromInvalid', 'mandates.0.validFrom'],
      ['institution.error.dpoNameRequired', 'dpo.name'],
      ['institution.error.dpoEmailInvalid', 'dpo.email']
    ]);
    const reversed = problems.find((p) => p.code === 'institution.error.periodReversed')!;
    expect(formatError({ kind: 'guard', ...reversed }, 'nl')).toBe('Rij 1: "geldig tot" (2026-04-30) ligt vóór "geldig vanaf" (2026-05-01).');
    expect(formatError({ kind: 'guard', ...reversed }, 'en')).toBe('Row 1: "valid to" (2026-04-30) is before "valid from" (2026-05-01).');
  });

  it('given a period of one day (from = to) or an open end, then the period is fine', () => {
    const oneDay = { ...ghent, signatories: [{ name: 'X', capacity: 'verwerkingsverantwoordelijke' as const, validFrom: '2026-01-01', validTo: '2026-01-01' }] };
    expect(institutionProblems(oneDay)).toEqual([]);
  });

  it('given a number or a name already in the register (another record), then it is refused; the record itself does not count', () => {
    const copy: Institution = { ...ghent, id: '9', name: 'UNIVERSITEIT  gent', enterpriseNumber: '0123 456 749' };
    expect(institutionProblems(copy, [ghent, department]).map((p) => p.code)).toEqual(['institution.error.enterpriseNumberTaken', 'institution.error.nameTaken']);
    expect(institutionProblems(ghent, [ghent, department])).toEqual([]);
  });

  it('given a missing number, then it is asked for (not called invalid)', () => {
    expect(institutionProblems({ ...ghent, enterpriseNumber: '' }).map((p) => p.code)).toEqual(['institution.error.enterpriseNumberRequired']);
  });

  it('normalises what is stored: trimmed, 10-digit number, no empty end date, no empty DPO', () => {
    const typed = {
      ...ghent,
      name: ' Universiteit Gent ',
      enterpriseNumber: '0123.456.749',
      signatories: [{ name: ' Joris Verhaegen ', capacity: 'wettelijk vertegenwoordiger' as const, validFrom: '2026-01-01', validTo: '' }],
      mandates: [{ mandatedPerson: 'Tom Peeters ', documentFileName: ' ', scope: ' alles ', validFrom: '2026-01-01' }],
      dpo: { name: '', email: '' }
    };
    expect(normalizeInstitution(typed)).toEqual({
      id: '1',
      name: 'Universiteit Gent',
      enterpriseNumber: '0123456749',
      kind: 'onderzoeksinstelling',
      signatories: [{ name: 'Joris Verhaegen', capacity: 'wettelijk vertegenwoordiger', validFrom: '2026-01-01' }],
      mandates: [{ mandatedPerson: 'Tom Peeters', scope: 'alles', validFrom: '2026-01-01' }]
    });
  });
});

describe('finding an institution', () => {
  const register = [department, ghent];

  it('given an enterprise number, then it finds by number first, separators ignored', () => {
    expect(findInstitution(register, { enterpriseNumber: '0123.456.749', name: 'Iets anders' })).toBe(ghent);
  });

  it('given a name, then case, diacritics, punctuation and spaces do not matter', () => {
    expect(findInstitution(register, { name: '  universiteit   GENT ' })).toBe(ghent);
    expect(findInstitution(register, { name: 'DÉPARTEMENT  onderwijs en vorming.' })).toBe(department);
    expect(normalizeInstitutionName('Département  Onderwijs-en-Vorming')).toBe('departement onderwijs en vorming');
  });

  it('given a number that matches nothing, then the name decides; given neither, then nothing', () => {
    expect(findInstitution(register, { enterpriseNumber: '0999999999', name: 'Universiteit Gent' })).toBe(ghent);
    expect(findInstitution(register, { name: 'KU Leuven' })).toBeUndefined();
    expect(findInstitution(register, {})).toBeUndefined();
    expect(findInstitution(register, { name: ' ' })).toBeUndefined();
  });
});

describe('who may sign on a date', () => {
  it('given a date, then only the signatories whose period holds it (both ends inclusive) are returned', () => {
    expect(signatoriesAt(ghent, '2025-12-31').map((s) => s.name)).toEqual(['Marieke Van Acker', 'Hélène Dubois']);
    expect(signatoriesAt(ghent, '2026-01-01').map((s) => s.name)).toEqual(['Joris Verhaegen', 'Hélène Dubois']);
    expect(signatoriesAt(ghent, '2019-06-01')).toEqual([]);
  });

  it('given a date-time, then its day counts', () => {
    expect(signatoriesAt(ghent, '2026-01-01T08:30:00Z').map((s) => s.name)).toEqual(['Joris Verhaegen', 'Hélène Dubois']);
  });

  it('given a mandate with a period, then it holds within it only', () => {
    expect(mandatesAt(ghent, '2026-01-31')).toEqual([]);
    expect(mandatesAt(ghent, '2026-02-01').map((m) => m.mandatedPerson)).toEqual(['Tom Peeters']);
    expect(mandatesAt(ghent, '2026-12-31')).toHaveLength(1);
    expect(mandatesAt(ghent, '2027-01-01')).toEqual([]);
  });
});

describe('the forms’ institution type', () => {
  it('maps "andere instelling" onto the register’s "andere", the others onto themselves', () => {
    expect(institutionKindOf('andere instelling')).toBe('andere');
    expect(institutionKindOf('Other institution')).toBe('andere');
    expect(institutionKindOf('overheidsdienst')).toBe('overheidsdienst');
    expect(institutionKindOf('Onderzoeksinstelling')).toBe('onderzoeksinstelling');
    expect(institutionKindOf('vzw')).toBeUndefined();
    expect(institutionKindOf(undefined)).toBeUndefined();
  });
});

describe('eligibility in step 1 against the register', () => {
  const register = [ghent, department];

  it('given an individual without institution, then it is an individual’s request (refused as the procedure says)', () => {
    expect(institutionEligibility(requester({ isIndividual: true }), register)).toEqual({ status: 'individual' });
    expect(institutionNotice(requester({ isIndividual: true }), register)).toBeUndefined();
  });

  it('given an institution of the register (by number or name), then it is registered and nothing is flagged', () => {
    expect(institutionEligibility(requester({ institution: 'Andere naam', kbo: '0123456749' }), register)).toEqual({ status: 'registered', institution: ghent });
    expect(institutionNotice(requester({ institution: 'universiteit gent' }), register)).toBeUndefined();
  });

  it('given an institution the register does not hold, then it is flagged for the DPO team, not refused', () => {
    const unknown = requester({ institution: 'Hogeschool Nergensland', kbo: '0123456749x' });
    expect(institutionEligibility(unknown, register)).toEqual({ status: 'notInRegister', name: 'Hogeschool Nergensland', enterpriseNumber: '0123456749x' });
    const notice = institutionNotice(unknown, register)!;
    expect(formatError({ kind: 'guard', ...notice }, 'nl')).toBe(
      'Hogeschool Nergensland staat niet in het register van instellingen: het DPO-team gaat na of de instelling in aanmerking komt en voegt ze toe.'
    );
    expect(formatError({ kind: 'guard', ...notice }, 'en')).toContain('is not in the register of institutions');
  });
});

/**
 * The register service's dossier-detail code loads on first use (`registerDetail.ts`, in the panel's
 * chunk): the service is built without it, and a chunk that failed to load (a network error) is asked
 * again on the next use instead of failing every later check.
 */
import { createRegisterService, type OpenedDossier } from '../../src/app/registerService';
import type { RegisterPorts } from '../../src/app/registerPorts';
import type { Dossier } from '../../src/domain/types';

const mockLoads: string[] = [];
let mockFailures = 0;

jest.mock('../../src/app/registerDetail', () => {
  mockLoads.push('registerDetail');
  if (mockFailures > 0) {
    mockFailures--;
    throw new Error('Loading chunk register-panel failed.');
  }
  return jest.requireActual('../../src/app/registerDetail');
});

const opened: OpenedDossier = {
  reference: 'VSA-2026-0001',
  dossier: { reference: 'VSA-2026-0001', state: 'inReview' } as unknown as Dossier,
  events: [],
  documents: [],
  versions: new Map()
};

describe('register service: the dossier detail loads on first use', () => {
  beforeEach(() => {
    mockLoads.length = 0;
  });

  it('is built without the detail code, and a failed load is tried again on the next use', async () => {
    mockFailures = 1;
    const service = createRegisterService({ directory: { membersOf: jest.fn(async () => []) } } as unknown as RegisterPorts);
    expect(mockLoads).toEqual([]);
    await expect(service.dialogFacts('addComment', opened)).rejects.toThrow('Loading chunk register-panel failed.');
    await expect(service.dialogFacts('addComment', opened)).resolves.toEqual({ statisticians: [], documents: [], suggestedNumber: undefined, suggestionFailure: undefined });
    expect(mockLoads).toEqual(['registerDetail', 'registerDetail']);
  });
});

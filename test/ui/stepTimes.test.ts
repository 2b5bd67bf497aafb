import { daysPerStep, stepProgress } from '../../src/ui/shared/stepTimes';
import { buildDossier, registerStep, assignStep, dossierUnderReview, dpoMember } from './support/dossiers';

describe('stepProgress', () => {
  it('marks step 1 done, step 2 current and later steps upcoming for a dossier under review', () => {
    const progress = stepProgress(dossierUnderReview(), '2026-11-25T09:00:00.000Z');
    expect(progress.map((p) => p.status)).toEqual(['done', 'current', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(progress[0].days).toBeCloseTo(30);
    expect(progress[1].days).toBeCloseTo(55);
  });

  it('has no current step for a withdrawn dossier and keeps what it reached', () => {
    const dossier = buildDossier([
      registerStep('VSA-2026-0009', '2026-11-01T09:00:00.000Z'),
      assignStep('2026-11-02T09:00:00.000Z'),
      { actor: dpoMember, at: '2026-11-05T09:00:00.000Z', command: { type: 'withdraw', reason: 'Aanvrager trok in' } }
    ]);
    const progress = stepProgress(dossier, '2026-11-25T09:00:00.000Z');
    expect(progress.map((p) => p.status)).toEqual(['done', 'upcoming', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(daysPerStep(dossier.stateHistory, '2026-11-25T09:00:00.000Z').get(1)).toBeCloseTo(4);
  });
});

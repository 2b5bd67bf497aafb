import { cachedCallerRoles } from '../../../src/data/auth/cachedCallerRoles';
import type { CallerRoles } from '../../../src/data/auth/callerRoles';
import type { RoleId } from '../../../src/domain/types';

function counting(answers: Record<string, RoleId[]>): CallerRoles & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    rolesOf: async ({ email }) => {
      calls.push(email);
      if (email === 'broken@vsa.local') throw new Error('SharePoint unavailable');
      return answers[email.toLowerCase()] ?? [];
    }
  };
}

describe('cachedCallerRoles', () => {
  it('reads a person once within the period, case-insensitively, and again after it', async () => {
    let clock = 0;
    const inner = counting({ 'an.peeters@vsa.local': ['dpoTeam'] });
    const roles = cachedCallerRoles(inner, { ttlMs: 1000, now: () => clock });
    expect(await roles.rolesOf({ email: 'an.peeters@vsa.local' })).toEqual(['dpoTeam']);
    expect(await roles.rolesOf({ email: 'An.Peeters@VSA.local' })).toEqual(['dpoTeam']);
    expect(inner.calls).toHaveLength(1);
    clock = 1000;
    await roles.rolesOf({ email: 'an.peeters@vsa.local' });
    expect(inner.calls).toHaveLength(2);
  });

  it('shares one request between concurrent reads and keeps people apart', async () => {
    const inner = counting({ 'a@vsa.local': ['dpo'], 'b@vsa.local': ['statistician'] });
    const roles = cachedCallerRoles(inner);
    const [a1, a2, b] = await Promise.all([roles.rolesOf({ email: 'a@vsa.local' }), roles.rolesOf({ email: 'a@vsa.local' }), roles.rolesOf({ email: 'b@vsa.local' })]);
    expect([a1, a2, b]).toEqual([['dpo'], ['dpo'], ['statistician']]);
    expect(inner.calls).toEqual(['a@vsa.local', 'b@vsa.local']);
  });

  it('does not cache a failed read, and a caller cannot change the cached roles', async () => {
    const inner = counting({ 'a@vsa.local': ['dpo'] });
    const roles = cachedCallerRoles(inner);
    await expect(roles.rolesOf({ email: 'broken@vsa.local' })).rejects.toThrow('SharePoint unavailable');
    await expect(roles.rolesOf({ email: 'broken@vsa.local' })).rejects.toThrow('SharePoint unavailable');
    expect(inner.calls.filter((email) => email === 'broken@vsa.local')).toHaveLength(2);
    const first = await roles.rolesOf({ email: 'a@vsa.local' });
    first.push('chiefStatistician');
    expect(await roles.rolesOf({ email: 'a@vsa.local' })).toEqual(['dpo']);
  });
});

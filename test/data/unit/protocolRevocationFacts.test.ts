import { DossierLookups } from '../../../src/data/lookups';
import type { DossierStore, RegisterRow } from '../../../src/data/ports';
import { decide, replay, type Dossier, type DossierEvent } from '../../../src/domain';
import { actors, at, cmd, doc } from '../../domain/support/fixtures';
import { given, run } from '../../domain/support/given';
import { eventsIn } from '../../domain/support/paths';

/**
 * Lifecycle (issue 16): the service's decide facts tell an addendum dossier that its protocol was revoked,
 * read from the protocol dossier's event log (not from a client, not from the register's column).
 */
const { team, statistician, chief } = actors;
const protocolEvents = eventsIn('delivered');
const revokedEvents = given(protocolEvents).when(cmd.revokeProtocol('2026-01-20'), chief, at(60)).thenEvents([{ type: 'ProtocolRevoked' }]);
const addendum = replay(run([
  [team, cmd.registerRequest('VSA-2026-0002')],
  [team, cmd.assignStatistician()],
  [statistician, cmd.requestFormsSimplified({ number: 'PROT-2026-001', dossierReference: 'VSA-2026-0001', state: 'delivered' })]
]).events) as Dossier;

function storeWith(events: readonly DossierEvent[], calls: string[]): DossierStore {
  const row: RegisterRow = { itemId: 1, reference: 'VSA-2026-0001', subject: 'x', state: 'delivered', protocolNumber: 'PROT-2026-001' };
  return {
    rowsByProtocolNumber: async (number: string) => {
      calls.push(`rows:${number}`);
      return [row];
    },
    loadStream: async (reference: string) => {
      calls.push(`stream:${reference}`);
      return { events: events.map((event, index) => ({ sequence: index + 1, event })) };
    }
  } as unknown as DossierStore;
}

describe('the protocol revocation as a decide fact', () => {
  it('is read from the protocol dossier\'s log for a step a revocation stops, and the domain then refuses the step', async () => {
    const calls: string[] = [];
    const lookups = new DossierLookups(storeWith(revokedEvents, calls));
    const command = cmd.registerDraftDocuments([doc('vereenvoudigdAanvraagformulier', 'v1')]);
    const facts = await lookups.decideFacts(addendum, command);
    expect(facts).toEqual({ protocolRevocation: { protocolNumber: 'PROT-2026-001', date: '2026-01-20' } });
    expect(calls).toEqual(['rows:PROT-2026-001', 'stream:VSA-2026-0001']);
    const result = decide(addendum, command, team, at(61), facts);
    expect(!result.ok && result.errors.map((error) => error.code)).toEqual(['dossier.error.protocolRevoked']);
  });

  it('is absent while the protocol is in force', async () => {
    const lookups = new DossierLookups(storeWith(protocolEvents, []));
    expect(await lookups.decideFacts(addendum, cmd.registerDraftDocuments([doc('vereenvoudigdAanvraagformulier', 'v1')]))).toEqual({});
  });

  it('costs no read for a command a revocation does not stop, nor for a standard dossier', async () => {
    const calls: string[] = [];
    const lookups = new DossierLookups(storeWith(revokedEvents, calls));
    expect(await lookups.decideFacts(addendum, cmd.withdraw())).toEqual({});
    expect(await lookups.decideFacts(replay(protocolEvents), cmd.addComment())).toEqual({});
    expect(calls).toEqual([]);
  });
});

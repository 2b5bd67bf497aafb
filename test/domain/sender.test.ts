import { decide } from '../../src/domain/decide';
import { formatError } from '../../src/domain/formatError';
import { replay } from '../../src/domain/evolve';
import { senderFactsOf, senderVerdict } from '../../src/domain/rules/sender';
import type { Command } from '../../src/domain/commands';
import { buildDossier, people } from '../correspondence/support/dossiers';

const NOW = '2026-02-02T09:00:00.000Z';
const built = buildDossier({ reference: 'VSA-2026-0012', upTo: 'formsRequested' });
const dossier = replay(built.events)!;

const received = (sender: string | undefined, patch: Record<string, unknown> = {}): Command =>
  ({
    type: 'recordCorrespondence', commandId: `in-${sender ?? 'none'}`, direction: 'incoming', kind: 'incoming', messageId: `AAMk-${sender ?? 'none'}`,
    subject: 'RE: formulieren', receivedAt: '2026-02-02T08:00:00Z', attachmentNames: [], ...(sender !== undefined ? { sender } : {}), ...patch
  }) as Command;

describe('the sender rule', () => {
  const contact = dossier.requester.contact.email;
  const domain = contact.split('@')[1];

  it('knows the contact (whole address, any case), the DPO and the institution’s known addresses', () => {
    expect(senderVerdict(contact.toUpperCase(), senderFactsOf(dossier))).toEqual({ known: true, basis: 'contact' });
    const withDpo = { ...dossier, requester: { ...dossier.requester, dpoEmail: `dpo@${domain}` } };
    expect(senderVerdict(` DPO@${domain.toUpperCase()} `, senderFactsOf(withDpo))).toEqual({ known: true, basis: 'dpo' });
    expect(senderVerdict(`secretariaat@${domain}`, senderFactsOf(dossier, [`Secretariaat@${domain}`]))).toEqual({ known: true, basis: 'knownAddress' });
  });

  it('does not trust the same domain, and says why in Dutch first', () => {
    const verdict = senderVerdict(`x@${domain}`, senderFactsOf(dossier));
    expect(verdict.known).toBe(false);
    if (verdict.known) return;
    const institution = dossier.requester.institution!;
    expect(formatError({ kind: 'guard', code: verdict.code, params: verdict.params }, 'nl')).toBe(
      `De afzender x@${domain} is niet de contactpersoon van VSA-2026-0012 en geen gekend adres van ${institution}.`
    );
    expect(formatError({ kind: 'guard', code: verdict.code, params: verdict.params }, 'en')).toContain(`not the contact of VSA-2026-0012`);
  });
});

describe('recording a received mail (the command that links it)', () => {
  it('is refused for an unknown sender without confirmation, so no client can skip the question', () => {
    const result = decide(dossier, received('spoofer@evil.example'), people.team, NOW);
    expect(result.ok ? [] : result.errors).toEqual([
      {
        kind: 'guard', code: 'dossier.error.senderNotKnown',
        params: { sender: 'spoofer@evil.example', reference: 'VSA-2026-0012', institution: dossier.requester.institution }
      }
    ]);
  });

  it('is refused without a sender at all', () => {
    const result = decide(dossier, received(undefined), people.team, NOW);
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['dossier.error.senderRequired']);
  });

  it('records the confirmation in the event when the team confirmed', () => {
    const result = decide(dossier, received('Spoofer@evil.example', { senderConfirmed: true }), people.team, NOW);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.events[0]).toMatchObject({ type: 'CorrespondenceRecorded', sender: 'spoofer@evil.example', senderConfirmed: true });
    const after = replay([...built.events, ...result.events])!;
    expect(after.correspondence.at(-1)).toMatchObject({ sender: 'spoofer@evil.example', senderConfirmed: true });
    // Once linked, the address is known for the dossier: its next mail links directly.
    const next = decide(after, { ...received('spoofer@evil.example'), commandId: 'in-2', messageId: 'AAMk-2' } as Command, people.team, NOW);
    expect(next.ok).toBe(true);
  });

  it('links the contact directly (no confirmation in the event) and accepts institution addresses the writer looked up', () => {
    const direct = decide(dossier, received(dossier.requester.contact.email), people.team, NOW);
    if (!direct.ok) throw new Error(JSON.stringify(direct.errors));
    expect(direct.events[0]).not.toHaveProperty('senderConfirmed');
    const colleague = received('collega@elders.example');
    expect(decide(dossier, colleague, people.team, NOW).ok).toBe(false);
    expect(decide(dossier, colleague, people.team, NOW, { institutionAddresses: ['Collega@elders.example'] }).ok).toBe(true);
  });
});

describe('the institution register’s DPO', () => {
  it('is a known sender (basis dpo) when the shell gives it, and the guard accepts it as a fact', () => {
    expect(senderVerdict('DPO@register.example', senderFactsOf(dossier, [], 'dpo@register.example'))).toEqual({ known: true, basis: 'dpo' });
    expect(senderVerdict('dpo@register.example', senderFactsOf(dossier)).known).toBe(false);
    const command = received('dpo@register.example');
    expect(decide(dossier, command, people.team, NOW).ok).toBe(false);
    expect(decide(dossier, command, people.team, NOW, { institutionDpo: 'dpo@register.example' }).ok).toBe(true);
  });
});

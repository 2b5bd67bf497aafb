import { allowedCommands, decide, evolve, replay, stateIds, workflowTable } from '../../src/domain';
import type { Actor, Command, CommandType, Dossier, DossierEvent } from '../../src/domain';
import { dossierSignedSetFindings } from '../../src/domain/signedSet';
import { actors, cmd, doc, draftSet, individual, signedSet } from './support/fixtures';
import { pick, prng } from './support/prng';

const staff: Actor[] = [actors.team, actors.statistician, actors.otherStatistician, actors.dpo, actors.chief, actors.outsider];
const day = 86_400_000;

/** A payload for `type`; sometimes deliberately invalid so refusals are exercised too. */
function randomCommand(type: CommandType, random: () => number, dossier: Dossier | undefined): Command {
  const invalid = random() < 0.15;
  const procedure = dossier?.procedure ?? 'standard';
  switch (type) {
    case 'registerRequest':
      return cmd.registerRequest('VSA-2026-0042', random() < 0.1 ? individual : undefined);
    case 'assignStatistician':
      return cmd.assignStatistician(invalid ? actors.chief : pick(random, [actors.statistician, actors.otherStatistician]));
    case 'requestForms':
      return random() < 0.5
        ? cmd.requestFormsStandard()
        : cmd.requestFormsSimplified({ number: 'PROT-2025-004', dossierReference: 'VSA-2025-0007', state: invalid ? 'signed' : 'published' });
    case 'declareNotAdmissible':
      return cmd.declareNotAdmissible(invalid ? undefined : 'Geen onderzoeksdoel.');
    case 'registerDraftDocuments': {
      const all = draftSet(procedure, `r${Math.floor(random() * 5)}`);
      return cmd.registerDraftDocuments(invalid ? all.slice(1) : random() < 0.2 ? all.map((d) => ({ ...d, checkSummary: { blocking: 2, warnings: 0, info: 0 } })) : all);
    }
    case 'returnForChanges':
      return cmd.returnForChanges(invalid ? '' : 'Opmerking.');
    case 'startDeliberation':
      return cmd.startDeliberation(random() < 0.2 ? 'Bevinding is vals alarm.' : undefined);
    case 'giveAdvice':
      return invalid ? { ...cmd.giveAdvice(), legalBasis: ' ' } as Command : cmd.giveAdvice();
    case 'decide':
      return cmd.decide(random() < 0.15 ? 'rejected' : 'approved');
    case 'requestMoreInformation':
      return cmd.requestMoreInformation();
    case 'registerSignedDocuments': {
      const set = signedSet(procedure, random() < 0.3 ? 'gevolmachtigde' : 'verwerkingsverantwoordelijke');
      const chosen = set.filter(() => random() < 0.7);
      return cmd.registerSignedDocuments(random() < 0.3 ? [...chosen, doc('mandate', 'm')] : chosen.length ? chosen : set);
    }
    case 'countersign':
      return cmd.countersign(procedure === 'simplified' ? 'PROT-2025-004/A2' : invalid ? 'P-1' : 'PROT-2026-009', '2030-01-31');
    case 'publish':
      return invalid ? { ...cmd.publish(), publicationDocument: doc('publicationVersion', 'other') } as Command : cmd.publish();
    case 'registerDelivery':
      return cmd.registerDelivery();
    case 'withdraw':
      return cmd.withdraw();
    case 'addComment':
      return cmd.addComment(invalid ? '' : 'Notitie.');
    case 'recordCorrespondence':
      if (dossier?.state === 'signed' && random() < 0.7) return cmd.sendBothVersions(procedure === 'simplified' ? 'addendum' : 'protocol');
      return random() < 0.5 ? cmd.recordSentMail(invalid ? ' ' : undefined) : cmd.recordReceivedMail();
    case 'recordFindings':
      return cmd.recordFindings(invalid ? ' ' : `R-${Math.floor(random() * 4)}`, random() < 0.3 ? 'internal' : 'requester');
    case 'changeFindingStatus': {
      const finding = dossier && dossier.findings.length > 0 ? pick(random, [...dossier.findings]) : undefined;
      const status = pick(random, ['open', 'resolved', 'waived'] as const);
      return cmd.changeFindingStatus(finding?.id ?? 'R-0', status, invalid ? 0 : finding?.revision ?? 1, status === 'waived' ? 'Aanvaard.' : undefined);
    }
    case 'recordConditionMet':
      return cmd.recordConditionMet(dossier?.conditions[0]?.id ?? 'C1');
    case 'acceptSignatureWarning': {
      const finding = dossier ? pick(random, [...dossierSignedSetFindings(dossier), undefined]) : undefined;
      return {
        type: 'acceptSignatureWarning', commandId: `accept-${Math.floor(random() * 1e6)}`, documentId: finding?.documentId ?? 'none',
        ...(finding?.signatureIndex !== undefined ? { signatureIndex: finding.signatureIndex } : {}), code: finding?.code ?? 'notVerified', reason: invalid ? ' ' : 'Aanvaard.'
      };
    }
    case 'confirmDestruction':
      return invalid ? { type: 'confirmDestruction', commandId: `cd-${Math.floor(random() * 1e6)}` } : cmd.confirmDestructionByStatement();
    case 'revokeProtocol':
      return cmd.revokeProtocol(invalid ? '2099-01-01' : dossier?.countersignedAt?.slice(0, 10) ?? '2026-02-01');
  }
}

/** Final-state commands are drawn rarely, so walks get deep into the procedure. */
// Closing by confirming the destruction is the way on from `delivered` (issue 16); a revocation stops a walk's progress, so it is drawn rarely.
const ending: readonly CommandType[] = ['withdraw', 'declareNotAdmissible', 'revokeProtocol'];
const progresses = (c: CommandType): boolean => !ending.includes(c) && c !== 'addComment' && c !== 'recordCorrespondence';

/** Mostly someone who can move the dossier on; sometimes anyone (refusals and comments). */
function chooseActor(random: () => number, dossier: Dossier): Actor {
  const movers = staff.filter((a) => allowedCommands(dossier, a).some(progresses));
  return movers.length > 0 && random() < 0.8 ? pick(random, movers) : pick(random, staff);
}

function chooseCommand(random: () => number, allowed: readonly CommandType[]): CommandType {
  if (allowed.length === 0 || random() < 0.15) return pick(random, Object.keys(workflowTable) as CommandType[]);
  const progressing = allowed.filter(progresses);
  return progressing.length > 0 && random() < 0.9 ? pick(random, progressing) : pick(random, allowed);
}

interface Walk {
  readonly dossier: Dossier;
  readonly events: DossierEvent[];
}

/** One random walk: mostly allowed commands, sometimes anything, by random staff. */
function walk(seed: number, steps: number): Walk {
  const random = prng(seed);
  let now = Date.parse('2026-02-01T08:00:00.000Z');
  const first = decide(undefined, randomCommand('registerRequest', random, undefined), actors.team, new Date(now).toISOString());
  if (!first.ok) throw new Error(`seed ${seed}: registration refused`);
  let events = [...first.events];
  let dossier = replay(events) as Dossier;
  for (let step = 0; step < steps; step += 1) {
    now += Math.floor(random() * 10 * day);
    const actor = chooseActor(random, dossier);
    const allowed = allowedCommands(dossier, actor);
    const type = chooseCommand(random, allowed);
    const result = decide(dossier, randomCommand(type, random, dossier), actor, new Date(now).toISOString());
    if (!allowed.includes(type)) expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.length).toBeGreaterThan(0);
      continue;
    }
    const before = dossier.state;
    dossier = result.events.reduce<Dossier>((d, e) => evolve(d, e), dossier);
    events = [...events, ...result.events];
    const targets = workflowTable[type].to.map((t) => (t === 'same' ? before : t));
    if (!targets.includes(dossier.state)) throw new Error(`seed ${seed}: ${type} led ${before} → ${dossier.state}`);
  }
  return { dossier, events };
}

const seeds = Array.from({ length: 300 }, (_, i) => 1000 + i * 7919);

describe('random valid command sequences (300 seeded walks)', () => {
  const walks = seeds.map((seed) => ({ seed, ...walk(seed, 10 + (seed % 50)) }));

  it('never reach a state outside the table', () => {
    for (const { dossier } of walks) expect(stateIds).toContain(dossier.state);
  });

  it('reach a variety of states (the walks are not trivial)', () => {
    const visited = new Set(walks.flatMap((w) => w.dossier.stateHistory.map((h) => h.state)));
    expect([...visited].sort()).toEqual([...stateIds].sort());
    expect(walks.filter((w) => w.dossier.stateHistory.length >= 6).length).toBeGreaterThan(30);
  });

  it('replay to the same dossier, also after a JSON round trip of the events', () => {
    for (const { dossier, events } of walks) {
      expect(replay(events)).toEqual(dossier);
      expect(replay(JSON.parse(JSON.stringify(events)) as DossierEvent[])).toEqual(JSON.parse(JSON.stringify(dossier)));
      expect(dossier.version).toBe(events.length);
      expect(dossier.lastEventId).toBe(events.at(-1)?.id);
    }
  });

  it('keep a consistent state history', () => {
    for (const { dossier } of walks) {
      const history = dossier.stateHistory;
      expect(history.at(-1)).toEqual({ state: dossier.state, enteredAt: dossier.stateSince });
      history.slice(0, -1).forEach((entry, i) => {
        expect(entry.leftAt).toBe(history[i + 1].enteredAt);
        expect(entry.state).not.toBe(history[i + 1].state);
      });
    }
  });

  it('are deterministic: the same seed gives the same events', () => {
    const again = walk(seeds[3], 10 + (seeds[3] % 50));
    expect(again.events.map((e) => e.type)).toEqual(walks[3].events.map((e) => e.type));
    expect(again.dossier.state).toBe(walks[3].dossier.state);
  });
});

describe('idempotency', () => {
  it('gives the same event ids when the same command is decided again', () => {
    const command = cmd.registerRequest();
    const a = decide(undefined, command, actors.team, '2026-01-01T00:00:00.000Z');
    const b = decide(undefined, command, actors.team, '2026-01-01T00:00:00.000Z');
    expect(a).toEqual(b);
    expect(a.ok && a.events.map((e) => e.id)).toEqual([`${command.commandId}:0`]);
  });
});

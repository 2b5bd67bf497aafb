import { allowedCommands, commandTypes, decide, evolve, replay, stateIds, workflowTable } from '../../src/domain';
import type { Actor, Command, CommandType, Dossier, StateId } from '../../src/domain';
import { actors, at, cmd, signedSet } from './support/fixtures';
import { eventsIn } from './support/paths';

/**
 * The commands table of workflow.md, transcribed independently of `workflowTable` so the test can fail.
 * Roles: team = dpoTeam, assigned = assigned statistician, dpo, chief, any = any VSA role.
 * From: `none` = no dossier yet, `nonFinal`, `all`, or a list of states.
 */
const expectedTable = `
registerRequest        | team           | none
assignStatistician     | team           | intake preliminary
requestForms           | assigned       | preliminary
declareNotAdmissible   | assigned team  | intake preliminary
registerDraftDocuments | team           | formsRequested returnedForChanges
returnForChanges       | team           | underReview
startDeliberation      | team           | underReview
giveAdvice             | dpo            | deliberation
decide                 | chief          | awaitingDecision
requestMoreInformation | chief          | awaitingDecision
registerSignedDocuments| team           | awaitingSignatures
countersign            | chief          | awaitingCountersignature
publish                | team           | signed
registerDelivery       | team assigned  | published
withdraw               | team           | notDelivered
addComment             | any            | all
recordCorrespondence   | any            | all
recordFindings         | team assigned dpo | underReview returnedForChanges
changeFindingStatus    | team assigned dpo | underReview returnedForChanges
recordConditionMet     | team assigned  | awaitingSignatures awaitingCountersignature signed published delivered
acceptSignatureWarning | team           | awaitingSignatures awaitingCountersignature
confirmDestruction     | team           | delivered
revokeProtocol         | chief          | signed published delivered
`;

const finalStates: StateId[] = ['rejected', 'notAdmissible', 'withdrawn', 'closed'];
type Place = StateId | 'none';
const places: Place[] = ['none', ...stateIds];

const parsed = new Map(
  expectedTable
    .trim()
    .split('\n')
    .map((line) => {
      const [command, roles, from] = line.split('|').map((cell) => cell.trim().split(/\s+/));
      return [command[0] as CommandType, { roles, from }] as const;
    })
);

const fromIncludes = (from: string[], place: Place): boolean => {
  if (from[0] === 'none') return place === 'none';
  if (place === 'none') return false;
  if (from[0] === 'all') return true;
  if (from[0] === 'nonFinal') return !finalStates.includes(place);
  // Withdrawal is the requester's, before the data are delivered (issue 16).
  if (from[0] === 'notDelivered') return !finalStates.includes(place) && place !== 'delivered';
  return from.includes(place);
};

/** What each persona counts as, per workflow.md (the DPO is also a DPO-team member). */
const personas: Record<string, { actor: Actor; is: (place: Place) => string[] }> = {
  team: { actor: actors.team, is: () => ['team', 'any'] },
  assignedStatistician: { actor: actors.statistician, is: (p) => (p === 'none' || p === 'intake' ? ['any'] : ['assigned', 'any']) },
  otherStatistician: { actor: actors.otherStatistician, is: () => ['any'] },
  dpo: { actor: actors.dpo, is: () => ['dpo', 'team', 'any'] },
  chief: { actor: actors.chief, is: () => ['chief', 'any'] },
  outsider: { actor: actors.outsider, is: () => [] }
};

/** A payload that passes every guard where the command is allowed. */
const validCommand: Record<CommandType, () => Command> = {
  registerRequest: () => cmd.registerRequest(),
  assignStatistician: () => cmd.assignStatistician(),
  requestForms: () => cmd.requestFormsStandard(),
  declareNotAdmissible: () => cmd.declareNotAdmissible('Buiten scope.'),
  registerDraftDocuments: () => cmd.registerDraftDocuments(),
  returnForChanges: () => cmd.returnForChanges(),
  // `withRecords` gives every dossier an open requester finding: starting deliberation overrides it with a reason.
  startDeliberation: () => ({ ...cmd.startDeliberation(), findingOverrides: [{ findingId: 'R-fixture', reason: 'Besproken met de aanvrager.' }] }) as Command,
  giveAdvice: () => cmd.giveAdvice(),
  decide: () => cmd.decide(),
  requestMoreInformation: () => cmd.requestMoreInformation(),
  registerSignedDocuments: () => cmd.registerSignedDocuments(signedSet('standard')),
  countersign: () => cmd.countersign(),
  publish: () => cmd.publish(),
  registerDelivery: () => cmd.registerDelivery(),
  withdraw: () => cmd.withdraw(),
  addComment: () => cmd.addComment(),
  // Linking a received mail is open to any VSA role; who sends which outgoing mail: test/domain/mailSenders.test.ts.
  recordCorrespondence: () => ({ ...cmd.recordReceivedMail(), senderConfirmed: true }) as Command,
  recordFindings: () => cmd.recordFindings(),
  changeFindingStatus: () => cmd.changeFindingStatus('R-fixture'),
  recordConditionMet: () => cmd.recordConditionMet('C1'),
  // `withRecords` gives every dossier a signed form registered without a report: a `notVerified` warning.
  acceptSignatureWarning: () => ({ type: 'acceptSignatureWarning', commandId: 'accept-1', documentId: 'S-fixture', code: 'notVerified', reason: 'Oude registratie.' }),
  confirmDestruction: () => cmd.confirmDestructionByStatement(),
  revokeProtocol: () => cmd.revokeProtocol()
};

/**
 * The records the finding and condition commands refer to, added to any fixture dossier: a reviewer
 * finding `R-fixture` (revision 1) and an open condition `C1`. The table's rows, not their absence, decide.
 */
function withRecords(dossier: Dossier | undefined): Dossier | undefined {
  if (!dossier) return dossier;
  const finding = replay([...eventsIn('formsRequested'), { id: 'x:0', dossierReference: dossier.reference, actor: actors.team, at: at(50), type: 'FindingsRecorded', findings: [{ id: 'R-fixture', documentKind: 'aanvraagformulier', text: 'Verduidelijk.', audience: 'requester' }] }])!.findings;
  const signedForm = {
    id: 'S-fixture', kind: 'verklaringTOM' as const, fileName: 'tom-getekend.docx', version: '1.0', signatory: { name: 'An Peeters', capacity: 'verwerkingsverantwoordelijke' as const },
    phase: 'signed' as const, registeredAt: at(60), registeredBy: { id: actors.team.id, displayName: actors.team.displayName }, superseded: false
  };
  return { ...dossier, documents: [...dossier.documents, signedForm], findings: [...dossier.findings, ...finding], conditions: [...dossier.conditions, { id: 'C1', text: 'Publiceer enkel cellen van minstens 10.', category: 'publication', owner: 'requester', status: 'open' }] };
}

const dossiers = new Map<Place, Dossier | undefined>(places.map((p) => [p, p === 'none' ? undefined : withRecords(replay(eventsIn(p)))]));

describe('the transcribed table covers every command', () => {
  it('lists exactly the commands of workflowTable', () => {
    expect([...parsed.keys()].sort()).toEqual([...commandTypes].sort());
  });

  it('has a dossier fixture in every state', () => {
    for (const place of stateIds) expect(dossiers.get(place)?.state).toBe(place);
  });
});

describe.each(places.map((p) => [p]))('in state %s', (place) => {
  const dossier = dossiers.get(place);
  it.each(Object.keys(personas).map((name) => [name]))('%s gets exactly the commands of the table', (name) => {
    const { actor, is } = personas[name];
    const capabilities = is(place);
    const expected = commandTypes.filter((command) => {
      const row = parsed.get(command);
      return row !== undefined && fromIncludes(row.from, place) && row.roles.some((role) => capabilities.includes(role));
    });
    expect(allowedCommands(dossier, actor)).toEqual(expected);

    for (const command of commandTypes) {
      const row = parsed.get(command);
      if (!row) throw new Error(`no row for ${command}`);
      const result = decide(dossier, validCommand[command](), actor, at(100));
      const kinds = result.ok ? [] : result.errors.map((error) => error.kind);
      const roleOk = row.roles.some((role) => capabilities.includes(role));
      const stateOk = fromIncludes(row.from, place);
      expect({ command, ok: result.ok }).toEqual({ command, ok: roleOk && stateOk });
      expect({ command, forbidden: kinds.includes('forbidden') }).toEqual({ command, forbidden: !roleOk });
      expect({ command, wrongState: kinds.includes('wrongState') }).toEqual({ command, wrongState: !stateOk });
      if (result.ok) {
        const next = result.events.reduce<Dossier | undefined>((d, e) => evolve(d, e), dossier);
        expect(stateIds).toContain(next?.state);
      }
    }
  });
});

describe('target states', () => {
  it.each(commandTypes.filter((c) => c !== 'registerRequest').map((c) => [c]))('%s leads only to a target state of its row', (command) => {
    const rule = workflowTable[command];
    for (const place of rule.from) {
      const history = eventsIn(place);
      const actor = rule.roles.includes('dpoTeam') ? actors.team : rule.roles.includes('assignedStatistician') ? actors.statistician : rule.roles.includes('dpo') ? actors.dpo : rule.roles.includes('anyVsaRole') ? actors.team : actors.chief;
      const before = withRecords(replay(history));
      const result = decide(before, validCommand[command](), actor, at(100));
      if (!result.ok) throw new Error(`${command} in ${place}: ${JSON.stringify(result.errors)}`);
      const reached = result.events.reduce<Dossier | undefined>((d, e) => evolve(d, e), before)!.state;
      const targets = rule.to.map((t) => (t === 'same' ? place : t));
      expect(targets).toContain(reached);
    }
  });
});

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
withdraw               | team           | nonFinal
addComment             | any            | all
recordCorrespondence   | any            | all
`;

const finalStates: StateId[] = ['rejected', 'notAdmissible', 'withdrawn'];
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
  startDeliberation: () => cmd.startDeliberation(),
  giveAdvice: () => cmd.giveAdvice(),
  decide: () => cmd.decide(),
  requestMoreInformation: () => cmd.requestMoreInformation(),
  registerSignedDocuments: () => cmd.registerSignedDocuments(signedSet('standard')),
  countersign: () => cmd.countersign(),
  publish: () => cmd.publish(),
  registerDelivery: () => cmd.registerDelivery(),
  withdraw: () => cmd.withdraw(),
  addComment: () => cmd.addComment(),
  recordCorrespondence: () => cmd.recordSentMail()
};

const dossiers = new Map<Place, Dossier | undefined>(places.map((p) => [p, p === 'none' ? undefined : replay(eventsIn(p))]));

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
      const result = decide(replay(history), validCommand[command](), actor, at(100));
      if (!result.ok) throw new Error(`${command} in ${place}: ${JSON.stringify(result.errors)}`);
      const reached = (replay([...history, ...result.events]) as Dossier).state;
      const targets = rule.to.map((t) => (t === 'same' ? place : t));
      expect(targets).toContain(reached);
    }
  });
});

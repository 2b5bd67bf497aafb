import { decide, replay } from '../../../src/domain';
import type { Actor, Command, DecideResult, Dossier, DossierEvent, MessageCode } from '../../../src/domain';
import { at } from './fixtures';

/** The outcome of `when`, with assertions in the rems style. */
export interface Then {
  readonly result: DecideResult;
  /** Asserts success and that the events match (partially, in order); returns the new history. */
  thenEvents(expected: readonly Partial<DossierEvent>[]): DossierEvent[];
  /** Asserts refusal with exactly these codes (order-insensitive). */
  thenErrors(expected: readonly MessageCode[]): void;
}

/** given(events).when(command, actor).then… — test-only helper. */
export function given(history: readonly DossierEvent[] = []) {
  const dossier: Dossier | undefined = replay(history);
  return {
    dossier,
    when(command: Command, actor: Actor, now: string = at(history.length + 1)): Then {
      const result = decide(dossier, command, actor, now);
      return {
        result,
        thenEvents(expected) {
          if (!result.ok) throw new Error(`expected events, got errors ${JSON.stringify(result.errors)}`);
          expect(result.events).toHaveLength(expected.length);
          result.events.forEach((event, index) => expect(event).toMatchObject(expected[index]));
          return [...history, ...result.events];
        },
        thenErrors(expected) {
          if (result.ok) throw new Error(`expected errors, got events ${JSON.stringify(result.events.map((e) => e.type))}`);
          expect(result.errors.map((e) => e.code).sort()).toEqual([...expected].sort());
        }
      };
    }
  };
}

/** One step of a scenario: who gives which command. */
export type Step = readonly [Actor, Command];

/** Runs steps that must all succeed; returns the events and the dossier. */
export function run(steps: readonly Step[], history: readonly DossierEvent[] = []): { events: DossierEvent[]; dossier: Dossier } {
  let events = [...history];
  for (const [actor, command] of steps) {
    const result = decide(replay(events), command, actor, at(events.length + 1));
    if (!result.ok) throw new Error(`${command.type} refused: ${JSON.stringify(result.errors)}`);
    events = [...events, ...result.events];
  }
  return { events, dossier: replay(events) as Dossier };
}

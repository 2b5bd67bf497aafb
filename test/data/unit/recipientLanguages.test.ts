/**
 * The recipient's language from Graph (`preferredLanguage`): English for `en…`, Dutch otherwise,
 * unknown (then Dutch) for no value or an address Graph does not know; a refusal is thrown, not guessed.
 */
import { GraphRecipientLanguages } from '../../../src/data/graph/recipientLanguages';
import type { GraphApi } from '../../../src/data/graph/notifier';
import { hasDataErrorCode } from '../../../src/data/errors';
import { graphUser } from '../../../src/local/server/graph-entities';
import type { Principal } from '../../../src/local/store/principals';

function graphAnswering(answer: (path: string) => unknown): { graph: GraphApi; paths: string[]; selects: string[] } {
  const paths: string[] = [];
  const selects: string[] = [];
  const graph = {
    api: (path: string) => {
      paths.push(path);
      const chain = {
        select: (fields: string) => {
          selects.push(fields);
          return chain;
        },
        get: async () => answer(path)
      };
      return chain;
    }
  } as unknown as GraphApi;
  return { graph, paths, selects };
}

const graphError = (statusCode: number): Error => Object.assign(new Error(`status ${statusCode}`), { statusCode, body: '{}' });

describe('GraphRecipientLanguages', () => {
  it('reads preferredLanguage of the user (only that property)', async () => {
    const { graph, paths, selects } = graphAnswering((path) => ({ preferredLanguage: path.includes('lotte') ? 'en-GB' : 'nl-BE' }));
    const languages = new GraphRecipientLanguages(graph);
    expect(await languages.preferredLanguageOf('lotte.wouters@vsa.local')).toBe('en');
    expect(await languages.preferredLanguageOf('an.peeters@vsa.local')).toBe('nl');
    expect(paths).toEqual(['/users/lotte.wouters%40vsa.local', '/users/an.peeters%40vsa.local']);
    expect(selects).toEqual(['preferredLanguage', 'preferredLanguage']);
    // Asked once per person for the life of the instance.
    expect(await languages.preferredLanguageOf('Lotte.Wouters@vsa.local')).toBe('en');
    expect(paths).toHaveLength(2);
  });

  it('knows no language for a user without one, or an address Graph does not know (404)', async () => {
    expect(await new GraphRecipientLanguages(graphAnswering(() => ({ preferredLanguage: null })).graph).preferredLanguageOf('x@vsa.local')).toBeUndefined();
    const missing = graphAnswering(() => Promise.reject(graphError(404))).graph;
    expect(await new GraphRecipientLanguages(missing).preferredLanguageOf('dpo-team@vsa.local')).toBeUndefined();
  });

  it('throws a refusal (no User.Read.All) as access denied instead of guessing', async () => {
    const refused = graphAnswering(() => Promise.reject(graphError(403))).graph;
    const languages = new GraphRecipientLanguages(refused);
    const error = await languages.preferredLanguageOf('an.peeters@vsa.local').catch((e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.accessDenied')).toBe(true);
    // A refusal is not remembered: the next reaction asks again.
    await expect(languages.preferredLanguageOf('an.peeters@vsa.local')).rejects.toMatchObject({ code: 'data.error.accessDenied' });
  });
});

describe('the local tenant\'s personas', () => {
  const principal = (email: string): Principal => ({ id: 1, kind: 'user', loginName: `i:0#.f|membership|${email}`, title: 'X Y', email, description: '', aadId: 'a', isSiteAdmin: false });

  it('give Graph a preferredLanguage: Lotte Wouters reads English, the others Dutch', () => {
    expect(graphUser(principal('lotte.wouters@vsa.local')).preferredLanguage).toBe('en-GB');
    expect(graphUser(principal('sofie.janssens@vsa.local')).preferredLanguage).toBe('nl-BE');
  });
});

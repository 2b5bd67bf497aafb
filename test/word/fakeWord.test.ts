import { FakeWord } from './fakes/fakeWord';
import { templateDocument } from './fakes/documents';

/** The fake must fail where office-js fails, or gateway tests would pass on broken code. */
describe('FakeWord behaves like office-js', () => {
  const doc = () => templateDocument('aanvraagformulier', [{ tag: 'project.titel', text: 'Wonen' }]);

  it('throws when a property is read before load + sync, and items before sync', async () => {
    const word = new FakeWord(doc());
    await word.run(async (context) => {
      const controls = context.document.body.contentControls;
      expect(() => controls.items).toThrow(/PropertyNotLoaded/);
      controls.load('tag');
      expect(() => controls.items).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(controls.items[1].tag).toBe('project.titel');
      expect(() => controls.items[1].text).toThrow(/PropertyNotLoaded/);
      const properties = context.document.properties.customProperties;
      properties.load('key');
      await context.sync();
      expect(properties.items.map((p) => p.key)).toEqual(['VsaFormType', 'VsaFormVersion']);
      expect(() => properties.items[0].value).toThrow(/PropertyNotLoaded/);
    });
  });

  it('applies writes only at sync, and Word.run syncs pending commands at the end', async () => {
    const word = new FakeWord(doc());
    await word.run(async (context) => {
      context.document.getSelection().insertComment('x');
      expect(word.document.comments).toHaveLength(0);
    });
    expect(word.document.comments).toHaveLength(1);
    expect(word.syncCount).toBe(1);
  });

  it('reports null objects only after sync and rejects comments without WordApi 1.4', async () => {
    const word = new FakeWord(doc(), { supported: { WordApi: '1.3' } });
    await word.run(async (context) => {
      const missing = context.document.body.contentControls.getByIdOrNullObject(5);
      expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(() => context.document.body.getComments()).toThrow(/ApiNotFound/);
    });
  });
});

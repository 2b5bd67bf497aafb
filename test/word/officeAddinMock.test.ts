import { OfficeMockObject } from 'office-addin-mock';
import { createWordGateway } from '../../src/word/office/wordGateway';

// office-addin-mock only needs the host enum from office-addin-manifest, whose main entry also loads
// ESM-only packages jest's CommonJS runtime cannot; the enum comes from its own CommonJS module.
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp'));

/**
 * office-addin-mock fakes `load`/`sync` of single objects (not collections), which fits the
 * selection path of the gateway: one comment proxy, one load, one sync.
 */
describe('Word gateway with office-addin-mock', () => {
  it('inserts a comment on the selection, loading its id before one sync', async () => {
    const inserted: string[] = [];
    let syncs = 0;
    const mock = new OfficeMockObject({
      context: {
        comment: { id: 'c42' },
        document: {
          getSelection: () => ({
            insertComment: (text: string) => {
              inserted.push(text);
              return mock.context.comment;
            }
          })
        }
      }
    }) as unknown as { context: { sync(): Promise<void>; comment: unknown } };
    const originalSync = mock.context.sync.bind(mock.context);
    mock.context.sync = async () => {
      syncs += 1;
      await originalSync();
    };
    const gateway = createWordGateway({
      run: (batch) => batch(mock.context as unknown as Word.RequestContext),
      requirements: { isSetSupported: () => true },
      documentUrl: () => ''
    });
    await expect(gateway.insertCommentOnSelection('Klopt dit? [VSA]')).resolves.toBe('c42');
    expect(inserted).toEqual(['Klopt dit? [VSA]']);
    expect(syncs).toBe(1);
  });
});

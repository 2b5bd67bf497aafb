import { mayMakePublicationVersion, mayUploadDocuments } from '../../src/domain/capabilities';
import { tableRefusals } from '../../src/domain/permissions';
import { actors } from './support/fixtures';

describe('capabilities derived from the workflow table', () => {
  it('the publication version is made by exactly those the table lets publish', () => {
    for (const actor of Object.values(actors)) {
      const mayPublish = !tableRefusals(undefined, 'publish', actor).some((error) => error.kind === 'forbidden');
      expect([actor.displayName, mayMakePublicationVersion(actor)]).toEqual([actor.displayName, mayPublish]);
    }
    expect(mayMakePublicationVersion(actors.team)).toBe(true);
    expect(mayMakePublicationVersion(actors.chief)).toBe(false);
    expect(mayMakePublicationVersion(undefined)).toBe(false);
  });

  it('documents are added by every VSA role and nobody else', () => {
    expect(mayUploadDocuments(actors.statistician)).toBe(true);
    expect(mayUploadDocuments(actors.outsider)).toBe(false);
    expect(mayUploadDocuments(undefined)).toBe(false);
  });
});

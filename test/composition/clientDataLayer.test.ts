/**
 * The register web part's data layer (`createClientDataLayer`): reads direct, every change through the
 * command service, none of the trusted writer's parts; the provisioning and the notes for the DPO are
 * loaded only when they are used, then work as the stores themselves.
 */
import type { SPFI } from '@pnp/sp';
import { createClientDataLayer, lazyLookups } from '../../src/composition/clientDataLayer';
import { RemoteCommandService } from '../../src/data/service/remoteCommandService';
import { RemoteDocumentLibrary } from '../../src/data/service/remoteDocumentLibrary';
import type { ServiceHttp } from '../../src/data/service/serviceHttp';

const loaded: string[] = [];
const constructedWith: unknown[] = [];

jest.mock('../../src/data/sharepoint/provisioning', () => {
  loaded.push('provisioning');
  return {
    Provisioner: class {
      public constructor(sp: unknown) {
        constructedWith.push(sp);
      }
      public async ensureAll(): Promise<{ created: string[] }> {
        return { created: ['Dossiers'] };
      }
    }
  };
});

jest.mock('../../src/data/sharepoint/restrictedNoteStore', () => {
  loaded.push('restrictedNoteStore');
  return {
    SharePointRestrictedNoteStore: class {
      public constructor(sp: unknown) {
        constructedWith.push(sp);
      }
      public async notesOf(reference: string): Promise<unknown[]> {
        return [{ noteId: 'dpo-note:1', dossierReference: reference, text: 'Vertrouwelijk', authorName: 'Els', writtenAt: '2026-02-01T10:00:00.000Z' }];
      }
    }
  };
});

const sp = { marker: 'sp' } as unknown as SPFI;
const service: ServiceHttp = { send: jest.fn() };

describe('client data layer (register web part)', () => {
  beforeEach(() => {
    loaded.length = 0;
    constructedWith.length = 0;
  });

  it('asks the command service for every change and reads directly', () => {
    const data = createClientDataLayer(sp, { service });
    expect(data.commands).toBeInstanceOf(RemoteCommandService);
    expect(data.documents).toBeInstanceOf(RemoteDocumentLibrary);
    expect(data.remoteDocuments).toBe(data.documents);
    expect(data.sp).toBe(sp);
    expect(Object.keys(data).filter((key) => ['findings', 'events', 'notifier', 'documentColumns'].includes(key))).toEqual([]);
  });

  it('loads the provisioning only when a site owner runs it, on the same SharePoint root', async () => {
    const data = createClientDataLayer(sp, { service });
    expect(loaded).toEqual([]);
    await expect(data.provisioner.ensureAll()).resolves.toEqual({ created: ['Dossiers'] });
    expect(loaded).toEqual(['provisioning']);
    expect(constructedWith).toEqual([sp]);
  });

  it('loads the notes for the DPO only when they are read, with the user’s SharePoint root', async () => {
    const data = createClientDataLayer(sp, { service });
    expect(loaded).toEqual([]);
    await expect(data.restrictedNotes.notesOf('VSA-2026-0001')).resolves.toEqual([expect.objectContaining({ dossierReference: 'VSA-2026-0001', text: 'Vertrouwelijk' })]);
    expect(loaded).toEqual(['restrictedNoteStore']);
    expect(constructedWith).toEqual([sp]);
  });
});

describe('lazyLookups (register web part, bundle budget)', () => {
  const fake = {
    nextReference: jest.fn(async (year: number) => `VSA-${year}-0042`),
    nextNumberFor: jest.fn(async () => 'PROT-2026-0007'),
    parentProtocol: jest.fn(async () => undefined),
    institutionAddresses: jest.fn(async () => ['dpo@example.be'])
  };

  it('loads the lookups on the first call only, then answers through them', async () => {
    const load = jest.fn(async () => fake);
    const lookups = lazyLookups(load);
    expect(load).not.toHaveBeenCalled();
    await expect(lookups.nextReference(2026)).resolves.toBe('VSA-2026-0042');
    await expect(lookups.nextNumberFor({} as never, 2026)).resolves.toBe('PROT-2026-0007');
    await expect(lookups.parentProtocol('PROT-2026-0001')).resolves.toBeUndefined();
    await expect(lookups.institutionAddresses({} as never)).resolves.toEqual(['dpo@example.be']);
    expect(load).toHaveBeenCalledTimes(1);
    expect(fake.parentProtocol).toHaveBeenCalledWith('PROT-2026-0001');
  });

  it('passes a failed load on and tries again at the next call', async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error('chunk failed')).mockResolvedValue(fake);
    const lookups = lazyLookups(load);
    await expect(lookups.nextReference(2026)).rejects.toThrow('chunk failed');
    await expect(lookups.nextReference(2026)).resolves.toBe('VSA-2026-0042');
    expect(load).toHaveBeenCalledTimes(2);
  });
});

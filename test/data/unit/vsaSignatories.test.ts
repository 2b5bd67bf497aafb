import { countersignatoriesOf } from '../../../src/composition/functions';
import { DossierLookups } from '../../../src/data/lookups';
import type { DossierStore } from '../../../src/data/ports';
import { cmd } from '../../domain/support/fixtures';

// The countersignature's facts need no store read: an object that fails every call proves it.
const noStore = new Proxy({}, { get: () => () => Promise.reject(new Error('no store read expected')) }) as unknown as DossierStore;

describe('the VSA signatories of a countersignature', () => {
  it('are the configured names, trimmed, as a decide fact of countersign only', async () => {
    const lookups = new DossierLookups(noStore, { vsaSignatories: [' Els Vermeulen ', '', 'Vera Vervanger'] });
    expect(await lookups.decideFacts(undefined, cmd.countersign())).toEqual({ vsaSignatories: ['Els Vermeulen', 'Vera Vervanger'] });
    expect(await lookups.decideFacts(undefined, cmd.publish())).toEqual({});
  });

  it('are absent without a setting: the domain then takes the Chief Statistician who countersigns', async () => {
    expect(await new DossierLookups(noStore).decideFacts(undefined, cmd.countersign())).toEqual({});
    expect(await new DossierLookups(noStore, { vsaSignatories: ['  '] }).decideFacts(undefined, cmd.countersign())).toEqual({});
  });

  it('read from the setting VSA_COUNTERSIGNATORIES, names separated by semicolons', () => {
    expect(countersignatoriesOf('Els Vermeulen; Vera Vervanger ;')).toEqual(['Els Vermeulen', 'Vera Vervanger']);
    expect(countersignatoriesOf(undefined)).toEqual([]);
    expect(countersignatoriesOf('  ')).toEqual([]);
  });
});

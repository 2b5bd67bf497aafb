import { DataError } from '../../../src/data/errors';
import { runProvisioning, type ProvisioningStrings } from '../../../src/webparts/dossierRegister/provisioningAction';
import { loadLocale } from '../../ui/support/strings';

const strings = loadLocale('nl-nl') as unknown as ProvisioningStrings;

describe('the property pane provisioning action', () => {
  it('reports how much it created', async () => {
    const status = await runProvisioning({ ensureAll: async () => ({ created: ['list Dossiers', 'group VSA DPO-team'] }) }, strings, 'nl');
    expect(status).toBe('Klaar: 2 onderdelen aangemaakt.');
  });

  it('says so when the site was already set up (idempotent re-run)', async () => {
    expect(await runProvisioning({ ensureAll: async () => ({ created: [] }) }, strings, 'nl')).toBe(strings.ProvisionNothingToDo);
  });

  it('turns a refusal into a status line instead of throwing', async () => {
    const refusal = new DataError('data.error.accessDenied', 'provisioning: ensure the groups: access denied', 403);
    const status = await runProvisioning({ ensureAll: async () => { throw refusal; } }, strings, 'nl');
    // Changed deliberately (issue #11): the English DataError message is no longer shown in Dutch screens.
    expect(status).toBe('Inrichten mislukt: U hebt hiervoor geen toegang.');
    expect(await runProvisioning({ ensureAll: async () => { throw refusal; } }, strings, 'en')).toBe('Inrichten mislukt: You have no access to this.');
  });
});

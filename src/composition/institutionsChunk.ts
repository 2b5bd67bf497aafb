/**
 * The institution register's code, in a chunk of its own (`lazyInstitutionRegister` in `clientDataLayer.ts`):
 * the domain's rules, the PnPjs adapter of `Instellingen` and the cached register.
 */
import type { SPFI } from '@pnp/sp';
import { InstitutionRegister } from '../app/institutions';
import { SharePointInstitutionStore } from '../data/sharepoint/institutionStore';

/** The register on the list `Instellingen` of this site. */
export function createInstitutionRegister(sp: SPFI): InstitutionRegister {
  return new InstitutionRegister(new SharePointInstitutionStore(sp));
}

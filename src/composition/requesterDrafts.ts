/**
 * Composition of the register's requester drafts (issue 16) on the site's PnPjs client: the ledger
 * reader over `Herinneringen` and the service around it. Loaded lazily (`register-drafts` chunk), so the
 * register list ships without it.
 */
import type { SPFI } from '@pnp/sp';
import { RequesterDraftService } from '../app/requesterDrafts';
import type { IsoDateTime } from '../domain/types';
import { SharePointRequesterDrafts } from '../data/sharepoint/requesterDrafts';

/** The drafts service on a site. */
export function composeRequesterDrafts(sp: SPFI, clock?: () => IsoDateTime): RequesterDraftService {
  return new RequesterDraftService(new SharePointRequesterDrafts(sp), clock);
}

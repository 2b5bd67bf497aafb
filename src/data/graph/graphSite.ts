import { DataError, toDataError } from '../errors';
import { graphSitePath, type GraphClientLike } from './graphClient';

/**
 * Resolves the Graph site id of the product's site once per composition root: every list URL needs it
 * (`/sites/{site-id}/lists/...`) and it never changes while the page lives.
 */
export class GraphSite {
  private siteIdPromise?: Promise<string>;

  public constructor(
    public readonly client: GraphClientLike,
    public readonly siteUrl: string
  ) {}

  /** The site id, e.g. `contoso.sharepoint.com,<guid>,<guid>`. */
  public siteId(): Promise<string> {
    if (!this.siteIdPromise) {
      this.siteIdPromise = this.resolve().catch((error: unknown) => {
        this.siteIdPromise = undefined; // a failed lookup may succeed on the next try
        throw error;
      });
    }
    return this.siteIdPromise;
  }

  private async resolve(): Promise<string> {
    let site: { id?: unknown };
    try {
      site = (await this.client.api(graphSitePath(this.siteUrl)).select('id').get()) as { id?: unknown };
    } catch (error) {
      throw toDataError(error, 'resolve the site');
    }
    if (typeof site?.id !== 'string' || site.id.length === 0) throw new DataError('data.error.corrupt', 'The site has no Graph id.');
    return site.id;
  }
}

import type { StateId } from '../../domain/types';
import { toDataError } from '../errors';
import type { RegisterRow } from '../ports';
import { DossierColumn, LIST_DOSSIERS, indexedColumns } from '../schema';
import { registerRowFromItem } from '../sharepoint/itemMapping';
import { REGISTER_SELECT } from '../sharepoint/registerQuery';
import type { GraphApi } from './notifier';

interface GraphListItem {
  readonly id: string;
  readonly fields?: Record<string, unknown>;
}

interface GraphPage {
  readonly value?: GraphListItem[];
  readonly '@odata.nextLink'?: string;
}

/**
 * Reads register rows through Microsoft Graph (`/sites/{id}/lists/{list}/items?expand=fields`), for
 * hosts that have a Graph client but no SharePoint context (the Teams tab's queue). Filters only on an
 * indexed column, so no `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` is needed.
 */
export class GraphRegisterReader {
  private siteId?: string;

  /** `hostname`: e.g. `contoso.sharepoint.com`; `sitePath`: e.g. `/sites/microdata`. */
  public constructor(private readonly graph: GraphApi, private readonly hostname: string, private readonly sitePath: string) {}

  private async site(): Promise<string> {
    if (!this.siteId) {
      const site = (await this.graph.api(`/sites/${this.hostname}:${this.sitePath}`).select('id').get()) as { id: string };
      this.siteId = site.id;
    }
    return this.siteId;
  }

  /** Every dossier in a state (e.g. `awaitingDecision`), following `@odata.nextLink`. */
  public async rowsInState(state: StateId): Promise<RegisterRow[]> {
    if (!indexedColumns(LIST_DOSSIERS).has(DossierColumn.State)) throw new Error('DossierState must be indexed');
    try {
      const siteId = await this.site();
      const select = REGISTER_SELECT.filter((c) => c !== 'Id').join(',');
      let page = (await this.graph
        .api(`/sites/${siteId}/lists/${LIST_DOSSIERS}/items`)
        .expand(`fields(select=${select})`)
        .filter(`fields/${DossierColumn.State} eq '${state}'`)
        .top(200)
        .get()) as GraphPage;
      const rows: RegisterRow[] = [];
      for (;;) {
        rows.push(...(page.value ?? []).map((item) => registerRowFromItem({ ...(item.fields ?? {}), Id: Number(item.id) })));
        const next = page['@odata.nextLink'];
        if (!next) break;
        page = (await this.graph.api(next).get()) as GraphPage;
      }
      return rows;
    } catch (error) {
      throw toDataError(error, `read dossiers in state ${state} through Graph`);
    }
  }
}

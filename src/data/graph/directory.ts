import { DataError, toDataError } from '../errors';
import type { GraphApi } from './notifier';

/** The signed-in user as Graph knows them. */
export interface GraphMe {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
}

/** Reads `/me` through Graph (the Teams tab and the task pane know the user this way). */
export async function readGraphMe(graph: GraphApi): Promise<GraphMe> {
  try {
    const me = (await graph.api('/me').select('id,displayName,mail,userPrincipalName').get()) as Record<string, unknown>;
    const mail = String(me.mail ?? me.userPrincipalName ?? '').toLowerCase();
    if (!mail) throw new DataError('data.error.corrupt', 'Graph /me has no mail or userPrincipalName.');
    return { id: String(me.id ?? ''), displayName: String(me.displayName ?? mail), mail };
  } catch (error) {
    throw toDataError(error, 'read /me');
  }
}

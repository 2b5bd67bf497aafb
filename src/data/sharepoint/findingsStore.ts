/**
 * The `Bevindingen` list on PnPjs: one item per finding of a dossier, the projection of
 * `Dossier.findings` the command service writes after each transition (`findingsProjection`), read
 * by SharePoint views and reports. The event log stays the truth: the projection only ever makes the
 * items match the dossier's findings, so a lost, duplicated or hand-edited item is put right on the
 * next run.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { DocumentKind } from '../../domain/types';
import type { DossierFinding, FindingAudience, FindingOrigin, FindingSeverity, FindingStatus } from '../../domain/findings';
import { toDataError } from '../errors';
import { odataString } from '../odata';
import type { FindingItem, FindingItemChange, FindingsProjectionReport, FindingsStore } from '../ports';
import { FindingColumn, LIST_FINDINGS } from '../schemaNames';
import { readAllPages } from './dossierStore';

type Fields = Record<string, unknown>;

/** SharePoint's limit of a single line of text (`Title`). */
const TITLE_MAX = 255;

/** FNV-1a of a string, 8 hex digits: the tail that keeps a shortened id unique. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * The item title of a finding id: the id itself, or for an id longer than a title may be (an automatic
 * id naming a long offending value) its start plus a hash of the whole, so two long ids never meet.
 */
export function findingItemTitle(id: string): string {
  return id.length <= TITLE_MAX ? id : `${id.slice(0, TITLE_MAX - 9)}~${fnv1a(id)}`;
}

const SELECT = ['Id', ...Object.values(FindingColumn)];

/** The list's columns of a finding (the history with display names only). */
export function findingItemFields(reference: string, finding: DossierFinding): Fields {
  const history: FindingItemChange[] = finding.history.map((change) => ({
    status: change.status,
    at: change.at,
    by: change.by.displayName,
    ...(change.version !== undefined ? { version: change.version } : {}),
    ...(change.reason !== undefined ? { reason: change.reason } : {}),
    ...(change.automatic ? { automatic: true } : {})
  }));
  return {
    [FindingColumn.FindingId]: findingItemTitle(finding.id),
    [FindingColumn.DossierReference]: reference,
    [FindingColumn.DocumentKind]: finding.documentKind,
    [FindingColumn.FieldId]: finding.fieldId ?? null,
    [FindingColumn.RowIndex]: finding.rowIndex ?? null,
    [FindingColumn.Origin]: finding.origin,
    [FindingColumn.CheckId]: finding.checkId ?? null,
    [FindingColumn.AuthorName]: finding.author.displayName,
    [FindingColumn.Text]: finding.text,
    [FindingColumn.Audience]: finding.audience,
    [FindingColumn.Severity]: finding.severity,
    [FindingColumn.FirstSeenVersion]: finding.firstSeenVersion,
    [FindingColumn.LastSeenVersion]: finding.lastSeenVersion,
    [FindingColumn.Status]: finding.status,
    [FindingColumn.WaivedReason]: finding.waivedReason ?? null,
    [FindingColumn.History]: JSON.stringify(history),
    [FindingColumn.Revision]: finding.revision
  };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const number = (value: unknown): number | undefined => (value === null || value === undefined || value === '' ? undefined : Number(value));

function historyOf(value: unknown): FindingItemChange[] {
  if (typeof value !== 'string' || value === '') return [];
  try {
    const parsed = JSON.parse(value) as unknown;
    return Array.isArray(parsed) ? (parsed as FindingItemChange[]) : [];
  } catch {
    // A hand-edited history is not the truth (the event log is); the next projection rewrites it.
    return [];
  }
}

/** An item as a finding of the list. */
export function findingItemOf(item: Fields): FindingItem {
  const fieldId = text(item[FindingColumn.FieldId]);
  const rowIndex = number(item[FindingColumn.RowIndex]);
  const checkId = text(item[FindingColumn.CheckId]);
  const waivedReason = text(item[FindingColumn.WaivedReason]);
  return {
    id: String(item[FindingColumn.FindingId] ?? ''),
    dossierReference: String(item[FindingColumn.DossierReference] ?? ''),
    documentKind: item[FindingColumn.DocumentKind] as DocumentKind,
    ...(fieldId ? { fieldId } : {}),
    ...(rowIndex !== undefined ? { rowIndex } : {}),
    origin: item[FindingColumn.Origin] as FindingOrigin,
    ...(checkId ? { checkId } : {}),
    authorName: String(item[FindingColumn.AuthorName] ?? ''),
    text: String(item[FindingColumn.Text] ?? ''),
    audience: item[FindingColumn.Audience] as FindingAudience,
    severity: item[FindingColumn.Severity] as FindingSeverity,
    firstSeenVersion: String(item[FindingColumn.FirstSeenVersion] ?? ''),
    lastSeenVersion: String(item[FindingColumn.LastSeenVersion] ?? ''),
    status: item[FindingColumn.Status] as FindingStatus,
    ...(waivedReason ? { waivedReason } : {}),
    history: historyOf(item[FindingColumn.History]),
    revision: number(item[FindingColumn.Revision]) ?? 0
  };
}

/** Does the stored item already hold these columns? (Empty and null compare equal, numbers as numbers.) */
function sameColumns(item: Fields, fields: Fields): boolean {
  return Object.entries(fields).every(([column, value]) => {
    const stored = item[column];
    if (value === null) return stored === null || stored === undefined || stored === '';
    if (typeof value === 'number') return Number(stored) === value;
    return stored === value;
  });
}

/** `FindingsStore` on PnPjs: the `Bevindingen` list, filtered on its indexed dossier column. */
export class SharePointFindingsStore implements FindingsStore {
  public constructor(private readonly sp: SPFI) {}

  private list(): ReturnType<SPFI['web']['lists']['getByTitle']> {
    return this.sp.web.lists.getByTitle(LIST_FINDINGS);
  }

  private async items(reference: string): Promise<Fields[]> {
    return readAllPages(
      this.list()
        .items.select(...SELECT)
        .filter(`${FindingColumn.DossierReference} eq ${odataString(reference)}`)
        .orderBy('Id', true)
        .top(5000)
    );
  }

  public async findingsOf(reference: string): Promise<FindingItem[]> {
    try {
      return (await this.items(reference)).map(findingItemOf);
    } catch (error) {
      throw toDataError(error, `read the findings of ${reference}`);
    }
  }

  public async project(reference: string, findings: readonly DossierFinding[]): Promise<FindingsProjectionReport> {
    const what = `write the findings of ${reference}`;
    try {
      const byTitle = new Map<string, Fields[]>();
      for (const item of await this.items(reference)) {
        const title = String(item[FindingColumn.FindingId] ?? '');
        byTitle.set(title, [...(byTitle.get(title) ?? []), item]);
      }
      let created = 0;
      let updated = 0;
      let removed = 0;
      for (const finding of findings) {
        const fields = findingItemFields(reference, finding);
        const [first, ...duplicates] = byTitle.get(String(fields[FindingColumn.FindingId])) ?? [];
        if (!first) {
          await this.list().items.add(fields);
          created++;
        } else if (!sameColumns(first, fields) && Number(first[FindingColumn.Revision] ?? 0) <= finding.revision) {
          // An item of a later revision (a concurrent, newer transition wrote it) is never set back.
          await this.list().items.getById(Number(first.Id)).update(fields);
          updated++;
        }
        for (const duplicate of duplicates) {
          await this.list().items.getById(Number(duplicate.Id)).delete();
          removed++;
        }
      }
      return { created, updated, removed };
    } catch (error) {
      throw toDataError(error, what);
    }
  }
}

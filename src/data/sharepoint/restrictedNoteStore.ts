/**
 * `RestrictedNoteStore` on the list `Notities DPO` (unique permissions: the DPO and Chief Statistician
 * groups read, the DPO team and the statisticians hold no level; the command service's app identity
 * writes). Reads run with the caller's identity, so the refusal is SharePoint's, not the UI's.
 */
import type { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { toDataError } from '../errors';
import { isoOrUndefined, odataString } from '../odata';
import type { ODataPage } from '../odata';
import type { RestrictedNote, RestrictedNoteStore } from '../ports';
import { LIST_RESTRICTED_NOTES, RestrictedNoteColumn } from '../schemaNames';
import { PageParse } from './parsers';

type Fields = Record<string, unknown>;

/** More notes than one dossier ever holds. */
const MAX_NOTES = 500;

const SELECT = ['Id', ...Object.values(RestrictedNoteColumn)];

function noteOf(item: Fields): RestrictedNote {
  return {
    noteId: String(item[RestrictedNoteColumn.NoteId] ?? ''),
    dossierReference: String(item[RestrictedNoteColumn.DossierReference] ?? ''),
    text: String(item[RestrictedNoteColumn.Text] ?? ''),
    authorName: String(item[RestrictedNoteColumn.AuthorName] ?? ''),
    writtenAt: isoOrUndefined(item[RestrictedNoteColumn.WrittenAt]) ?? ''
  };
}

export class SharePointRestrictedNoteStore implements RestrictedNoteStore {
  public constructor(private readonly sp: SPFI) {}

  private items(): ReturnType<ReturnType<SPFI['web']['lists']['getByTitle']>['items']['select']> {
    return this.sp.web.lists.getByTitle(LIST_RESTRICTED_NOTES).items.select(...SELECT);
  }

  private async query(filter: string): Promise<Fields[]> {
    return ((await this.items().filter(filter).top(MAX_NOTES).using(PageParse())()) as unknown as ODataPage<Fields>).rows;
  }

  public async write(note: RestrictedNote): Promise<void> {
    try {
      const existing = await this.query(`${RestrictedNoteColumn.NoteId} eq ${odataString(note.noteId)}`);
      if (existing.length > 0) return;
      await this.sp.web.lists.getByTitle(LIST_RESTRICTED_NOTES).items.add({
        [RestrictedNoteColumn.NoteId]: note.noteId,
        [RestrictedNoteColumn.DossierReference]: note.dossierReference,
        [RestrictedNoteColumn.Text]: note.text,
        [RestrictedNoteColumn.AuthorName]: note.authorName,
        [RestrictedNoteColumn.WrittenAt]: note.writtenAt
      });
    } catch (error) {
      throw toDataError(error, 'write the note for the DPO');
    }
  }

  public async notesOf(dossierReference: string): Promise<RestrictedNote[]> {
    try {
      const rows = await this.query(`${RestrictedNoteColumn.DossierReference} eq ${odataString(dossierReference)}`);
      return rows.map(noteOf).sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
    } catch (error) {
      throw toDataError(error, 'read the notes for the DPO');
    }
  }
}

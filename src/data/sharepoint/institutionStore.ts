/**
 * The institution register on SharePoint: the list `Instellingen` (one item per institution, `Title` =
 * its name), signatories and mandates as JSON in note columns, versioning on so the item versions are
 * the history. Written directly by the DPO team (reference data, like the codebooks), each update with
 * `If-Match` on the ETag the screen read: a change made in between is never overwritten, the writer
 * gets `data.error.conflict` naming who changed it.
 */
import type { SPFI } from '@pnp/sp';
import { body } from '@pnp/queryable';
import { spPost } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import type { AuthorisedSignatory, Institution, InstitutionKind, InstitutionMandate } from '../../domain/institutions';
import { INSTITUTION_KINDS, AUTHORISED_CAPACITIES, formatEnterpriseNumber, normalizeEnterpriseNumber } from '../../domain/institutionRules';
import { DataError, httpStatusOf, toDataError } from '../errors';
import { etagOf, isoOrUndefined } from '../odata';
import type { InstitutionStore, InstitutionVersion } from '../ports';
import { InstitutionColumn, LIST_INSTITUTIONS } from '../schemaNames';
import { EntityWithEtagParse, EtagHeaderParse, PageParse } from './parsers';
import type { EntityWithEtag, ODataPage } from './parsers';

type Fields = Record<string, unknown>;

/** Far more institutions than the VSA deals with: the register is read in one page. */
const MAX_INSTITUTIONS = 5000;

const COLUMNS = Object.values(InstitutionColumn).filter((column) => column !== 'Title');
const SELECT = ['Id', 'Title', ...COLUMNS, 'Modified', 'Editor/Title'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const optionalDate = (value: unknown): { validTo?: string } => (typeof value === 'string' && value !== '' ? { validTo: value } : {});

/** A JSON note column as an array, or `data.error.corrupt` naming the item (never the content). */
function jsonArray(raw: unknown, column: string, id: string): unknown[] {
  if (raw === null || raw === undefined || raw === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(String(raw)) as unknown;
  } catch {
    throw new DataError('data.error.corrupt', `The column ${column} of institution item ${id} is not JSON.`, undefined, { itemIds: id });
  }
  if (!Array.isArray(parsed) || !parsed.every(isRecord)) {
    throw new DataError('data.error.corrupt', `The column ${column} of institution item ${id} is not a JSON array of objects.`, undefined, { itemIds: id });
  }
  return parsed;
}

function signatoriesOf(raw: unknown, id: string): AuthorisedSignatory[] {
  return jsonArray(raw, InstitutionColumn.Signatories, id).map((entry) => {
    const item = entry as Fields;
    if (!AUTHORISED_CAPACITIES.includes(item.capacity as AuthorisedSignatory['capacity'])) {
      throw new DataError('data.error.corrupt', `A signatory of institution item ${id} has an unknown capacity.`, undefined, { itemIds: id });
    }
    return { name: text(item.name), capacity: item.capacity as AuthorisedSignatory['capacity'], validFrom: text(item.validFrom), ...optionalDate(item.validTo) };
  });
}

function mandatesOf(raw: unknown, id: string): InstitutionMandate[] {
  return jsonArray(raw, InstitutionColumn.Mandates, id).map((entry) => {
    const item = entry as Fields;
    const document = text(item.documentFileName);
    return {
      mandatedPerson: text(item.mandatedPerson),
      ...(document !== '' ? { documentFileName: document } : {}),
      scope: text(item.scope),
      validFrom: text(item.validFrom),
      ...optionalDate(item.validTo)
    };
  });
}

/** The display name in an expanded `Editor` (`{ Title }`) or a version's lookup value (`{ LookupValue }`). */
function editorName(raw: unknown): string | undefined {
  if (!isRecord(raw)) return undefined;
  const name = raw.Title ?? raw.LookupValue;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** An item (or an item version) as an institution. */
export function institutionOfItem(item: Fields, id: string, etag?: string): Institution {
  const kind = String(item[InstitutionColumn.Kind] ?? '');
  if (!INSTITUTION_KINDS.includes(kind as InstitutionKind)) {
    throw new DataError('data.error.corrupt', `Institution item ${id} has an unknown kind.`, undefined, { itemIds: id });
  }
  const dpoName = text(item[InstitutionColumn.DpoName]);
  const dpoEmail = text(item[InstitutionColumn.DpoEmail]);
  const modified = isoOrUndefined(item.Modified);
  const modifiedBy = editorName(item.Editor);
  return {
    id,
    name: text(item.Title),
    enterpriseNumber: text(item[InstitutionColumn.EnterpriseNumber]),
    kind: kind as InstitutionKind,
    signatories: signatoriesOf(item[InstitutionColumn.Signatories], id),
    mandates: mandatesOf(item[InstitutionColumn.Mandates], id),
    ...(dpoName !== '' || dpoEmail !== '' ? { dpo: { name: dpoName, email: dpoEmail } } : {}),
    ...(modified ? { modified } : {}),
    ...(modifiedBy ? { modifiedBy } : {}),
    ...(etag ? { revision: etag } : {})
  };
}

/** The item's fields of an institution (the number stored as 10 digits). */
export function itemFieldsOf(institution: Institution): Fields {
  return {
    Title: institution.name.trim(),
    [InstitutionColumn.EnterpriseNumber]: normalizeEnterpriseNumber(institution.enterpriseNumber),
    [InstitutionColumn.Kind]: institution.kind,
    [InstitutionColumn.Signatories]: JSON.stringify(institution.signatories),
    [InstitutionColumn.Mandates]: JSON.stringify(institution.mandates),
    [InstitutionColumn.DpoName]: institution.dpo?.name ?? null,
    [InstitutionColumn.DpoEmail]: institution.dpo?.email ?? null
  };
}

const byName = (a: Institution, b: Institution): number => a.name.localeCompare(b.name, 'nl');

/** `InstitutionStore` on PnPjs: the `Instellingen` list and its item versions. */
export class SharePointInstitutionStore implements InstitutionStore {
  public constructor(private readonly sp: SPFI) {}

  private items(): ReturnType<SPFI['web']['lists']['getByTitle']>['items'] {
    return this.sp.web.lists.getByTitle(LIST_INSTITUTIONS).items;
  }

  /**
   * Every institution by name. A site provisioned before the register existed has no list yet (404):
   * it holds no institutions, and step 1 flags every institution until provisioning adds it.
   */
  public async list(): Promise<Institution[]> {
    try {
      const page = (await this.items().select(...SELECT).expand('Editor').top(MAX_INSTITUTIONS).using(PageParse())()) as unknown as ODataPage<Fields>;
      return page.rows.map((row) => institutionOfItem(row, String(row.Id ?? row.ID), etagOf(row))).sort(byName);
    } catch (error) {
      if (httpStatusOf(error) === 404) return [];
      throw toDataError(error, 'list the institutions');
    }
  }

  public async get(id: string): Promise<Institution | undefined> {
    try {
      const read = (await this.items().getById(Number(id)).select(...SELECT).expand('Editor').using(EntityWithEtagParse())()) as unknown as EntityWithEtag;
      return institutionOfItem(read.entity, id, read.etag);
    } catch (error) {
      if (httpStatusOf(error) === 404) return undefined;
      throw toDataError(error, `read institution ${id}`);
    }
  }

  public async save(institution: Institution): Promise<Institution> {
    const fields = itemFieldsOf(institution);
    const what = institution.id === '' ? 'add an institution' : `update institution ${institution.id}`;
    try {
      if (institution.id === '') {
        const created = (await spPost(this.items().using(EntityWithEtagParse()), body(fields))) as EntityWithEtag;
        const id = String(created.entity.Id ?? created.entity.ID);
        return (await this.get(id)) ?? institutionOfItem(created.entity, id, created.etag);
      }
      const item = this.items().getById(Number(institution.id));
      await spPost(item.using(EtagHeaderParse()), body(fields, { headers: { 'IF-Match': institution.revision ?? '*', 'X-HTTP-Method': 'MERGE' } }));
      const stored = await this.get(institution.id);
      if (!stored) throw this.gone(institution);
      return stored;
    } catch (error) {
      throw await this.saveFailure(error, institution, what);
    }
  }

  /** A failed save in the register's own words: who changed it in between, a number already there, gone. */
  private async saveFailure(error: unknown, institution: Institution, what: string): Promise<DataError> {
    const status = httpStatusOf(error);
    if (status === 412) {
      const current = await this.get(institution.id).catch(() => undefined);
      if (!current) return this.gone(institution);
      return new DataError('data.error.conflict', `${what}: changed by someone else since it was read (412).`, 412, {
        serviceCode: 'institution.error.conflict',
        params: { name: current.name, by: current.modifiedBy ?? '?' }
      });
    }
    if (status === 404 && institution.id !== '') return this.gone(institution);
    // A unique column refused the value: the enterprise number is already in the register.
    if (status === 409 || /SPDuplicateValuesFoundException|duplicate values/i.test(error instanceof Error ? error.message : '')) {
      return new DataError('data.error.invalidInput', `${what}: the enterprise number is already in the register.`, status, {
        serviceCode: 'institution.error.enterpriseNumberTaken',
        params: { number: formatEnterpriseNumber(institution.enterpriseNumber) }
      });
    }
    return toDataError(error, what);
  }

  private gone(institution: Institution): DataError {
    return new DataError('data.error.notFound', `Institution ${institution.id} no longer exists.`, 404, { serviceCode: 'institution.error.notFound', params: {} });
  }

  /** The item's versions, newest first, each as the institution it was then. */
  public async history(id: string): Promise<InstitutionVersion[]> {
    try {
      const versions = (await this.items().getById(Number(id)).versions.using(PageParse())()) as unknown as ODataPage<Fields>;
      return versions.rows.map((version) => {
        const label = String(version.VersionLabel ?? '');
        const institution = institutionOfItem(version, id);
        const modified = isoOrUndefined(version.Created) ?? isoOrUndefined(version.Modified) ?? '';
        const modifiedBy = editorName(version.Editor);
        return { label, modified, ...(modifiedBy ? { modifiedBy } : {}), current: version.IsCurrentVersion === true, institution };
      });
    } catch (error) {
      throw toDataError(error, `read the history of institution ${id}`);
    }
  }
}

import type { SPFI } from '@pnp/sp';
import { body } from '@pnp/queryable';
import { spPost } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import '@pnp/sp/views';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/security';
import { toDataError } from '../errors';
import { odataString } from '../odata';
import '@pnp/sp/items';
import { GROUPS, LISTS, LIST_PROCEDURE_SETTINGS, NO_ACCESS, ProcedureSettingColumn, groupLevelOn } from '../schema';
import { settingItemsOf } from '../settings/procedureSettingSeed';
import type { ColumnSpec, ListSpec } from '../schema';

type Fields = Record<string, unknown>;

/** What one provisioning run changed; an empty report means the site was already complete. */
export interface ProvisioningReport {
  readonly created: string[];
}

function xmlAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const typeNames: Readonly<Record<number, string>> = { 2: 'Text', 3: 'Note', 4: 'DateTime', 6: 'Choice', 8: 'Boolean', 9: 'Number' };

/** The `SchemaXml` of a column, so the internal name is ours (a plain POST derives it from the title). */
export function fieldSchemaXml(column: ColumnSpec): string {
  const attributes = [
    `Type="${typeNames[column.kind]}"`,
    `Name="${xmlAttr(column.internalName)}"`,
    `StaticName="${xmlAttr(column.internalName)}"`,
    `DisplayName="${xmlAttr(column.title)}"`,
    `Required="${column.required ? 'TRUE' : 'FALSE'}"`,
    `Indexed="${column.indexed ? 'TRUE' : 'FALSE'}"`,
    column.unique ? 'EnforceUniqueValues="TRUE"' : '',
    column.kind === 3 ? 'NumLines="6" RichText="FALSE" UnlimitedLengthInDocumentLibrary="TRUE"' : '',
    column.kind === 4 ? 'Format="DateTime"' : ''
  ].filter((attribute) => attribute.length > 0);
  const choices = column.choices ? `<CHOICES>${column.choices.map((choice) => `<CHOICE>${xmlAttr(choice)}</CHOICE>`).join('')}</CHOICES>` : '';
  return `<Field ${attributes.join(' ')}>${choices}</Field>`;
}

/**
 * Idempotent provisioning of the product's site: groups, lists, columns (indexed where the register
 * filters), unique permissions per list and views. Safe to run again: it only adds what is missing.
 * Needs a site owner.
 */
export class Provisioner {
  private created: string[] = [];

  public constructor(private readonly sp: SPFI) {}

  public async ensureAll(): Promise<ProvisioningReport> {
    this.created = [];
    const groupIds = await this.step('ensure the groups', () => this.ensureGroups());
    for (const spec of LISTS) {
      await this.step(`ensure list ${spec.title}`, () => this.ensureList(spec));
      await this.step(`ensure the columns of ${spec.title}`, () => this.ensureColumns(spec));
      await this.step(`ensure the permissions of ${spec.title}`, () => this.ensurePermissions(spec, groupIds));
      await this.step(`ensure the views of ${spec.title}`, () => this.ensureViews(spec));
    }
    await this.step('seed the procedure settings', () => this.seedProcedureSettings());
    return { created: [...this.created] };
  }

  private async step<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toDataError(error, `provisioning: ${what}`);
    }
  }

  /** Creates missing groups; returns every group's principal id by title. */
  private async ensureGroups(): Promise<Map<string, number>> {
    const existing = (await this.sp.web.siteGroups.select('Id', 'Title')()) as unknown as Fields[];
    const ids = new Map(existing.map((group) => [String(group.Title), Number(group.Id)]));
    for (const group of GROUPS) {
      if (ids.has(group.title)) continue;
      const created = (await this.sp.web.siteGroups.add({ Title: group.title, Description: group.description })) as unknown as Fields;
      ids.set(group.title, Number(created.Id));
      this.created.push(`group ${group.title}`);
    }
    return ids;
  }

  private async ensureList(spec: ListSpec): Promise<void> {
    // Ask the server for the one list (SharePoint and the local tenant honour $filter on lists).
    const lists = (await this.sp.web.lists.select('Title', 'EnableVersioning').filter(`Title eq ${odataString(spec.title)}`)()) as unknown as Fields[];
    const existing = lists.find((list) => list.Title === spec.title);
    if (existing) {
      // A list provisioned before its history was kept gets versioning now (only an explicit `false` is changed).
      if (spec.versioning && existing.EnableVersioning === false) {
        await spPost(this.sp.web.lists.getByTitle(spec.title), body({ EnableVersioning: true }, { headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' } }));
        this.created.push(`versioning ${spec.title}`);
      }
      return;
    }
    await spPost(
      this.sp.web.lists,
      body({
        Title: spec.title, Description: spec.description, BaseTemplate: spec.baseTemplate, AllowContentTypes: true, ContentTypesEnabled: false,
        ...(spec.versioning ? { EnableVersioning: true } : {})
      })
    );
    this.created.push(`list ${spec.title}`);
  }

  private async ensureColumns(spec: ListSpec): Promise<void> {
    const list = this.sp.web.lists.getByTitle(spec.title);
    const fields = (await list.fields.select('InternalName', 'Indexed')()) as unknown as Fields[];
    const byName = new Map(fields.map((field) => [String(field.InternalName), field]));
    for (const column of spec.columns) {
      if (byName.has(column.internalName)) continue;
      await list.fields.createFieldAsXml(fieldSchemaXml(column));
      this.created.push(`column ${spec.title}.${column.internalName}`);
    }
    const wantUnique = [...(spec.builtInUnique ?? []), ...spec.columns.filter((c) => c.unique).map((c) => c.internalName)];
    const wantIndexed = [...new Set([...spec.builtInIndexed, ...spec.columns.filter((c) => c.indexed).map((c) => c.internalName), ...wantUnique])];
    const after = (await list.fields.select('InternalName', 'Indexed', 'EnforceUniqueValues')()) as unknown as Fields[];
    const indexedNow = new Set(after.filter((field) => field.Indexed === true).map((field) => String(field.InternalName)));
    for (const name of wantIndexed) {
      if (indexedNow.has(name)) continue;
      await spPost(list.fields.getByInternalNameOrTitle(name), body({ Indexed: true }, { headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' } }));
      this.created.push(`index ${spec.title}.${name}`);
    }
    // Columns created before they were unique (or built-in ones) get it by a MERGE, after the index
    // SharePoint requires. Only an explicit `false` is changed: a server that does not report the
    // property cannot be checked, and a MERGE on every run would make provisioning report changes forever.
    const uniqueOff = new Set(after.filter((field) => field.EnforceUniqueValues === false).map((field) => String(field.InternalName)));
    for (const name of wantUnique) {
      if (!uniqueOff.has(name)) continue;
      await spPost(list.fields.getByInternalNameOrTitle(name), body({ EnforceUniqueValues: true }, { headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' } }));
      this.created.push(`unique ${spec.title}.${name}`);
    }
    await this.ensureChoices(spec);
  }

  /**
   * A choice column created before a value existed (the state `closed`, the phase `closeOut`, the kind
   * `destructionStatement` of issue 16) gets the missing values appended by a MERGE; the values it holds
   * stay, in their order. Only a column that reports its choices is changed (a server that does not report
   * them cannot be checked, and a MERGE on every run would make provisioning report changes forever).
   */
  private async ensureChoices(spec: ListSpec): Promise<void> {
    const list = this.sp.web.lists.getByTitle(spec.title);
    for (const column of spec.columns) {
      if (!column.choices) continue;
      // Per field: `Choices` is a property of SP.FieldChoice, not of every field of the collection.
      const field = list.fields.getByInternalNameOrTitle(column.internalName);
      const reported = ((await field.select('Choices')()) as unknown as Fields).Choices;
      const current: unknown[] | undefined = Array.isArray(reported) ? reported : Array.isArray((reported as { results?: unknown } | undefined)?.results) ? (reported as { results: unknown[] }).results : undefined;
      if (!current) continue;
      const missing = column.choices.filter((choice) => !current.includes(choice));
      if (missing.length === 0) continue;
      await spPost(field, body({ Choices: [...current.map(String), ...missing] }, { headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': '*' } }));
      this.created.push(`choices ${spec.title}.${column.internalName}`);
    }
  }

  /**
   * Unique permissions on the list; each VSA group gets exactly its level there (`groupLevelOn`: Read,
   * `GROUP_LIST_LEVEL`, unless the list says otherwise, as the codebooks do for their maintainers): a
   * group that holds another level from an older run (Contribute, the former add-only level) loses it.
   * A group whose level is `NO_ACCESS` (the DPO team and the statisticians on `Notities DPO`) keeps
   * none: SharePoint refuses its members' reads of that list.
   */
  private async ensurePermissions(spec: ListSpec, groupIds: ReadonlyMap<string, number>): Promise<void> {
    const list = this.sp.web.lists.getByTitle(spec.title);
    const info = (await list.select('HasUniqueRoleAssignments')()) as unknown as Fields;
    if (info.HasUniqueRoleAssignments !== true) {
      await list.breakRoleInheritance(false, true);
      this.created.push(`unique permissions ${spec.title}`);
    }
    const assignments = (await list.roleAssignments.expand('RoleDefinitionBindings')()) as unknown as Fields[];
    const bindingsOf = (principalId: number): number[] => {
      const assignment = assignments.find((a) => Number(a.PrincipalId) === principalId);
      const raw = assignment?.RoleDefinitionBindings as Fields[] | { results?: Fields[] } | undefined;
      const list = Array.isArray(raw) ? raw : (raw?.results ?? []);
      return list.map((binding) => Number(binding.Id));
    };
    for (const group of GROUPS) {
      const principalId = groupIds.get(group.title);
      if (principalId === undefined) continue;
      const wanted = groupLevelOn(spec, group.role);
      const bindings = bindingsOf(principalId);
      if (wanted !== NO_ACCESS && !bindings.includes(wanted)) {
        await list.roleAssignments.add(principalId, wanted);
        this.created.push(`permission ${group.title} on ${spec.title}`);
      }
      for (const other of bindings.filter((id) => id !== wanted)) {
        await list.roleAssignments.remove(principalId, other);
        this.created.push(`removed level ${other} of ${group.title} on ${spec.title}`);
      }
    }
  }

  /**
   * Adds the default of every setting the list `Instellingen van de procedure` lacks (by key); never
   * changes a row that exists, so the DPO team's values survive every provisioning run.
   */
  private async seedProcedureSettings(): Promise<void> {
    const items = this.sp.web.lists.getByTitle(LIST_PROCEDURE_SETTINGS).items;
    const existing = (await items.select('Title').top(500)()) as unknown as Fields[];
    const keys = new Set(existing.map((item) => String(item.Title)));
    for (const item of settingItemsOf()) {
      const key = String(item[ProcedureSettingColumn.Key]);
      if (keys.has(key)) continue;
      await items.add(item);
      this.created.push(`setting ${key}`);
    }
  }

  private async ensureViews(spec: ListSpec): Promise<void> {
    const list = this.sp.web.lists.getByTitle(spec.title);
    const views = (await list.views.select('Title')()) as unknown as Fields[];
    const titles = new Set(views.map((view) => String(view.Title)));
    for (const view of spec.views) {
      if (titles.has(view.title)) continue;
      await list.views.add(view.title, false, { ViewQuery: view.viewQuery, RowLimit: view.rowLimit });
      const created = list.views.getByTitle(view.title);
      for (const field of view.fields) await created.fields.add(field);
      this.created.push(`view ${spec.title}/${view.title}`);
    }
  }
}

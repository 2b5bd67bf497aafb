/**
 * PnPjs test/sp/fields.ts replayed against the local tenant (see replay.ts). Site columns (`web/fields`,
 * `site/rootWeb/fields`) are not emulated: every call there is refused with a 501. List columns are.
 */
import '@pnp/sp/sites';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import { CalendarType, ChoiceFieldFormatType, DateTimeFieldFormatType, DateTimeFieldFriendlyFormatType, FieldTypes, FieldUserSelectionMode, UrlFieldFormatType } from '@pnp/sp/fields';
import type { IFields } from '@pnp/sp/fields';
import { replay, randomString, useReplayTenant } from './replay';
import { admin, api, call } from '../support';

const context = useReplayTenant({ documents: true });
const titleFieldId = 'fa564e0f-0c70-4ab9-b863-0177e6ddd247';
const testFieldGroup = 'PnP Test Group';
const testFieldDescription = 'PnPJS Test Description';
const listName = 'Documents';
const newName = (): string => `PnPJSTest_${randomString(10)}`;
const newGuid = (): string => crypto.randomUUID();

/** The `add*` tests, run against a fields collection (web or list). */
function addTests(fields: () => IFields, expected: { readonly [name: string]: 'pass' | 'refused' }): void {
  const cases: Record<string, (name: string) => Promise<{ Title?: string }>> = {
    createFieldAsXml: (name) => fields().createFieldAsXml(`<Field ID="{${newGuid()}}" Name="${name}" DisplayName="${name}" Type="Currency" Decimals="2" Min="0" Required="FALSE" Group="${testFieldGroup}" />`),
    add: (name) => fields().add(name, FieldTypes.Text, { Group: testFieldGroup }),
    addText: (name) => fields().addText(name, { MaxLength: 255, Group: testFieldGroup }),
    addImageField: (name) => fields().addImageField(name, { Group: testFieldGroup }),
    addNumber: (name) => fields().addNumber(name, { Group: testFieldGroup }),
    addCalculated: (name) => fields().addCalculated(name, { Formula: '=Modified+1', DateFormat: DateTimeFieldFormatType.DateOnly, FieldTypeKind: FieldTypes.Calculated, Group: testFieldGroup }),
    addDateTime: (name) => fields().addDateTime(name, { DisplayFormat: DateTimeFieldFormatType.DateOnly, DateTimeCalendarType: CalendarType.Gregorian, FriendlyDisplayFormat: DateTimeFieldFriendlyFormatType.Disabled, Group: testFieldGroup }),
    addCurrency: (name) => fields().addCurrency(name, { MinimumValue: 0, MaximumValue: 100, CurrencyLocaleId: 1033, Group: testFieldGroup }),
    addMultilineText: (name) => fields().addMultilineText(name, { NumberOfLines: 6, RichText: true, RestrictedMode: false, AppendOnly: false, AllowHyperlink: true, Group: testFieldGroup }),
    addUrl: (name) => fields().addUrl(name, { DisplayFormat: UrlFieldFormatType.Hyperlink, Group: testFieldGroup }),
    addUser: (name) => fields().addUser(name, { SelectionMode: FieldUserSelectionMode.PeopleOnly, Group: testFieldGroup }),
    addLookup: async (name) => {
      const list = await context.sp.web.lists.add(`LookupList_${randomString(10)}`, testFieldDescription, 100, false);
      return fields().addLookup(name, { LookupListId: list.Id, LookupFieldName: 'Title' });
    },
    addChoice: (name) => fields().addChoice(name, { Choices: ['a', 'b', 'c'].map((c) => `Choice_${c}${randomString(4)}`), EditFormat: ChoiceFieldFormatType.Dropdown, FillInChoice: false, Group: testFieldGroup }),
    addMultiChoice: (name) => fields().addMultiChoice(name, { Choices: ['a', 'b', 'c'].map((c) => `Choice_${c}${randomString(4)}`), FillInChoice: false, Group: testFieldGroup }),
    addBoolean: (name) => fields().addBoolean(name, { Group: testFieldGroup }),
    addLocation: (name) => fields().addLocation(name, { Group: testFieldGroup })
  };
  for (const [test, outcome] of Object.entries(expected)) {
    replay(test, outcome, async () => {
      const name = newName();
      const field = await cases[test](name);
      if (test === 'createFieldAsXml') expect(field).not.toBeNull();
      else expect(field.Title).toBe(name);
    });
  }
}

/** update, setShowIn*Form and delete, against a fields collection. */
function changeTests(fields: () => IFields, expected: { readonly [name: string]: 'pass' | 'refused' }): void {
  const cases: Record<string, (name: string) => Promise<unknown>> = {
    update: async (name) => {
      await fields().add(name, FieldTypes.Text, { Group: testFieldGroup });
      await fields().getByTitle(name).update({ Description: testFieldDescription });
      expect((await fields().getByTitle(name)()).Description).toBe(testFieldDescription);
    },
    setShowInDisplayForm: async (name) => {
      await fields().add(name, FieldTypes.Text, { Group: testFieldGroup });
      await fields().getByTitle(name).setShowInDisplayForm(true);
    },
    setShowInEditForm: async (name) => {
      await fields().add(name, FieldTypes.Text, { Group: testFieldGroup });
      await fields().getByTitle(name).setShowInEditForm(true);
    },
    setShowInNewForm: async (name) => {
      await fields().add(name, FieldTypes.Text, { Group: testFieldGroup });
      await fields().getByTitle(name).setShowInNewForm(true);
    },
    delete: async (name) => {
      const f = await fields().add(name, FieldTypes.Text, { Group: testFieldGroup });
      await fields().getById(String(f.Id)).delete();
    }
  };
  for (const [test, outcome] of Object.entries(expected)) replay(test, outcome, () => cases[test](newName()));
}

const allRefused = (names: string[]): Record<string, 'refused'> => Object.fromEntries(names.map((name) => [name, 'refused' as const]));
const addNames = ['createFieldAsXml', 'add', 'addText', 'addImageField', 'addNumber', 'addCalculated', 'addDateTime', 'addCurrency', 'addMultilineText', 'addUrl', 'addUser', 'addLookup', 'addChoice', 'addMultiChoice', 'addBoolean', 'addLocation'];
const changeNames = ['update', 'setShowInDisplayForm', 'setShowInEditForm', 'setShowInNewForm', 'delete'];

describe('PnPjs Fields: Web', () => {
  replay('getById', 'refused', () => context.sp.site.rootWeb.fields.getById(titleFieldId).select('Title')());
  replay('getByTitle', 'refused', async () => {
    const field = await context.sp.site.rootWeb.fields.getById(titleFieldId).select('Title')<{ Title: string }>();
    const field2 = await context.sp.site.rootWeb.fields.getByTitle(field.Title).select('Id')<{ Id: string }>();
    expect(field2.Id).toBe(titleFieldId);
  });
  replay('getByInternalNameOrTitle', 'refused', async () => {
    const field = await context.sp.site.rootWeb.fields.getByInternalNameOrTitle('Other Address Country/Region').select('Title')<{ Title: string }>();
    expect(field.Title).toBe('Other Address Country/Region');
  });
  addTests(() => context.sp.web.fields, allRefused(addNames));
  replay('addDependentLookupField', 'refused', async () => {
    const list = await context.sp.web.lists.add(`LookupList_${randomString(10)}`, testFieldDescription, 100, false);
    const field = await context.sp.web.fields.addLookup(`primary_${randomString(10)}`, { LookupListId: list.Id, LookupFieldName: 'Title' });
    await context.sp.web.fields.addDependentLookupField(`secondary_${randomString(10)}`, String(field.Id), 'Description');
  });
  changeTests(() => context.sp.web.fields, allRefused(changeNames));
});

describe('PnPjs Fields: List', () => {
  const fields = (): IFields => context.sp.web.lists.getByTitle(listName).fields;

  replay('getById', 'pass', async () => {
    const field = await fields().getById(titleFieldId).select('Title')<{ Title: string }>();
    // PnPjs' test expects the English display name; the local site is Dutch (nl-NL) like the VSA's.
    expect(field.Title).toBe('Titel');
  });
  replay('getByTitle', 'pass', async () => {
    const field = await fields().getByTitle('Title').select('Id')<{ Id: string }>();
    expect(field.Id).toBe(titleFieldId);
  });
  replay('getByInternalNameOrTitle (1)', 'refused', async () => {
    const field = await context.sp.site.rootWeb.fields.getByInternalNameOrTitle('Other Address Country/Region').select('Title')<{ Title: string }>();
    expect(field.Title).toBe('Other Address Country/Region');
  });
  replay('getByInternalNameOrTitle (2)', 'pass', async () => {
    const field = await fields().getByInternalNameOrTitle('Title').select('Id')<{ Id: string }>();
    expect(field.Id).toBe(titleFieldId);
  });
  addTests(fields, { ...allRefused(addNames.filter((name) => name !== 'addImageField')), createFieldAsXml: 'pass' });
  changeTests(fields, allRefused(changeNames));
});

describe('field key predicates resolve one field', () => {
  it("answers fields('<guid>') and fields(guid'<guid>') with the one field, and 404 for an unknown id", async () => {
    const list = await context.sp.web.lists.getByTitle(listName).select('Id')();
    const base = `web/lists(guid'${list.Id}')/fields`;
    for (const key of [`('${titleFieldId}')`, `(guid'${titleFieldId}')`, `/getbyid('${titleFieldId}')`]) {
      const response = await call(context.tenant, admin, api(`${base}${key}?$select=Id,InternalName`), { headers: { Accept: 'application/json;odata=nometadata' } });
      expect(response.status).toBe(200);
      expect(response.json()).toEqual({ Id: titleFieldId, InternalName: 'Title' });
    }
    const missing = await call(context.tenant, admin, api(`${base}('${newGuid()}')`));
    expect(missing.status).toBe(404);
  });

  it('gives the built-in columns SharePoint\'s fixed ids in every list', async () => {
    const { sp } = context;
    await sp.web.lists.add(`Fixed ids ${randomString(4)}`, '', 100).then(async (created) => {
      const builtIns = await sp.web.lists.getById(created.Id).fields.filter("InternalName eq 'Title' or InternalName eq 'Author' or InternalName eq 'Created'").select('InternalName', 'Id')<{ InternalName: string; Id: string }[]>();
      expect(Object.fromEntries(builtIns.map((f) => [f.InternalName, f.Id]))).toEqual({
        Title: titleFieldId,
        Author: '1df5e554-ec7e-46a6-901d-d85a3881cb18',
        Created: '8c06beca-0777-48f7-91c7-6da68bc07b69'
      });
    });
  });
});

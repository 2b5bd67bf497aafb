/**
 * A faithful hand-written fake of the part of the Word object model the gateway uses. Like office-js:
 * - reading a property that was not loaded and synced throws (`PropertyNotLoaded`);
 * - `items` of a collection exist only after `load` + `sync`;
 * - `*OrNullObject` results report `isNullObject` only after `sync`;
 * - writes (`insertComment`, `delete`, `select`) are queued and applied at `sync`;
 * - comment APIs throw `ApiNotFound` when the host lacks WordApi 1.4;
 * - `Word.run` syncs once more at the end only when commands are still pending.
 * `syncCount` counts every round trip. (office-addin-mock cannot fake collections, see platform-facts §1.7.)
 */

export interface FakeControl {
  id: number;
  tag: string;
  title: string;
  text: string;
  placeholderText: string;
  /** Controls with the same key share a table row; without one the control is in a row of its own. */
  row?: string;
  /** False for a control outside any table (`parentTableCellOrNullObject` is then null). Default true. */
  inTable?: boolean;
}

export interface FakeComment {
  id: string;
  content: string;
  resolved: boolean;
  /** Where the comment is anchored, e.g. `control:12`, `search:Naam`, `paragraph:0`, `selection`. */
  anchor: string;
}

export interface FakeParagraph {
  text: string;
  tableNestingLevel: number;
}

export interface FakeTable {
  values: string[][];
  nestingLevel: number;
}

export interface FakeDocumentData {
  /** `Office.context.document.url`. */
  url?: string;
  /** What `Body.getOoxml()` returns (flat OPC); reading it when undefined throws. */
  bodyOoxml?: string;
  customProperties: Record<string, string | number>;
  controls: FakeControl[];
  paragraphs: FakeParagraph[];
  tables: FakeTable[];
  comments: FakeComment[];
  /** Custom XML parts by namespace (`document.customXmlParts`, WordApi 1.4). */
  customXmlParts?: Record<string, string>;
}

export interface FakeWordOptions {
  /** Requirement sets the host supports, e.g. `{ WordApi: '1.4' }`. */
  supported?: Record<string, string>;
}

type Action = () => void;

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function notLoaded(name: string): Error {
  const error = new Error(`PropertyNotLoaded: The property '${name}' is not available. Load it and call context.sync().`);
  error.name = 'RichApi.Error';
  return error;
}

function parseNames(names?: string | string[]): string[] {
  if (names === undefined) return [];
  const list = Array.isArray(names) ? names : names.split(',');
  return list.map((n) => n.trim().replace(/^items\//, '')).filter((n) => n.length > 0);
}

/** Base of every proxy: property values appear only after load + sync. */
class FakeObject {
  private readonly loadedValues = new Map<string, unknown>();
  public constructor(protected readonly context: FakeContext) {}

  /** Current values in the model, computed at sync time. */
  protected snapshot(): Record<string, unknown> {
    return {};
  }

  public load(names?: string | string[]): this {
    this.context.queue(() => this.applyLoad(names));
    return this;
  }

  /** Copies the named values from the model (called during sync). */
  public applyLoad(names?: string | string[]): void {
    const wanted = parseNames(names);
    const current = this.snapshot();
    for (const name of wanted.length > 0 ? wanted : Object.keys(current)) {
      if (!(name in current)) throw new Error(`InvalidArgument: unknown property '${name}'`);
      this.loadedValues.set(name, current[name]);
    }
  }

  protected read<T>(name: string): T {
    if (!this.loadedValues.has(name)) throw notLoaded(name);
    return this.loadedValues.get(name) as T;
  }
}

class FakeCollection<T extends FakeObject> {
  private loadedItems: T[] | undefined;
  public constructor(
    protected readonly context: FakeContext,
    private readonly createItems: () => T[]
  ) {}

  public load(names?: string | string[]): this {
    this.context.queue(() => {
      const items = this.createItems();
      // Loading item properties on a collection loads them for every item, as in office-js.
      for (const item of items) item.applyLoad(names);
      this.loadedItems = items;
    });
    return this;
  }

  public get items(): T[] {
    if (!this.loadedItems) throw notLoaded('items');
    return this.loadedItems;
  }
}

class FakeRange extends FakeObject {
  private nullObject: boolean | undefined;
  public constructor(
    context: FakeContext,
    public readonly anchor: string,
    private readonly resolveText: () => string | undefined
  ) {
    super(context);
  }

  protected snapshot(): Record<string, unknown> {
    const text = this.resolveText() ?? '';
    return { text, isEmpty: text.length === 0 };
  }

  /** For `*OrNullObject` results: decided at sync. */
  public markNullable(): this {
    this.context.queue(() => {
      this.nullObject = this.resolveText() === undefined;
    });
    return this;
  }

  public get isNullObject(): boolean {
    if (this.nullObject === undefined) throw notLoaded('isNullObject');
    return this.nullObject;
  }

  public insertComment(text: string): FakeCommentProxy {
    this.context.requireComments('Range.insertComment');
    const comment = new FakeCommentProxy(this.context, undefined);
    this.context.queue(() => {
      if (this.nullObject === true) throw new Error('InvalidObjectPath: the range is a null object');
      const created: FakeComment = { id: this.context.word.nextCommentId(), content: text, resolved: false, anchor: this.anchor };
      this.context.word.document.comments.push(created);
      comment.bind(created);
    });
    return comment;
  }

  public select(): void {
    this.context.queue(() => {
      this.context.word.selection = this.anchor;
    });
  }

  /** The control the range lies in: for a range anchored `control:<id>`, that control; else null. */
  public get parentContentControlOrNullObject(): FakeControlProxy {
    const match = /^control:(\d+)$/.exec(this.anchor);
    const id = match ? Number(match[1]) : undefined;
    const context = this.context;
    return new FakeControlProxy(context, () => (id === undefined ? undefined : context.word.document.controls.find((c) => c.id === id))).markNullable();
  }
}

class FakeCommentProxy extends FakeObject {
  public constructor(
    context: FakeContext,
    private model: FakeComment | undefined
  ) {
    super(context);
  }

  public bind(model: FakeComment): void {
    this.model = model;
  }

  protected snapshot(): Record<string, unknown> {
    if (!this.model) throw new Error('InvalidObjectPath: comment not created');
    return { id: this.model.id, content: this.model.content, resolved: this.model.resolved, authorName: 'Signed-in User' };
  }

  public get id(): string {
    return this.read('id');
  }
  public get content(): string {
    return this.read('content');
  }
  public get resolved(): boolean {
    return this.read('resolved');
  }

  /** Like office-js: a queued write, applied at sync. */
  public set resolved(value: boolean) {
    this.context.queue(() => {
      if (!this.model) throw new Error('InvalidObjectPath: comment not created');
      this.model.resolved = value;
    });
  }

  public getRange(location?: string): FakeRange {
    if (location !== undefined && location !== 'Whole') throw new Error(`fake supports only 'Whole', got ${location}`);
    const model = this.model;
    if (!model) throw new Error('InvalidObjectPath: comment not created');
    return new FakeRange(this.context, model.anchor, () => 'commented text');
  }

  public delete(): void {
    this.context.queue(() => {
      const comments = this.context.word.document.comments;
      const index = comments.findIndex((c) => c === this.model);
      if (index < 0) throw new Error('ItemNotFound: comment already deleted');
      comments.splice(index, 1);
    });
  }
}

class FakeControlProxy extends FakeObject {
  private nullObject: boolean | undefined;
  public constructor(
    context: FakeContext,
    private readonly findModel: () => FakeControl | undefined
  ) {
    super(context);
  }

  protected snapshot(): Record<string, unknown> {
    const model = this.findModel();
    if (!model) throw new Error('ItemNotFound: content control');
    return { ...model };
  }

  public markNullable(): this {
    this.context.queue(() => {
      this.nullObject = this.findModel() === undefined;
    });
    return this;
  }

  public get isNullObject(): boolean {
    if (this.nullObject === undefined) throw notLoaded('isNullObject');
    return this.nullObject;
  }

  public load(names?: string | string[]): this {
    // Loading a property of a null object is allowed in office-js; it just stays null.
    if (this.nullObject === undefined && this.findModel() === undefined) return this;
    return super.load(names);
  }

  public get id(): number {
    return this.read('id');
  }
  public get tag(): string {
    return this.read('tag');
  }
  public get title(): string {
    return this.read('title');
  }
  public get text(): string {
    return this.read('text');
  }
  public get placeholderText(): string {
    return this.read('placeholderText');
  }

  public getRange(location?: string): FakeRange {
    if (location !== undefined && location !== 'Whole') throw new Error(`fake supports only 'Whole', got ${location}`);
    return new FakeRange(this.context, `control:${this.findModel()?.id ?? '?'}`, () => this.findModel()?.text);
  }

  public getComments(): never {
    throw new Error('not used by the gateway');
  }

  /** Only `Replace` is faked; applied at sync, like every write. */
  public insertText(text: string, location: string): FakeRange {
    if (location !== 'Replace') throw new Error(`fake supports only 'Replace', got ${location}`);
    this.context.queue(() => {
      const model = this.findModel();
      if (!model) throw new Error('InvalidObjectPath: the content control is a null object');
      model.text = text;
    });
    return new FakeRange(this.context, `control:${this.findModel()?.id ?? '?'}`, () => this.findModel()?.text);
  }

  public get parentTableCellOrNullObject(): FakeTableCellProxy {
    return new FakeTableCellProxy(this.context, this.findModel).markNullable();
  }
}

/** The cell of a control: only what `insertRowAfter` uses (its row, to insert rows after). */
class FakeTableCellProxy extends FakeObject {
  private nullObject: boolean | undefined;
  public constructor(
    context: FakeContext,
    private readonly findControl: () => FakeControl | undefined
  ) {
    super(context);
  }
  protected snapshot(): Record<string, unknown> {
    return { cellIndex: 0 };
  }
  public markNullable(): this {
    this.context.queue(() => {
      const control = this.findControl();
      this.nullObject = control === undefined || control.inTable === false;
    });
    return this;
  }
  public load(names?: string | string[]): this {
    this.context.queue(() => {
      const control = this.findControl();
      if (control && control.inTable !== false) this.applyLoad(names);
    });
    return this;
  }
  public get isNullObject(): boolean {
    if (this.nullObject === undefined) throw notLoaded('isNullObject');
    return this.nullObject;
  }
  public get parentRow(): FakeTableRowProxy {
    return new FakeTableRowProxy(this.context, this.findControl);
  }
}

/** A table row, known by one of its controls; inserting after it adds controls after the row's last one. */
class FakeTableRowProxy {
  public constructor(
    private readonly context: FakeContext,
    private readonly findControl: () => FakeControl | undefined
  ) {}

  public insertRows(location: string, rowCount: number, values: string[][]): { getFirst(): FakeNewRow } {
    if (location !== 'After' || rowCount !== 1) throw new Error(`fake supports one row 'After', got ${rowCount} '${location}'`);
    const row = new FakeNewRow(this.context, values[0] ?? []);
    this.context.queue(() => {
      const control = this.findControl();
      if (!control) throw new Error('InvalidObjectPath: the row is gone');
      const controls = this.context.word.document.controls;
      const sameRow = (other: FakeControl): boolean => other === control || (control.row !== undefined && other.row === control.row);
      const last = controls.reduce((at, other, index) => (sameRow(other) ? index : at), -1);
      row.place(last + 1, `new-row-${this.context.word.nextControlId()}`);
    });
    return { getFirst: () => row };
  }
}

/** A row `insertRows` made: plain cells holding the given texts, until a control is inserted in them. */
class FakeNewRow {
  private position: number | undefined;
  private rowKey = '';
  private inserted = 0;
  public constructor(
    private readonly context: FakeContext,
    private readonly texts: string[]
  ) {}

  public place(position: number, rowKey: string): void {
    this.position = position;
    this.rowKey = rowKey;
  }

  public get cells(): FakeCollection<FakeNewCell> {
    return new FakeCollection(this.context, () => this.texts.map((text) => new FakeNewCell(this.context, this, text)));
  }

  /** Adds a control at the end of the new row (cells are filled left to right). */
  public addControl(text: string): FakeControl {
    if (this.position === undefined) throw new Error('InvalidObjectPath: the row was not inserted yet');
    const control: FakeControl = { id: this.context.word.nextControlId(), tag: '', title: '', text, placeholderText: '', row: this.rowKey };
    this.context.word.document.controls.splice(this.position + this.inserted, 0, control);
    this.inserted += 1;
    return control;
  }
}

class FakeNewCell extends FakeObject {
  public constructor(
    context: FakeContext,
    private readonly row: FakeNewRow,
    private readonly text: string
  ) {
    super(context);
  }
  protected snapshot(): Record<string, unknown> {
    return { value: this.text };
  }
  public get body(): { insertContentControl(): FakeNewControl } {
    return {
      insertContentControl: () => {
        const created = new FakeNewControl(this.context);
        this.context.queue(() => created.bind(this.row.addControl(this.text)));
        return created;
      }
    };
  }
}

/** A control being created: its settable properties are written at sync, after it exists. */
class FakeNewControl {
  private model: FakeControl | undefined;
  public constructor(private readonly context: FakeContext) {}
  public bind(model: FakeControl): void {
    this.model = model;
  }
  private set(apply: (model: FakeControl) => void): void {
    this.context.queue(() => {
      if (!this.model) throw new Error('InvalidObjectPath: content control not created');
      apply(this.model);
    });
  }
  public set tag(value: string) {
    this.set((model) => (model.tag = value));
  }
  public set title(value: string) {
    this.set((model) => (model.title = value));
  }
  public set placeholderText(value: string) {
    this.set((model) => (model.placeholderText = value));
  }
}

class FakeParagraphProxy extends FakeObject {
  public constructor(
    context: FakeContext,
    private readonly index: number
  ) {
    super(context);
  }
  protected snapshot(): Record<string, unknown> {
    const model = this.context.word.document.paragraphs[this.index];
    if (!model) throw new Error('ItemNotFound: paragraph');
    return { ...model };
  }
  public get text(): string {
    return this.read('text');
  }
  public get tableNestingLevel(): number {
    return this.read('tableNestingLevel');
  }
  public getRange(location?: string): FakeRange {
    if (location !== undefined && location !== 'Whole') throw new Error(`fake supports only 'Whole', got ${location}`);
    return new FakeRange(this.context, `paragraph:${this.index}`, () => this.context.word.document.paragraphs[this.index]?.text);
  }
}

class FakeTableProxy extends FakeObject {
  public constructor(
    context: FakeContext,
    private readonly index: number
  ) {
    super(context);
  }
  protected snapshot(): Record<string, unknown> {
    const model = this.context.word.document.tables[this.index];
    return { values: model.values.map((row) => [...row]), nestingLevel: model.nestingLevel, rowCount: model.values.length };
  }
  public get values(): string[][] {
    return this.read('values');
  }
  public get nestingLevel(): number {
    return this.read('nestingLevel');
  }
}

class FakeCustomProperty extends FakeObject {
  public constructor(
    context: FakeContext,
    private readonly propertyKey: string
  ) {
    super(context);
  }
  protected snapshot(): Record<string, unknown> {
    const key = this.propertyKey;
    return { key, value: this.context.word.document.customProperties[key], type: 'String' };
  }
  public get key(): string {
    return this.read('key');
  }
  public get value(): unknown {
    return this.read('value');
  }
}

function searchableTexts(document: FakeDocumentData): string[] {
  return [
    ...document.paragraphs.map((p) => p.text),
    ...document.tables.flatMap((t) => t.values.flat()),
    ...document.controls.map((c) => c.text)
  ];
}

class FakeBody {
  public constructor(private readonly context: FakeContext) {}

  public get contentControls(): FakeCollection<FakeControlProxy> & {
    getByIdOrNullObject(id: number): FakeControlProxy;
  } {
    const context = this.context;
    const collection = new FakeCollection(context, () =>
      context.word.document.controls.map((model) => new FakeControlProxy(context, () => context.word.document.controls.find((c) => c === model)))
    );
    return Object.assign(collection, {
      getByIdOrNullObject: (id: number) =>
        new FakeControlProxy(context, () => context.word.document.controls.find((c) => c.id === id)).markNullable()
    });
  }

  public get paragraphs(): FakeCollection<FakeParagraphProxy> & { getFirst(): FakeParagraphProxy } {
    const context = this.context;
    const collection = new FakeCollection(context, () => context.word.document.paragraphs.map((_, i) => new FakeParagraphProxy(context, i)));
    return Object.assign(collection, {
      getFirst: () => {
        if (context.word.document.paragraphs.length === 0) throw new Error('ItemNotFound: no paragraph');
        return new FakeParagraphProxy(context, 0);
      }
    });
  }

  public get tables(): FakeCollection<FakeTableProxy> {
    const context = this.context;
    return new FakeCollection(context, () => context.word.document.tables.map((_, i) => new FakeTableProxy(context, i)));
  }

  public getComments(): FakeCollection<FakeCommentProxy> {
    this.context.requireComments('Body.getComments');
    const context = this.context;
    return new FakeCollection(context, () => context.word.document.comments.map((model) => new FakeCommentProxy(context, model)));
  }

  public search(text: string, _options?: { matchCase?: boolean }): { getFirstOrNullObject(): FakeRange } {
    if (text.length > 255) throw new Error('InvalidArgument: search text longer than 255 characters');
    const literal = text.replace(/\^\^/g, '^').toLowerCase();
    const context = this.context;
    return {
      getFirstOrNullObject: () =>
        new FakeRange(context, `search:${literal}`, () =>
          searchableTexts(context.word.document).some((t) => t.toLowerCase().includes(literal)) ? literal : undefined
        ).markNullable()
    };
  }

  public getRange(): FakeRange {
    return new FakeRange(this.context, 'bodyStart', () => '');
  }

  /** A `ClientResult<string>`: `value` only after sync. */
  public getOoxml(): { readonly value: string } {
    const context = this.context;
    let value: string | undefined;
    context.queue(() => {
      if (context.word.document.bodyOoxml === undefined) throw new Error('GeneralException: fake has no bodyOoxml');
      value = context.word.document.bodyOoxml;
    });
    return {
      get value(): string {
        if (value === undefined) throw notLoaded('value');
        return value;
      }
    };
  }
}

/** A custom XML part, found by namespace; null when the document has none. */
class FakeCustomXmlPart extends FakeObject {
  private nullObject: boolean | undefined;
  public constructor(
    context: FakeContext,
    private readonly namespace: string
  ) {
    super(context);
  }
  private get parts(): Record<string, string> {
    const document = this.context.word.document;
    document.customXmlParts = document.customXmlParts ?? {};
    return document.customXmlParts;
  }
  protected snapshot(): Record<string, unknown> {
    return { id: `part:${this.namespace}`, namespaceUri: this.namespace };
  }
  public markNullable(): this {
    this.context.queue(() => {
      this.nullObject = this.parts[this.namespace] === undefined;
    });
    return this;
  }
  public load(names?: string | string[]): this {
    this.context.queue(() => {
      if (this.parts[this.namespace] !== undefined) this.applyLoad(names);
    });
    return this;
  }
  public get isNullObject(): boolean {
    if (this.nullObject === undefined) throw notLoaded('isNullObject');
    return this.nullObject;
  }
  public getXml(): { readonly value: string } {
    let value: string | undefined;
    this.context.queue(() => {
      const xml = this.parts[this.namespace];
      if (xml === undefined) throw new Error('InvalidObjectPath: the custom XML part is a null object');
      value = xml;
    });
    return {
      get value(): string {
        if (value === undefined) throw notLoaded('value');
        return value;
      }
    };
  }
  public setXml(xml: string): void {
    this.context.queue(() => {
      if (this.parts[this.namespace] === undefined) throw new Error('InvalidObjectPath: the custom XML part is a null object');
      this.parts[this.namespace] = xml;
    });
  }
}

/** The namespace a part declares on its root element (`xmlns="…"`). */
function namespaceOf(xml: string): string {
  const match = /<[A-Za-z_][\w.-]*(?:\s[^>]*?)?\sxmlns="([^"]*)"/.exec(xml);
  if (!match) throw new Error('InvalidArgument: the XML has no default namespace');
  return match[1];
}

class FakeContext {
  private pending: Action[] = [];
  public constructor(public readonly word: FakeWord) {}

  public queue(action: Action): void {
    this.pending.push(action);
  }

  public requireComments(api: string): void {
    if (!this.word.requirements.isSetSupported('WordApi', '1.4')) {
      const error = new Error(`ApiNotFound: ${api} needs WordApi 1.4`);
      error.name = 'RichApi.Error';
      throw error;
    }
  }

  public get hasPending(): boolean {
    return this.pending.length > 0;
  }

  public async sync(): Promise<void> {
    this.word.syncCount += 1;
    const actions = this.pending;
    this.pending = [];
    for (const action of actions) action();
  }

  public get document(): {
    body: FakeBody;
    properties: { customProperties: FakeCollection<FakeCustomProperty> };
    customXmlParts: { getByNamespace(namespace: string): { getOnlyItemOrNullObject(): FakeCustomXmlPart }; add(xml: string): void };
    getSelection(): FakeRange;
  } {
    const context = this;
    return {
      body: new FakeBody(context),
      customXmlParts: {
        getByNamespace: (namespace: string) => {
          context.requireComments('CustomXmlPartCollection.getByNamespace');
          return { getOnlyItemOrNullObject: () => new FakeCustomXmlPart(context, namespace).markNullable() };
        },
        add: (xml: string) => {
          context.requireComments('CustomXmlPartCollection.add');
          context.queue(() => {
            const parts = (context.word.document.customXmlParts = context.word.document.customXmlParts ?? {});
            parts[namespaceOf(xml)] = xml;
          });
        }
      },
      properties: {
        customProperties: new FakeCollection(context, () =>
          Object.keys(context.word.document.customProperties).map((key) => new FakeCustomProperty(context, key))
        )
      },
      getSelection: () => new FakeRange(context, context.word.selection ?? 'selection', () => 'selected text')
    };
  }
}

/** The fake host: a document, the requirement sets it supports, the sync counter, the selection. */
export class FakeWord {
  public syncCount = 0;
  public runCount = 0;
  public selection: string | undefined;
  private commentCounter = 0;
  private readonly supported: Record<string, string>;

  public constructor(
    public readonly document: FakeDocumentData,
    options: FakeWordOptions = {}
  ) {
    this.supported = options.supported ?? { WordApi: '1.4' };
    this.commentCounter = document.comments.length;
  }

  public readonly requirements = {
    isSetSupported: (name: string, minVersion = '1.1'): boolean => {
      const version = this.supported[name];
      return version !== undefined && compareVersions(version, minVersion) >= 0;
    }
  };

  /** The host the gateway runs against. */
  public host(): { run: FakeWord['run']; requirements: FakeWord['requirements']; documentUrl: () => string } {
    return { run: this.run, requirements: this.requirements, documentUrl: () => this.document.url ?? '' };
  }

  public nextControlId(): number {
    return Math.max(0, ...this.document.controls.map((control) => control.id)) + 1;
  }

  public nextCommentId(): string {
    this.commentCounter += 1;
    return `c${this.commentCounter}`;
  }

  /** Same contract as `Word.run`: the batch gets a context; pending commands are synced at the end. */
  public readonly run = async <T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> => {
    this.runCount += 1;
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Word.RequestContext);
    if (context.hasPending) await context.sync();
    return result;
  };
}

/** An empty document to start from. */
export function emptyDocument(): FakeDocumentData {
  return { customProperties: {}, controls: [], paragraphs: [{ text: '', tableNestingLevel: 0 }], tables: [], comments: [] };
}

/**
 * `$select` and `$expand` handling: which properties of an entity to return, including properties of
 * expanded navigation properties (`Author/Title` with `$expand=Author`).
 */

/** A parsed `$select`: top-level names and, per navigation property, its selected sub-properties. */
export interface Selection {
  /** undefined = everything (no `$select`, or `*`). */
  readonly top: ReadonlySet<string> | undefined;
  readonly nested: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Parses `$select` (comma-separated, `*` allowed, `Nav/Prop` paths). */
export function parseSelect(input: string | null | undefined): Selection {
  if (!input || input.trim() === '') return { top: undefined, nested: new Map() };
  const top = new Set<string>();
  const nested = new Map<string, Set<string>>();
  let all = false;
  for (const raw of input.split(',')) {
    const term = raw.trim();
    if (term === '') continue;
    if (term === '*') {
      all = true;
      continue;
    }
    const slash = term.indexOf('/');
    if (slash < 0) {
      top.add(term);
    } else {
      const head = term.slice(0, slash);
      top.add(head);
      const set = nested.get(head) ?? new Set<string>();
      set.add(term.slice(slash + 1));
      nested.set(head, set);
    }
  }
  return { top: all ? undefined : top, nested };
}

/** Parses `$expand` into the set of navigation property names (first path segment). */
export function parseExpand(input: string | null | undefined): Set<string> {
  const result = new Set<string>();
  if (!input) return result;
  for (const raw of input.split(',')) {
    const term = raw.trim();
    if (term) result.add(term.split('/')[0]);
  }
  return result;
}

/** Whether a property passes a selection (case-insensitive like SharePoint). */
export function isSelected(selection: Selection, name: string): boolean {
  if (!selection.top) return true;
  for (const selected of selection.top) if (selected.toLowerCase() === name.toLowerCase()) return true;
  return false;
}

/**
 * The sub-selection of a navigation property, parsed again so that deeper paths
 * (`ParentList/RootFolder/ServerRelativeUrl`) select within the nested entity too.
 */
export function nestedSelection(selection: Selection, name: string): Selection {
  for (const [key, value] of selection.nested) {
    if (key.toLowerCase() === name.toLowerCase()) return parseSelect([...value].join(','));
  }
  return { top: undefined, nested: new Map() };
}

/** Every `$expand` path split into its segments (`ParentList/RootFolder` → ['ParentList', 'RootFolder']). */
export function parseExpandPaths(input: string | null | undefined): string[][] {
  if (!input) return [];
  return input
    .split(',')
    .map((raw) => raw.trim())
    .filter((term) => term !== '')
    .map((term) => term.split('/').map((part) => part.trim()));
}

/** The expansions below one navigation property, as a set of first segments and as paths. */
export function nestedExpand(paths: readonly (readonly string[])[], name: string): { names: Set<string>; paths: string[][] } {
  const below = paths.filter((path) => path.length > 1 && path[0].toLowerCase() === name.toLowerCase()).map((path) => path.slice(1));
  return { names: new Set(below.map((path) => path[0])), paths: below };
}

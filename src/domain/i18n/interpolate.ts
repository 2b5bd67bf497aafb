/** Values a template placeholder can take. */
export type TemplateParams = Readonly<Record<string, string | number | undefined>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Fills the `{name}` placeholders of a catalog text: the one interpolation of the product. An
 * unknown or undefined parameter leaves its placeholder visible, so a missing value shows up in a
 * screenshot instead of silently vanishing.
 */
export function interpolate(template: string, params: TemplateParams = {}): string {
  return template.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = params[name];
    return value === undefined ? placeholder : String(value);
  });
}

/** The placeholder names of a template, sorted and without duplicates (for parity checks). */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  template.replace(PLACEHOLDER, (placeholder, name: string) => {
    names.add(name);
    return placeholder;
  });
  return [...names].sort();
}

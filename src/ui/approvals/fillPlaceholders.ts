/** Replaces `{0}`, `{1}`… in a localized string; missing values leave the placeholder visible. */
export function fillPlaceholders(template: string, ...values: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? match : String(value);
  });
}

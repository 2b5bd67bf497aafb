import { interpolate } from '../../domain/i18n/interpolate';

/** Dutch unless the user's UI culture is English: the one detector of `domain/i18n`, re-exported for the web part. */
export { languageOf } from '../../domain/i18n/language';

/** The shared mailbox address as set, or undefined when empty (the mail features are then off). */
export function sharedMailboxOf(value: string | undefined): string | undefined {
  const address = (value ?? '').trim();
  return address.length > 0 ? address : undefined;
}

/** '' for an empty field or a plausible address; otherwise the message (`{value}` filled in). */
export function sharedMailboxError(value: string | undefined, template: string): string {
  const address = sharedMailboxOf(value);
  if (!address || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return '';
  return interpolate(template, { value: address });
}

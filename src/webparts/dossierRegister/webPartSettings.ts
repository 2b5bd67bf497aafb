import type { Lang } from '../../domain/types';

/** Dutch unless the user's UI culture is English (Dutch first, English second). */
export function languageOf(cultureName: string | undefined): Lang {
  return cultureName && cultureName.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/** The shared mailbox address as set, or undefined when empty (the mail features are then off). */
export function sharedMailboxOf(value: string | undefined): string | undefined {
  const address = (value ?? '').trim();
  return address.length > 0 ? address : undefined;
}

/** '' for an empty field or a plausible address; otherwise the message (`{value}` filled in). */
export function sharedMailboxError(value: string | undefined, template: string): string {
  const address = sharedMailboxOf(value);
  if (!address || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return '';
  return template.replace('{value}', address);
}

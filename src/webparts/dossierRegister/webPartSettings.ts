import type { Lang } from '../../domain/types';

/** Dutch unless the user's UI culture is English (Dutch first, English second). */
export function languageOf(cultureName: string | undefined): Lang {
  return cultureName && cultureName.toLowerCase().startsWith('en') ? 'en' : 'nl';
}

/**
 * The data layer works on the provisioned list names; another name is refused with a clear message
 * instead of silently reading the default list.
 */
export function listNameError(value: string | undefined, provisioned: string, template: string): string {
  const name = (value ?? '').trim();
  if (name.length === 0 || name === provisioned) return '';
  return template.replace('{name}', provisioned);
}

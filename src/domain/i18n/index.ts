/** The one localisation mechanism: catalogs `{ nl, en }`, `{name}` interpolation, one language detector. */
export { interpolate, placeholdersOf } from './interpolate';
export type { TemplateParams } from './interpolate';
export { languageOf, languages, isLang, cultureOf } from './language';
export { defineCatalog, catalogProblems, labelTableCatalog } from './catalog';
export type { Catalog, TextsLike } from './catalog';

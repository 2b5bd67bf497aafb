/**
 * The public register of published protocols and addenda (pure, browser-safe): the model built from
 * dossiers, and its exports for the VSA website as HTML, CSV and JSON (with a JSON Schema), plus the
 * protocol end-date reminders that start an extension request.
 *
 *   const register = buildPublicRegister(dossiers, { generatedAt: now, publicationBaseUrl });
 *   const html = registerToHtml(register, 'nl');
 */
export * from './types';
export { buildPublicRegister, registerCounts, publicStates, publicPdfFileName } from './register';
export type { RegisterOptions } from './register';
export { registerToHtml, escapeHtml, safeHref } from './html';
export { registerToCsv, csvCell, csvColumns, csvListSeparator } from './csv';
export { registerToJson, registerJsonSchema, registerJsonSchemaId } from './json';
export { registerTexts } from './labels';
export type { RegisterTexts } from './labels';
export { extensionReminders, extensionRequest } from './extension';
export type { ExtensionReminder, ExtensionRequest } from './extension';

/**
 * Public API of the forms engine (pure: runs in the browser, the Word add-in and Node).
 *
 *   const docx = await generateTemplate('aanvraagformulier');
 *   const filled = await fillForm(docx, { fields: { 'project.titel': 'X' }, rows: { variabelen: [...] } });
 *   const form = await readForm(filled, 'aanvraag.docx');
 *   const findings = checkForm(form, { phase: 'draft', today: '2026-11-25' });
 *   const reviewed = await annotate(filled, findings, [], 'DPO-team VSA', '2026-11-25T10:00:00Z');
 *
 * Checks only see a `FormDocument`, so the Word add-in can build one from office-js reads
 * (see `buildFormDocument`) and run the same checks.
 */
export * from './types';
export { FormReadError, isFormReadError } from './errors';
export type { FormReadErrorCode } from './errors';
export {
  CATALOG,
  CATALOG_VERSION,
  KNOWN_CATALOG_VERSIONS,
  isKnownCatalogVersion,
  getFormDef,
  getFieldDef,
  fieldIdsOfForm,
  rowsFieldIdsOfForm,
  isFormType,
  isPlaceholderText,
  SIMPLIFIED_REASONS
} from './catalog';
export { generateTemplate } from './docx/generator';
export type { TemplateOptions } from './docx/generator';
export { fillForm, stripContentControls } from './docx/fill';
export type { FillOptions } from './docx/fill';
export { replaceControlText, addTableRow } from './docx/edit';
export { generateTypedOverDocument } from './docx/typedOver';
export type { TypedOverLayout } from './docx/typedOver';
export { readForm } from './docx/reader';
export type { ReadOptions } from './docx/reader';
export { annotate, findingCommentText } from './docx/annotator';
export type { AnnotateOptions } from './docx/annotator';
export { checkForm, checkDossierForms, CHECKS, DOSSIER_CHECKS, CHECK_MESSAGES, checksOfForm } from './checks';
export { buildFormDocument } from './snapshot';
export type { SnapshotInput, SnapshotControl } from './snapshot';
export { isValidEnterpriseNumber, normalizeEnterpriseNumber } from './checks/enterpriseNumber';
export { sampleValues, sampleVariables, withFields, SAMPLE_SIGNATURE } from './samples';
export type { SampleOptions } from './samples';
export { SEVERITY_ORDER, compareSeverity, countBySeverity, sumCheckSummaries, hasBlockingFindings } from './severity';
export { requestedDataOf, requestedDataOfForm, requestedWaves, purposesOf } from './requested';
export { isExplicitEmpty, parseDate } from './checks/values';
export { parseSurveyAnswer, surveyWaveIds } from './checks/surveys';
export type { SurveyAnswer, SurveyItem } from './checks/surveys';
export { parseRetention, retentionEndOf } from './checks/retentionPeriod';
export type { RetentionPeriod, RetentionDuration } from './checks/retentionPeriod';
export {
  parseDdiCodebook,
  parseCodebookCsv,
  parseCodebookFile,
  CodebookImportError,
  isCodebookImportError,
  codebookImportMessages,
  codebookIndex,
  MAX_CODEBOOK_BYTES,
  DDI_WAVE_NOTE,
  DDI_SENSITIVE_NOTE
} from './codebook';
export type { CodebookParseOptions, CodebookImportErrorCode, CodebookIndex, CodebookMatch } from './codebook';
export { formDifferences, changedFieldKeys } from './diff';
export type { FieldDifference } from './diff';
export { annotateFindings, readAnnotations, readFindingIds, commentAuthorName, DEFAULT_COMMENT_AUTHOR } from './docx/findingComments';
export type { Annotation, AnnotationOrigin, FindingAnnotationOptions } from './docx/findingComments';
export { automaticFindingOf, automaticFindingsOf, rowIndexOf } from './automaticFindings';
export { findingText, findingMessage } from './findingText';

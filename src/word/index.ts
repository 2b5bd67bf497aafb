/**
 * Public API of the Word add-in area. The task pane runs on a `FormSource` (office-js in Word,
 * a .docx on the local workbench) and an optional `DossierReviewPort` (the data layer):
 *
 *   const source = createOfficeFormSource(createWordGateway());
 *   <WordReviewPane source={source} check={checkForm} dossiers={port} today={...} now={...} language="nl" strings={WORD_PANE_STRINGS_NL} />
 */
export type { FormSource, SourceForm, SourceCapabilities, AnchoredComment, InsertReport } from './source/formSource';
export type { WordGateway, WordReadResult, ControlSnapshot, CommentSnapshot, RangeTarget, CommentRequest, CommentOutcome } from './gateway/types';
export { createWordGateway, officeHost, fileNameOf } from './office/wordGateway';
export type { WordHost, WordBatchRunner, RequirementChecker } from './office/wordGateway';
export { createOfficeFormSource, targetForAnchor, COMMENTS_REQUIREMENT } from './office/officeFormSource';
export { flatOpcToDocx, FlatOpcError } from './office/flatOpc';
export { createDocxFormSource } from './docx/docxFormSource';
export type { DocxFormSource, DocxFormSourceOptions } from './docx/docxFormSource';
export { readCustomProperty, removeComments, setCustomProperty } from './docx/docxParts';
export { DOSSIER_REFERENCE_PROPERTY } from '../app/wordReview/dossierReviewPort';
export type { DossierReviewPort, DossierSummary, FindingStatusChangeRequest, ReviewResult } from '../app/wordReview/dossierReviewPort';
export { createCommandDossierReviewPort, ReviewRefusedError } from '../app/wordReview/commandDossierReviewPort';
export type { DossierCommands, CommandDossierReviewDeps } from '../app/wordReview/commandDossierReviewPort';
export type { TokenProvider } from '../data/auth/tokenProvider';
export { createMsalTokenProvider, tokenProviderFor } from './auth/msalTokenProvider';
export { findingKey, commentOrigin, findingCommentText, freeCommentText, normalizedCommentText } from './review/commentMarker';
export { reviewerFindingId, readBackPlan, ownComments, findingsToRecord } from './review/reviewerFindings';
export { REVIEW_PART_NAMESPACE, parseMetadata, serializeMetadata } from './review/reviewMetadata';
export { planComments, draftsFor } from './review/commentPlan';
export type { CommentDraft, CommentPlan } from './review/commentPlan';
export { loadReview, insertFindingComments, addFreeComment, removeOwnComments, recordReviewerFindings, readBackFindings, setCommentAudience } from './review/reviewActions';
export type { FormChecker, LoadedReview } from './review/reviewActions';
export { reviewEventText } from '../app/wordReview/reviewSummary';
export { WordReviewPane } from './taskpane/WordReviewPane';
export type { WordReviewPaneProps } from './taskpane/WordReviewPane';
export { WORD_PANE_STRINGS_NL, WORD_PANE_STRINGS_EN, wordPaneStrings } from './taskpane/strings';
export type { WordPaneStrings } from './taskpane/strings';
export { renderManifest, validateHosting, MANIFEST_MIN_WORD_API } from './manifest/manifestXml';
export type { AddinHosting } from './manifest/manifestXml';

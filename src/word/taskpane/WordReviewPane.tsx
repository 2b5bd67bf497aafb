import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Separator } from '@fluentui/react/lib/Separator';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { formatFailure } from '../../app/failures';
import { getFormDef } from '../../forms/catalog';
import { CommentTools } from './CommentTools';
import { DossierSection } from './DossierSection';
import { FindingsList } from './FindingsList';
import { OwnComments } from './OwnComments';
import { RequestedSummary } from './RequestedSummary';
import { VariableInsert } from './VariableInsert';
import { interpolate } from '../../domain/i18n/interpolate';
import { insertedSummary, removedSummary, type WordPaneStrings } from './strings';
import type { PaneMessage, WordReviewDeps } from './useWordReview';
import { useWordReview } from './useWordReview';

/** Props of {@link WordReviewPane}: the ports and clock from the composition root, and the strings. */
export interface WordReviewPaneProps extends WordReviewDeps {
  readonly language: 'nl' | 'en';
  readonly strings: WordPaneStrings;
}

function messageBar(message: PaneMessage, strings: WordPaneStrings): React.ReactElement | undefined {
  switch (message.kind) {
    case 'inserted':
      return <MessageBar messageBarType={MessageBarType.success}>{insertedSummary(strings, message.inserted, message.skipped, message.notFound)}</MessageBar>;
    case 'removed':
      return <MessageBar messageBarType={MessageBarType.success}>{removedSummary(strings, message.count)}</MessageBar>;
    case 'freeCommentAdded':
      return <MessageBar messageBarType={MessageBarType.success}>{strings.freeCommentAdded}</MessageBar>;
    case 'linked':
      return (
        <Stack tokens={{ childrenGap: 4 }}>
          <MessageBar messageBarType={MessageBarType.success}>{interpolate(strings.linked, { recorded: message.recorded, resolvedInDossier: message.resolvedInDossier, resolvedInWord: message.resolvedInWord })}</MessageBar>
          {message.internalRemoved > 0 && <MessageBar messageBarType={MessageBarType.info}>{interpolate(strings.linkedInternalRemoved, { count: message.internalRemoved })}</MessageBar>}
          {message.refused.map((reason, index) => (
            <MessageBar key={index} messageBarType={MessageBarType.error}>
              {interpolate(strings.linkRefused, { reason })}
            </MessageBar>
          ))}
        </Stack>
      );
    case 'fieldNotFound':
      return <MessageBar messageBarType={MessageBarType.warning}>{strings.fieldNotFound}</MessageBar>;
    case 'replaced':
      return <MessageBar messageBarType={MessageBarType.success}>{interpolate(strings.replaced, { name: message.name })}</MessageBar>;
    case 'variableInserted':
      return <MessageBar messageBarType={MessageBarType.success}>{interpolate(strings.variableInserted, { name: message.name })}</MessageBar>;
    case 'noVariablesTable':
      return <MessageBar messageBarType={MessageBarType.warning}>{strings.noVariablesTable}</MessageBar>;
    case 'failed':
      return <MessageBar messageBarType={MessageBarType.error}>{interpolate(strings.actionFailed, { reason: message.reason })}</MessageBar>;
  }
}

/** The Word review task pane: findings by severity, comments, and the link to the dossier. */
export function WordReviewPane(props: WordReviewPaneProps): React.ReactElement {
  const { strings, language } = props;
  const state = useWordReview(props, language);

  if (state.status === 'loading') return <Spinner label={strings.loading} />;
  if (state.status === 'failed' || !state.review) {
    return (
      <Stack tokens={{ childrenGap: 8, padding: 12 }}>
        <MessageBar messageBarType={MessageBarType.error}>
          {strings.loadFailed} {state.loadError}
        </MessageBar>
        <DefaultButton text={strings.retry} onClick={state.reload} />
      </Stack>
    );
  }

  const { review } = state;
  const form = review.source.form;
  const formTitle = form.formType ? (language === 'nl' ? getFormDef(form.formType).titleNl : getFormDef(form.formType).titleEn) : strings.formTypeUnknown;
  const readByLabel = form.notices.some((notice) => notice.code === 'readByLabel');

  return (
    <Stack tokens={{ childrenGap: 12, padding: 12 }}>
      <Text as="h1" variant="xLarge">
        {strings.title}
      </Text>
      <Text block>
        {strings.formTypeLabel}: <strong>{formTitle}</strong>
      </Text>
      <Text block>
        {strings.phaseLabel}: {review.context.phase === 'signed' ? strings.phaseSigned : strings.phaseDraft}
      </Text>
      {readByLabel && <MessageBar messageBarType={MessageBarType.info}>{strings.readByLabelNotice}</MessageBar>}
      {!state.commentsSupported && (
        <MessageBar messageBarType={MessageBarType.warning}>{interpolate(strings.commentsUnavailable, { requirement: state.missingRequirement ?? 'WordApi 1.4' })}</MessageBar>
      )}
      {review.requested && (
        <RequestedSummary
          requested={review.requested}
          codebooks={props.codebooks ? review.codebooks : undefined}
          codebookError={review.codebookError === undefined ? undefined : formatFailure(review.codebookError, language)}
          strings={strings}
        />
      )}
      {review.readBack && review.readBack.inserted + review.readBack.resolved > 0 && (
        <MessageBar messageBarType={MessageBarType.info}>{interpolate(strings.readBackInserted, { inserted: review.readBack.inserted, resolved: review.readBack.resolved })}</MessageBar>
      )}
      {review.readBackError !== undefined && (
        <MessageBar messageBarType={MessageBarType.warning}>{interpolate(strings.readBackFailed, { reason: formatFailure(review.readBackError, language) })}</MessageBar>
      )}
      {state.message && messageBar(state.message, strings)}
      <Text as="h2" variant="large">
        {strings.findingsHeading} ({review.findings.length})
      </Text>
      <FindingsList
        findings={review.findings}
        drafts={state.drafts}
        commentedKeys={state.commentedKeys}
        commentsEnabled={state.commentsSupported}
        language={language}
        strings={strings}
        onSelect={state.select}
        onDraftChange={state.setDraftText}
        onReplace={state.replaceWith}
        busy={state.busy}
      />
      {state.canInsertVariables && <VariableInsert busy={state.busy} strings={strings} search={state.searchVariables} onInsert={state.insertVariable} />}
      {state.commentsSupported && (
        <CommentTools
          busy={state.busy}
          hasFindings={review.findings.length > 0}
          strings={strings}
          onInsert={state.insertComments}
          onFreeComment={state.addFreeComment}
          onRemoveOwn={state.removeOwnComments}
        />
      )}
      {state.commentsSupported && (state.ownComments.length > 0 || state.internalFindings.length > 0) && (
        <OwnComments
          comments={state.ownComments}
          internalFindings={state.internalFindings}
          busy={state.busy}
          language={language}
          strings={strings}
          onAudience={state.setAudience}
        />
      )}
      <Separator />
      <DossierSection
        reference={review.source.dossierReference}
        dossier={review.dossier}
        error={review.dossierError === undefined ? undefined : formatFailure(review.dossierError, language)}
        canLink={props.dossiers !== undefined}
        busy={state.busy}
        language={language}
        strings={strings}
        onLink={state.linkToDossier}
      />
    </Stack>
  );
}

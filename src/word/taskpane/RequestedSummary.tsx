import * as React from 'react';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { CATALOG } from '../../forms/catalog';
import type { RequestedData } from '../../domain/types';
import type { Codebook } from '../../forms/types';
import { interpolate } from '../../domain/i18n/interpolate';
import type { WordPaneStrings } from './strings';

/** Props of {@link RequestedSummary}. */
export interface RequestedSummaryProps {
  readonly requested: RequestedData;
  /** The codebooks loaded for the requested waves; undefined when the pane has no codebook store. */
  readonly codebooks: readonly Codebook[] | undefined;
  /** Why the codebooks could not be loaded, in the pane's language. */
  readonly codebookError: string | undefined;
  readonly strings: WordPaneStrings;
}

const SURVEY_OF: ReadonlyMap<string, string> = new Map(CATALOG.surveys.map((wave) => [wave.id, wave.survey]));

/** `SV-bevraging: 2023-1, 2023-2` per survey, in the order of the waves (catalog order). */
export function surveyLines(waves: readonly string[]): string[] {
  const bySurvey = new Map<string, string[]>();
  for (const wave of waves) {
    const survey = SURVEY_OF.get(wave) ?? wave;
    const short = wave.startsWith(`${survey} `) ? wave.slice(survey.length + 1) : wave;
    bySurvey.set(survey, [...(bySurvey.get(survey) ?? []), short]);
  }
  return [...bySurvey].map(([survey, list]) => (list.length === 1 && list[0] === survey ? survey : `${survey}: ${list.join(', ')}`));
}

/** What the form states is requested, as the product will register it: surveys and waves, variable count, codebooks. */
export function RequestedSummary(props: RequestedSummaryProps): React.ReactElement {
  const { requested, strings } = props;
  const lines = surveyLines(requested.surveys);
  return (
    <Stack tokens={{ childrenGap: 4 }} role="group" aria-label={strings.requestedHeading}>
      <Text as="h2" variant="large">
        {strings.requestedHeading}
      </Text>
      <Text block variant="small">
        {strings.requestedNote}
      </Text>
      <Text block>{strings.requestedSurveys}:</Text>
      {lines.length === 0 ? (
        <Text block styles={{ root: { fontStyle: 'italic' } }}>
          {strings.requestedNoSurveys}
        </Text>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <Text block>
        {strings.requestedVariables}: {requested.variablesCount}
      </Text>
      {props.codebooks !== undefined && props.codebookError === undefined && (
        <Text block>
          {strings.codebooksLabel}: {props.codebooks.length === 0 ? strings.codebooksNone : props.codebooks.map((codebook) => codebook.wave).join(', ')}
        </Text>
      )}
      {props.codebookError !== undefined && <Text block>{interpolate(strings.codebooksFailed, { reason: props.codebookError })}</Text>}
    </Stack>
  );
}

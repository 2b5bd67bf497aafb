import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { stateLabel } from '../../domain/labels';
import type { DossierSummary } from '../../app/wordReview/dossierReviewPort';
import { interpolate } from '../../domain/i18n/interpolate';
import type { WordPaneStrings } from './strings';

/** Props of {@link DossierSection}. */
export interface DossierSectionProps {
  readonly reference: string | undefined;
  readonly dossier: DossierSummary | undefined;
  readonly error: string | undefined;
  /** False when no data layer is configured (then linking is impossible). */
  readonly canLink: boolean;
  readonly busy: boolean;
  readonly language: 'nl' | 'en';
  readonly strings: WordPaneStrings;
  readonly onLink: () => void;
}

/** The dossier the document belongs to, its state, and "Koppelen aan dossier". */
export function DossierSection(props: DossierSectionProps): React.ReactElement {
  const { strings } = props;
  let body: React.ReactNode;
  if (!props.reference) body = <Text>{strings.dossierNone}</Text>;
  else if (props.error) body = <Text>{interpolate(strings.dossierUnavailable, { reason: props.error })}</Text>;
  else if (!props.dossier) body = <Text>{interpolate(strings.dossierNotFound, { reference: props.reference })}</Text>;
  else
    body = (
      <>
        <Text block>
          <strong>{props.dossier.reference}</strong> – {props.dossier.subject}
        </Text>
        <Text block>
          {strings.dossierState}: {stateLabel(props.dossier.state, props.language)}
        </Text>
        <DefaultButton text={strings.linkToDossier} disabled={!props.canLink || props.busy} onClick={props.onLink} />
      </>
    );
  return (
    <section aria-label={strings.dossierHeading}>
      <Stack tokens={{ childrenGap: 6 }}>
        <Text as="h2" variant="large">
          {strings.dossierHeading}
        </Text>
        {body}
      </Stack>
    </section>
  );
}

import * as React from 'react';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { TextField } from '@fluentui/react/lib/TextField';
import { interpolate } from '../../domain/i18n/interpolate';
import type { VariableHit } from '../review/variableSearch';
import type { WordPaneStrings } from './strings';

/** Props of {@link VariableInsert}. */
export interface VariableInsertProps {
  readonly busy: boolean;
  readonly strings: WordPaneStrings;
  readonly search: (query: string) => VariableHit[];
  readonly onInsert: (name: string) => void;
}

/** "Variabele invoegen": a search over the codebooks of the requested waves; each hit adds a variables row. */
export function VariableInsert(props: VariableInsertProps): React.ReactElement {
  const { strings } = props;
  const [query, setQuery] = React.useState('');
  const hits = React.useMemo(() => (query.trim() === '' ? [] : props.search(query)), [query, props.search]);
  return (
    <Stack tokens={{ childrenGap: 6 }} role="group" aria-label={strings.insertVariableHeading}>
      <Text as="h2" variant="large">
        {strings.insertVariableHeading}
      </Text>
      <TextField label={strings.searchVariablesLabel} value={query} onChange={(_, value) => setQuery(value ?? '')} />
      {query.trim() !== '' && hits.length === 0 && <Text block>{strings.searchNoResults}</Text>}
      {hits.length > 0 && (
        <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {hits.map((hit) => (
            <li key={`${hit.wave}:${hit.name}`} style={{ marginBottom: 6 }}>
              <Stack horizontal verticalAlign="center" tokens={{ childrenGap: 8 }}>
                <DefaultButton
                  text={strings.insertVariable}
                  ariaLabel={interpolate(strings.insertVariableAria, { name: hit.name })}
                  disabled={props.busy}
                  onClick={() => props.onInsert(hit.name)}
                />
                <Text>
                  <strong>{hit.name}</strong> {hit.label} <small>({hit.wave}{hit.sensitive ? `, ${strings.sensitiveVariable}` : ''})</small>
                </Text>
              </Stack>
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}

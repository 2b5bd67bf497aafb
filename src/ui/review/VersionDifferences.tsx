import * as React from 'react';
import { Dialog, DialogFooter, DialogType } from '@fluentui/react/lib/Dialog';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import type { Lang } from '../../domain/types';
import type { VersionChoice, VersionRef } from './comparableVersions';
import type { FieldDifference } from '../../forms/diff';
import { NativeSelect } from '../register/NativeSelect';
import { formatText } from '../shared/format';
import { runAsync } from '../shared/runAsync';
import { uiTokens } from '../shared/tokens';
import type { UiStrings } from '../strings';
import { catalogFieldLabel } from './findingText';

/** Props of the per-field differences between two versions of a document. */
export interface VersionDifferencesProps {
  readonly fileName: string;
  /** The versions to choose from, oldest first (`comparableVersions`: earlier drafts in other files, then this file's). */
  readonly versions: readonly VersionChoice[];
  /** Reads both versions and compares them (the host downloads and reads them with the forms engine). */
  readonly onCompare: (before: VersionRef, after: VersionRef) => Promise<readonly FieldDifference[]>;
  readonly onDismiss: () => void;
  /** The user's text for a failure. */
  readonly describeFailure: (error: unknown) => string;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

type DiffState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly before: string; readonly after: string; readonly differences: readonly FieldDifference[] }
  | { readonly status: 'failed'; readonly message: string };

/** The label of a difference's field: a cell names its column (the catalog knows `table.column`). */
function differenceLabel(difference: FieldDifference, lang: Lang): string {
  const label = catalogFieldLabel(difference.fieldId, lang);
  if (!difference.table || label !== difference.fieldId) return label;
  return `${catalogFieldLabel(difference.table, lang)} · ${difference.fieldId}`;
}

/**
 * "Verschillen": the user picks two versions of a document (by default the last two) and sees the
 * per-field differences as a table: field, row, before, after, kind of change.
 */
export function VersionDifferences(props: VersionDifferencesProps): React.ReactElement {
  const { strings, lang, versions } = props;
  const review = strings.review;
  const tokens = uiTokens();
  const [before, setBefore] = React.useState(versions.length > 1 ? versions[versions.length - 2].key : versions[0]?.key ?? '');
  const [after, setAfter] = React.useState(versions[versions.length - 1]?.key ?? '');
  const [state, setState] = React.useState<DiffState>({ status: 'idle' });
  const options = versions.map((version) => ({ key: version.key, text: version.label }));
  const byKey = (key: string): VersionChoice | undefined => versions.find((version) => version.key === key);
  const compare = async (): Promise<void> => {
    const older = byKey(before);
    const newer = byKey(after);
    if (!older || !newer) return;
    setState({ status: 'loading' });
    try {
      const differences = await props.onCompare(older, newer);
      setState({ status: 'ready', before: older.label, after: newer.label, differences });
    } catch (error) {
      setState({ status: 'failed', message: props.describeFailure(error) });
    }
  };
  // The last two versions are what a reviewer compares first: show them at once.
  React.useEffect(() => {
    if (versions.length > 1) runAsync(compare(), (error) => setState({ status: 'failed', message: props.describeFailure(error) }));
    // Only when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const change = { added: review.changeAdded, removed: review.changeRemoved, changed: review.changeChanged };
  const cell: React.CSSProperties = { padding: 6, borderTop: `1px solid ${tokens.border}`, verticalAlign: 'top', whiteSpace: 'pre-wrap' };
  return (
    <Dialog
      hidden={false}
      onDismiss={props.onDismiss}
      dialogContentProps={{ type: DialogType.largeHeader, title: formatText(review.differencesTitle, { fileName: props.fileName }), closeButtonAriaLabel: strings.close }}
      modalProps={{ isBlocking: false }}
      minWidth={720}
      maxWidth={1000}
    >
      <Stack tokens={{ childrenGap: 8 }}>
        <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 12 }}>
          <NativeSelect id="diff-before" label={review.differencesBefore} options={options} value={before} onChange={setBefore} />
          <NativeSelect id="diff-after" label={review.differencesAfter} options={options} value={after} onChange={setAfter} />
          <PrimaryButton text={review.differencesCompare} disabled={state.status === 'loading' || !before || !after}
            onClick={() => runAsync(compare(), (error) => setState({ status: 'failed', message: props.describeFailure(error) }))} />
        </Stack>
        {state.status === 'loading' && <Spinner size={SpinnerSize.small} label={review.differencesLoading} />}
        {state.status === 'failed' && <MessageBar messageBarType={MessageBarType.error}>{formatText(review.differencesFailed, { message: state.message })}</MessageBar>}
        {state.status === 'ready' && (
          <>
            <p style={{ margin: 0 }} data-testid="differences-count">
              {formatText(review.differencesCount, { count: state.differences.length, before: state.before, after: state.after })}
            </p>
            {state.differences.length === 0 ? (
              <p>{review.differencesNone}</p>
            ) : (
              <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label={review.differences}>
                <thead>
                  <tr style={{ textAlign: 'left' }}>
                    <th scope="col" style={{ padding: 6 }}>{review.columnField}</th>
                    <th scope="col" style={{ padding: 6 }}>{review.columnRow}</th>
                    <th scope="col" style={{ padding: 6 }}>{review.columnBefore}</th>
                    <th scope="col" style={{ padding: 6 }}>{review.columnAfter}</th>
                    <th scope="col" style={{ padding: 6 }}>{review.columnChange}</th>
                  </tr>
                </thead>
                <tbody>
                  {state.differences.map((difference, index) => (
                    <tr key={`${difference.fieldId}-${difference.rowIndex ?? ''}-${index}`} data-field-id={difference.fieldId}>
                      <td style={cell}>{differenceLabel(difference, lang)}</td>
                      <td style={cell}>{difference.rowIndex === undefined ? '' : difference.rowIndex + 1}</td>
                      <td style={cell}>{difference.before}</td>
                      <td style={cell}>{difference.after}</td>
                      <td style={cell}>{change[difference.change]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Stack>
      <DialogFooter>
        <DefaultButton text={strings.close} onClick={props.onDismiss} />
      </DialogFooter>
    </Dialog>
  );
}

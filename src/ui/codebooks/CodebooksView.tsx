/**
 * The register's "Codeboeken" view (DPO team and statisticians): the waves that have a codebook, the
 * import of a DDI-Codebook or CSV file (with the wave when the file does not say it), and the search of
 * variables by name or label, sensitive ones marked. Everything goes through the `CodebooksPort` the
 * host gives (the app's `CodebookLibrary`); this component only loads, sends and shows.
 */
import * as React from 'react';
import { PrimaryButton, DefaultButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { TextField } from '@fluentui/react/lib/TextField';
import type { Lang } from '../../domain/types';
import { CATALOG } from '../../forms/catalog';
import { assertCodebookSize } from '../../forms/codebook/decode';
import { NativeSelect } from '../register/NativeSelect';
import { formatDateTime, formatText } from '../shared/format';
import { runAsync } from '../shared/runAsync';
import { uiTokens } from '../shared/tokens';
import type { CodebookHitView, CodebookSummaryView, CodebooksPort, CodebookViewStrings } from './CodebooksView.types';

export type { CodebookHitView, CodebookSummaryView, CodebooksPort, CodebookViewStrings } from './CodebooksView.types';

/** Props of `CodebooksView`. */
export interface CodebooksViewProps {
  readonly port: CodebooksPort;
  /** Reads a chosen file (the web part's `bytesOf`). */
  readonly readFile: (file: File) => Promise<Uint8Array>;
  /** A failure in the user's language (`formatFailure`, which knows the codebook reader's coded errors). */
  readonly describeFailure: (error: unknown) => string;
  readonly lang: Lang;
  readonly strings: CodebookViewStrings;
}

type Status = { readonly kind: 'success' | 'error'; readonly text: string } | undefined;


/** The codebooks of the register: list, import, search. */
export function CodebooksView({ port, readFile, describeFailure, lang, strings }: CodebooksViewProps): React.ReactElement {
  const [summaries, setSummaries] = React.useState<readonly CodebookSummaryView[] | undefined>(undefined);
  const [loadError, setLoadError] = React.useState<string | undefined>(undefined);
  const [file, setFile] = React.useState<File | undefined>(undefined);
  const [wave, setWave] = React.useState('');
  const [importing, setImporting] = React.useState(false);
  const [importStatus, setImportStatus] = React.useState<Status>(undefined);
  const [query, setQuery] = React.useState('');
  const [searchWave, setSearchWave] = React.useState('');
  const [searching, setSearching] = React.useState(false);
  const [hits, setHits] = React.useState<readonly CodebookHitView[] | undefined>(undefined);
  const [searchError, setSearchError] = React.useState<string | undefined>(undefined);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const tokens = uiTokens();
  const cell: React.CSSProperties = { textAlign: 'left', padding: '4px 8px', borderBottom: `1px solid ${tokens.border}`, verticalAlign: 'top' };

  const load = React.useCallback(async (): Promise<void> => {
    setLoadError(undefined);
    try {
      setSummaries(await port.list());
    } catch (error) {
      setLoadError(formatText(strings.loadFailed, { message: describeFailure(error) }));
    }
  }, [port, strings, describeFailure]);

  React.useEffect(() => {
    runAsync(load(), (error) => setLoadError(describeFailure(error)));
  }, [load, describeFailure]);

  const runImport = async (): Promise<void> => {
    if (!file) return;
    setImporting(true);
    setImportStatus(undefined);
    try {
      // Refused by its size before the browser reads it into memory.
      assertCodebookSize(file.size, file.name);
      const imported = await port.import({ fileName: file.name, bytes: await readFile(file) }, wave || undefined);
      const waves = imported.map((summary) => formatText(strings.waveCounts, { wave: summary.wave, count: summary.variableCount, sensitive: summary.sensitiveCount })).join('; ');
      setImportStatus({ kind: 'success', text: formatText(strings.imported, { fileName: file.name, waves }) });
      setFile(undefined);
      if (fileInput.current) fileInput.current.value = '';
      await load();
    } catch (error) {
      setImportStatus({ kind: 'error', text: formatText(strings.importFailed, { message: describeFailure(error) }) });
    } finally {
      setImporting(false);
    }
  };

  const runSearch = async (): Promise<void> => {
    if (query.trim() === '') return;
    setSearching(true);
    setSearchError(undefined);
    try {
      setHits(await port.search(query, searchWave ? [searchWave] : undefined));
    } catch (error) {
      setSearchError(formatText(strings.searchFailed, { message: describeFailure(error) }));
    } finally {
      setSearching(false);
    }
  };

  const catalogWaves = CATALOG.surveys.map((survey) => ({ key: survey.id, text: survey.id }));

  return (
    <Stack tokens={{ childrenGap: 20 }}>
      <section aria-labelledby="codebooks-list-heading">
        <Text as="h2" variant="large" id="codebooks-list-heading" block>{strings.listHeading}</Text>
        {loadError && <MessageBar messageBarType={MessageBarType.error}>{loadError}</MessageBar>}
        {summaries === undefined && !loadError && <Spinner size={SpinnerSize.medium} label={strings.loading} />}
        {summaries !== undefined && summaries.length === 0 && <Text block>{strings.empty}</Text>}
        {summaries !== undefined && summaries.length > 0 && (
          <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-labelledby="codebooks-list-heading">
            <thead>
              <tr>
                {[strings.columnWave, strings.columnVariables, strings.columnSensitive, strings.columnSource, strings.columnImportedAt, strings.columnImportedBy].map((title) => (
                  <th key={title} scope="col" style={cell}>{title}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {summaries.map((summary) => (
                <tr key={summary.wave} data-wave={summary.wave}>
                  <th scope="row" style={{ ...cell, fontWeight: 600 }}>{summary.wave}</th>
                  <td style={cell}>{summary.variableCount}</td>
                  <td style={cell}>{summary.sensitiveCount}</td>
                  <td style={cell}>{summary.sourceFileName}</td>
                  <td style={cell}>{formatDateTime(summary.importedAt, lang)}</td>
                  <td style={cell}>{summary.importedBy ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="codebooks-import-heading">
        <Stack tokens={{ childrenGap: 8 }}>
          <Text as="h2" variant="large" id="codebooks-import-heading" block>{strings.importHeading}</Text>
          <Text block>{strings.importHelp}</Text>
          <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 12 }}>
            <Stack tokens={{ childrenGap: 4 }}>
              <label htmlFor="codebooks-file" style={{ fontWeight: 600 }}>{strings.fileLabel}</label>
              <input
                id="codebooks-file"
                ref={fileInput}
                type="file"
                accept=".xml,.csv,.txt,text/xml,application/xml,text/csv"
                onChange={(event) => {
                  setFile(event.target.files?.[0]);
                  setImportStatus(undefined);
                }}
              />
            </Stack>
            <NativeSelect
              id="codebooks-wave"
              label={strings.waveLabel}
              options={[{ key: '', text: strings.waveFromFile }, ...catalogWaves]}
              value={wave}
              onChange={setWave}
              minWidth={240}
            />
            <PrimaryButton text={importing ? strings.importing : strings.importButton} disabled={!file || importing} onClick={() => runAsync(runImport(), (error) => setImportStatus({ kind: 'error', text: describeFailure(error) }))} />
          </Stack>
          {importing && <Spinner size={SpinnerSize.small} label={strings.importing} />}
          {importStatus && (
            <MessageBar messageBarType={importStatus.kind === 'success' ? MessageBarType.success : MessageBarType.error} role={importStatus.kind === 'error' ? 'alert' : 'status'}>
              {importStatus.text}
            </MessageBar>
          )}
        </Stack>
      </section>

      <section aria-labelledby="codebooks-search-heading">
        <Stack tokens={{ childrenGap: 8 }}>
          <Text as="h2" variant="large" id="codebooks-search-heading" block>{strings.searchHeading}</Text>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              runAsync(runSearch(), (error) => setSearchError(describeFailure(error)));
            }}
          >
            <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 12 }}>
              <TextField label={strings.searchLabel} value={query} onChange={(_, value) => setQuery(value ?? '')} styles={{ root: { minWidth: 260 } }} />
              <NativeSelect
                id="codebooks-search-wave"
                label={strings.searchWaveLabel}
                options={[{ key: '', text: strings.searchAllWaves }, ...(summaries ?? []).map((summary) => ({ key: summary.wave, text: summary.wave }))]}
                value={searchWave}
                onChange={setSearchWave}
                minWidth={240}
              />
              <DefaultButton type="submit" text={strings.searchButton} disabled={searching || query.trim() === ''} />
            </Stack>
          </form>
          {searching && <Spinner size={SpinnerSize.small} label={strings.loading} />}
          {searchError && <MessageBar messageBarType={MessageBarType.error}>{searchError}</MessageBar>}
          {hits !== undefined && !searching && (
            hits.length === 0 ? (
              <Text block role="status">{strings.noHits}</Text>
            ) : (
              <>
                <Text block role="status">{formatText(strings.hitCount, { count: hits.length })}</Text>
                <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label={strings.searchHeading}>
                  <thead>
                    <tr>
                      {[strings.columnName, strings.columnLabel, strings.columnWave].map((title) => <th key={title} scope="col" style={cell}>{title}</th>)}
                    </tr>
                  </thead>
                  <tbody>
                    {hits.map((hit) => (
                      <tr key={`${hit.wave}:${hit.variable.name}`} data-sensitive={hit.variable.sensitive ? 'true' : 'false'}>
                        <th scope="row" style={{ ...cell, fontFamily: 'monospace' }}>
                          {hit.variable.name}
                          {hit.variable.sensitive && (
                            <span style={{ marginLeft: 8, padding: '0 6px', borderRadius: 2, border: `1px solid ${tokens.warning}`, color: tokens.warning, fontFamily: 'inherit', fontSize: 12 }} title={strings.sensitiveHelp}>
                              {strings.sensitiveBadge}
                            </span>
                          )}
                        </th>
                        <td style={cell}>{hit.variable.label}</td>
                        <td style={cell}>{hit.wave}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )
          )}
        </Stack>
      </section>
    </Stack>
  );
}

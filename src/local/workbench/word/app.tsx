/**
 * Browser app of `/workbench/word`: the same task pane as in Word, on the docx form source, next to
 * an HTML rendering of the sample form. "Opmerkingen invoegen" writes into the .docx, which can be
 * downloaded. With a persona signed in, "Koppelen aan dossier" goes through the data layer's Graph
 * stores on the local tenant, exactly as in Word.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { formatFailure } from '../../../app/failures';
import { languageOf } from '../../../domain/i18n/language';
import { checkForm, readForm, requestedDataOfForm } from '../../../forms';
import type { FieldAnchor, FormDocument } from '../../../forms/types';
import { createLocalGraphDossierStore, createLocalWordDossierPort, downloadLocalDossierDocument } from '../../../composition/local';
import { createDocxFormSource } from '../../../word/docx/docxFormSource';
import { readCustomProperty, setCustomProperty } from '../../../word/docx/docxParts';
import { DOSSIER_REFERENCE_PROPERTY } from '../../../app/wordReview/dossierReviewPort';
import type { DossierReviewPort } from '../../../app/wordReview/dossierReviewPort';
import { wordPaneStrings } from '../../../word/taskpane/strings';
import { WordReviewPane } from '../../../word/taskpane/WordReviewPane';
import { anchorKey, FormRendering } from './FormRendering';
import type { WorkbenchPageConfig } from './page';

/** `?lang=en` shows the pane in English, as in Word with an English display language; Dutch otherwise. */
const language = languageOf(new URLSearchParams(window.location.search).get('lang'));

/** "Koppelen aan dossier" needs a signed-in persona and the site; without them the pane works without it. */
function localDossierPort(config: WorkbenchPageConfig): DossierReviewPort | undefined {
  if (!config.sitePath || !config.persona) return undefined;
  return createLocalWordDossierPort({ origin: window.location.origin, persona: config.persona, sitePath: config.sitePath });
}

function isoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function WordWorkbench(props: { initial: Uint8Array; initialForm: FormDocument; config: WorkbenchPageConfig }): React.ReactElement {
  const { config } = props;
  const [form, setForm] = React.useState(props.initialForm);
  const [docx, setDocx] = React.useState(props.initial);
  const [highlighted, setHighlighted] = React.useState<FieldAnchor | undefined>(undefined);
  const [selected, setSelected] = React.useState<FieldAnchor | undefined>(undefined);
  const selectedRef = React.useRef<FieldAnchor | undefined>(undefined);
  selectedRef.current = selected;

  const source = React.useMemo(
    () =>
      createDocxFormSource(props.initial, {
        fileName: config.fileName,
        // Word shows the signed-in user's display name; the workbench does the same (never an e-mail address).
        author: config.personaName ?? 'Werkbank',
        now: () => new Date().toISOString(),
        selection: () => selectedRef.current,
        show: (anchor) => {
          const element = document.querySelector(`[data-anchor="${CSS.escape(anchorKey(anchor))}"]`);
          setHighlighted(anchor);
          if (element) element.scrollIntoView({ block: 'center' });
          return element !== null;
        },
        onChange: (next, nextForm) => {
          setDocx(next);
          setForm(nextForm);
        }
      }),
    // The source owns the document from here on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    []
  );
  const dossiers = React.useMemo(() => localDossierPort(config), [config]);
  const downloadUrl = React.useMemo(() => URL.createObjectURL(new Blob([docx], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })), [docx]);
  React.useEffect(() => () => URL.revokeObjectURL(downloadUrl), [downloadUrl]);

  return (
    <>
      <div style={{ flex: 1, minWidth: 0 }}>
        <p>
          <a href={downloadUrl} download={config.fileName.replace(/\.docx$/, '-beoordeeld.docx')}>
            Geannoteerd document downloaden
          </a>{' '}
          · {form.comments.length} opmerking(en) in het document
        </p>
        <FormRendering form={form} highlighted={highlighted} selected={selected} onSelect={setSelected} />
      </div>
      <aside aria-label="Taakvenster" style={{ width: 360, background: 'white', boxShadow: '0 1px 3px rgba(0,0,0,.2)', position: 'sticky', top: 16, maxHeight: 'calc(100vh - 32px)', overflowY: 'auto' }}>
        <WordReviewPane
          source={source}
          check={checkForm}
          requestedOf={requestedDataOfForm}
          dossiers={dossiers}
          today={() => isoDate(new Date())}
          now={() => new Date().toISOString()}
          language={language}
          strings={wordPaneStrings(language)}
        />
      </aside>
    </>
  );
}

/**
 * In production the library stamps the dossier reference on a stored form. Here the sample gets the
 * first dossier under review in the local register, so "Koppelen aan dossier" has a dossier to show.
 */
async function linkedToADossier(docx: Uint8Array, config: WorkbenchPageConfig): Promise<Uint8Array> {
  const store = config.sitePath && config.persona ? createLocalGraphDossierStore({ origin: window.location.origin, persona: config.persona, sitePath: config.sitePath }) : undefined;
  if (!store || readCustomProperty(docx, DOSSIER_REFERENCE_PROPERTY)) return docx;
  try {
    const page = await store.readRegisterPage({ states: ['underReview'], pageSize: 1 });
    const reference = page.rows[0]?.reference;
    return reference ? setCustomProperty(docx, DOSSIER_REFERENCE_PROPERTY, reference) : docx;
  } catch (error) {
    // The sample still opens without a reachable register (the pane then says it has no dossier);
    // why the register could not be read is said in the browser console, not dropped.
    console.warn(`Werkbank: geen dossier gekoppeld, het register kon niet gelezen worden: ${formatFailure(error, language)}`);
    return docx;
  }
}

/**
 * The document the workbench opens: the dossier's document "Openen in Word" named, from the local
 * library as the signed-in persona (stamped with its dossier reference when the library did not), or
 * else the sample form.
 */
async function workbenchDocument(config: WorkbenchPageConfig): Promise<Uint8Array> {
  if (config.document && config.sitePath) {
    const bytes = await downloadLocalDossierDocument({ origin: window.location.origin, persona: config.persona, sitePath: config.sitePath }, config.document);
    return readCustomProperty(bytes, DOSSIER_REFERENCE_PROPERTY) ? bytes : setCustomProperty(bytes, DOSSIER_REFERENCE_PROPERTY, config.document.reference);
  }
  const response = await fetch(config.sampleUrl);
  if (!response.ok) throw new Error(`${config.sampleUrl}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function main(): Promise<void> {
  const root = document.getElementById('root')!;
  try {
    const config = JSON.parse(document.getElementById('word-workbench-config')?.textContent ?? '{}') as WorkbenchPageConfig;
    const initial = await linkedToADossier(await workbenchDocument(config), config);
    const initialForm = await readForm(initial, config.fileName);
    ReactDom.render(<WordWorkbench initial={initial} initialForm={initialForm} config={config} />, root);
  } catch (error) {
    root.textContent = `De werkbank kon niet starten: ${formatFailure(error, language)}`;
  }
}

void main();

/**
 * Runtime settings of the task pane, written by the packaging script into taskpane.html as
 * `<script type="application/json" id="vsa-word-config">` (from config/word/hosting.json).
 */

/** Settings the Office composition root needs. */
export interface WordAddinConfig {
  /** Entra app (client) id; empty or all zeros = "Koppelen aan dossier" disabled. */
  readonly entraClientId: string;
  readonly authority?: string;
  /** Graph scopes, e.g. `Sites.ReadWrite.All`. */
  readonly graphScopes: readonly string[];
  /** Absolute URL of the SharePoint site holding the dossiers. */
  readonly siteUrl: string;
  /**
   * Base URL of the command service (`https://…/api`); the review is recorded there. Absent = written
   * directly (only where the members still have Contribute on the lists).
   */
  readonly serviceUrl?: string;
  /** Delegated scope of the service's API; default `api://microdata-dossiers/Dossiers.ReadWrite`. */
  readonly serviceScope?: string;
}

/** Id of the script element holding the settings. */
export const CONFIG_ELEMENT_ID = 'vsa-word-config';

const UNSET_CLIENT_ID = /^0{8}-0{4}-0{4}-0{4}-0{12}$/;

/** True when an Entra app is configured (the sample config ships with the all-zero id). */
export function hasEntraApp(config: WordAddinConfig): boolean {
  return config.entraClientId.trim() !== '' && !UNSET_CLIENT_ID.test(config.entraClientId);
}

/** Parses the settings; throws an Error naming what is wrong. */
export function parseWordAddinConfig(json: string): WordAddinConfig {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(json) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`Word add-in settings are not valid JSON: ${(error as Error).message}`);
  }
  const scopes = raw.graphScopes;
  if (typeof raw.entraClientId !== 'string') throw new Error('Word add-in settings: entraClientId is missing');
  if (typeof raw.siteUrl !== 'string' || !/^https?:\/\//.test(raw.siteUrl)) throw new Error('Word add-in settings: siteUrl must be an absolute URL');
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string')) throw new Error('Word add-in settings: graphScopes must be a list of strings');
  const serviceUrl = typeof raw.serviceUrl === 'string' ? raw.serviceUrl.trim().replace(/\/+$/, '') : '';
  if (serviceUrl && !/^https:\/\//.test(serviceUrl)) throw new Error('Word add-in settings: serviceUrl must be an absolute https URL');
  const serviceScope = typeof raw.serviceScope === 'string' && raw.serviceScope.trim() ? raw.serviceScope.trim() : undefined;
  return {
    entraClientId: raw.entraClientId,
    authority: typeof raw.authority === 'string' ? raw.authority : undefined,
    graphScopes: scopes as string[],
    siteUrl: raw.siteUrl.replace(/\/+$/, ''),
    serviceUrl: serviceUrl || undefined,
    serviceScope
  };
}

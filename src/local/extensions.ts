/**
 * Loads the local-tenant extensions other areas write under src/local (workbench pages, intake
 * routes), so `npm start` and tests serve the same set. Each extension is optional: a module that does
 * not exist yet is skipped with a notice; one that fails to load is reported and skipped, so one
 * broken extension never takes the tenant down.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { registerGraphRoute, type GraphRouteModule } from './server/graph-route-registry';

/** One extension: a module path under src/local and what to do once it is loaded. */
export interface LocalExtension {
  /** Path relative to src/local, without extension, e.g. `workbench/register`. */
  readonly path: string;
  /** Dutch-first label for the start-up log. */
  readonly label: string;
  /** Called with the loaded module; modules that register themselves on import need none. */
  readonly activate?: (module: Record<string, unknown>) => void;
}

/** The extensions the product has (pages register themselves on import). */
export const localExtensions: readonly LocalExtension[] = [
  { path: 'workbench/register', label: 'werkbank dossierregister (register workbench)' },
  { path: 'workbench/approvals', label: 'werkbank goedkeuringen (approvals workbench)' },
  { path: 'workbench/word', label: 'werkbank Word (Word workbench)' },
  {
    path: 'mailbox',
    label: 'intake: gedeelde mailbox en PDF-conversie (intake routes)',
    activate: (module) => {
      if (typeof module.registerIntakePages === 'function') (module.registerIntakePages as () => void)();
      if (typeof module.handleIntakeGraphRoute === 'function') registerGraphRoute(module.handleIntakeGraphRoute as GraphRouteModule);
    }
  }
];

/** Result of loading one extension. */
export interface ExtensionResult {
  readonly path: string;
  readonly status: 'loaded' | 'missing' | 'failed';
  readonly message?: string;
}

function moduleExists(path: string): boolean {
  const base = join(__dirname, path);
  return ['.ts', '.tsx', '/index.ts', '/index.tsx', '.js', '/index.js'].some((suffix) => existsSync(`${base}${suffix}`));
}

/**
 * Loads every extension; `load` is the importer (tests inject one). Returns what happened per
 * extension and reports through `log`.
 */
export async function loadLocalExtensions(
  log: (line: string) => void = () => undefined,
  extensions: readonly LocalExtension[] = localExtensions,
  load: (path: string) => Promise<Record<string, unknown>> = (path) => import(`./${path}`) as Promise<Record<string, unknown>>,
  exists: (path: string) => boolean = moduleExists
): Promise<ExtensionResult[]> {
  const results: ExtensionResult[] = [];
  for (const extension of extensions) {
    if (!exists(extension.path)) {
      log(`Extensie ontbreekt nog, overgeslagen: ${extension.label} (src/local/${extension.path})`);
      results.push({ path: extension.path, status: 'missing' });
      continue;
    }
    try {
      // Load first: `activate?.(await load())` would skip the import when there is no activate.
      const module = await load(extension.path);
      extension.activate?.(module);
      log(`Extensie geladen: ${extension.label}`);
      results.push({ path: extension.path, status: 'loaded' });
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      log(`Extensie kon niet laden (failed to load): ${extension.label}: ${message}`);
      results.push({ path: extension.path, status: 'failed', message });
    }
  }
  return results;
}

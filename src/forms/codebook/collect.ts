import type { Codebook, CodebookVariable } from '../types';
import { CodebookImportError } from './errors';
import { WAVE_INDEX } from './waves';

const YES = new Set(['ja', 'yes', 'true', '1', 'j', 'y', 'waar']);
const NO = new Set(['nee', 'no', 'false', '0', 'n', 'onwaar', '']);

/** ja/yes/true/1 → true, nee/no/false/0/empty → false, anything else → undefined (refused by the caller). */
export function parseSensitive(value: string): boolean | undefined {
  const text = value.trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return undefined;
}

/** The key under which names are unique within a wave and found by `find`: case does not count. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/**
 * Gathers the variables of one import per wave, refusing a name that occurs twice in a wave
 * (case-insensitively: statistical packages such as SPSS do not tell `AGE` from `age`, so a form's
 * `age` would be ambiguous).
 */
export class CodebookCollector {
  private readonly waves = new Map<string, { variables: CodebookVariable[]; lines: Map<string, string> }>();
  private count = 0;

  public constructor(private readonly fileName: string) {}

  public get size(): number {
    return this.count;
  }

  public add(wave: string, variable: CodebookVariable, line: string): void {
    let entry = this.waves.get(wave);
    if (!entry) {
      entry = { variables: [], lines: new Map() };
      this.waves.set(wave, entry);
    }
    const key = nameKey(variable.name);
    const firstLine = entry.lines.get(key);
    if (firstLine !== undefined) throw new CodebookImportError('duplicate', this.fileName, { line, variable: variable.name, wave, firstLine });
    entry.lines.set(key, line);
    entry.variables.push(variable);
    this.count++;
  }

  /** One codebook per wave in catalog order; refuses an import without any variable. */
  public codebooks(): Codebook[] {
    if (this.count === 0) throw new CodebookImportError('noVariables', this.fileName);
    return [...this.waves.entries()]
      .sort(([a], [b]) => (WAVE_INDEX.get(a) ?? 0) - (WAVE_INDEX.get(b) ?? 0))
      .map(([wave, entry]) => ({ wave, variables: entry.variables }));
  }
}

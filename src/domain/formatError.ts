import {
  commandLabels,
  correspondenceDirectionLabels,
  correspondenceKindLabels,
  documentKindLabels,
  procedureLabels,
  roleLabels,
  simplifiedReasonLabels,
  stateLabel
} from './labels';
import { messageCatalogs } from './messages';
import { isStateId } from './states';
import type { DomainError, DomainWarning, Lang } from './types';

type LabelTable = Readonly<Record<string, Readonly<Record<Lang, string>>>>;

const labelOf = (table: LabelTable, id: string, lang: Lang): string => table[id]?.[lang] ?? id;

/** Parameters holding ids are shown as labels; lists are comma separated. */
const localizers: Readonly<Record<string, (value: string, lang: Lang) => string>> = {
  command: (v, lang) => labelOf(commandLabels, v, lang),
  state: (v, lang) => (isStateId(v) ? stateLabel(v, lang) : v),
  kind: (v, lang) => labelOf(documentKindLabels, v, lang),
  reason: (v, lang) => labelOf(simplifiedReasonLabels, v, lang),
  procedure: (v, lang) => labelOf(procedureLabels, v, lang),
  roles: (v, lang) => v.split(', ').map((r) => labelOf(roleLabels, r, lang)).join(', '),
  mailKind: (v, lang) => labelOf(correspondenceKindLabels, v, lang),
  direction: (v, lang) => labelOf(correspondenceDirectionLabels, v, lang),
  missing: (v, lang) => v.split(', ').map((k) => labelOf(documentKindLabels, k, lang)).join(', ')
};

/** Renders a refusal or warning in Dutch or English; unknown placeholders stay visible. */
export function formatError(error: DomainError | DomainWarning, lang: Lang): string {
  const template = messageCatalogs[lang][error.code] ?? error.code;
  const params = error.params ?? {};
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = params[name];
    if (value === undefined) return placeholder;
    const localize = localizers[name];
    return localize ? localize(String(value), lang) : String(value);
  });
}

import {
  adviceCriterionLabels,
  adviceOutcomeLabels,
  commandLabels,
  correspondenceDirectionLabels,
  correspondenceKindLabels,
  documentKindLabels,
  findingStatusLabels,
  messageFieldLabel,
  procedureLabels,
  roleLabels,
  simplifiedReasonLabels,
  stateLabel
} from './labels';
import { interpolate } from './i18n/interpolate';
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
  missing: (v, lang) => v.split(', ').map((k) => labelOf(documentKindLabels, k, lang)).join(', '),
  criterion: (v, lang) => labelOf(adviceCriterionLabels, v, lang),
  field: (v, lang) => messageFieldLabel(v, lang),
  status: (v, lang) => labelOf(findingStatusLabels, v, lang),
  from: (v, lang) => labelOf(findingStatusLabels, v, lang),
  to: (v, lang) => labelOf(findingStatusLabels, v, lang),
  // Only the advice's outcome is a parameter ("Een gunstig advies past niet bij …").
  outcome: (v, lang) => labelOf(adviceOutcomeLabels, v, lang).toLowerCase()
};

/** Renders a refusal or warning in Dutch or English; unknown placeholders stay visible. */
export function formatError(error: DomainError | DomainWarning, lang: Lang): string {
  const template = messageCatalogs[lang][error.code] ?? error.code;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(error.params ?? {})) {
    if (value === undefined) continue;
    const localize = localizers[name];
    params[name] = localize ? localize(String(value), lang) : String(value);
  }
  return interpolate(template, params);
}

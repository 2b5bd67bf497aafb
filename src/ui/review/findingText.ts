/**
 * How the review views name a finding: its message in the reader's language, its field, its status.
 * Rules (which findings count, which moves are allowed) come from the domain.
 */
import type { DossierFinding, FindingStatus } from '../../domain/findings';
import { interpolate } from '../../domain/i18n/interpolate';
import type { Lang } from '../../domain/types';
import { getFieldDef } from '../../forms/catalog';
import type { LocalizedText } from '../../forms/types';
import { formatText } from '../shared/format';
import type { ReviewStrings } from './reviewStrings';

/** The forms engine's message catalog (`CHECK_MESSAGES`), when loaded. */
export type MessageCatalog = Readonly<Record<string, LocalizedText>>;

/**
 * The text of a finding for the reader: an automatic finding's message key and parameters rendered in
 * the reader's language from the catalog (the field's label in that language); otherwise, or when the
 * catalog is not loaded or does not know the key, the recorded text.
 */
export function findingMessage(finding: Pick<DossierFinding, 'origin' | 'messageKey' | 'params' | 'text' | 'fieldId'>, lang: Lang, catalog?: MessageCatalog): string {
  const template = finding.origin === 'check' && finding.messageKey ? catalog?.[finding.messageKey] : undefined;
  if (!template) return finding.text;
  const field = finding.fieldId ? getFieldDef(finding.fieldId) : undefined;
  const label = field ? (lang === 'nl' ? field.labelNl : field.labelEn) : finding.fieldId ?? '';
  return interpolate(template[lang], { label, ...(finding.params ?? {}) });
}

/** The label of a catalog field in the reader's language; the id when the catalog does not know it. */
export function catalogFieldLabel(fieldId: string, lang: Lang): string {
  const field = getFieldDef(fieldId);
  if (!field) return fieldId;
  return lang === 'nl' ? field.labelNl : field.labelEn;
}

/** Where a finding sits: the field (and row), a quoted text, or the whole document. */
export function findingPlace(finding: Pick<DossierFinding, 'fieldId' | 'rowIndex' | 'textAnchor'>, lang: Lang, strings: ReviewStrings): string {
  if (finding.fieldId) {
    const label = catalogFieldLabel(finding.fieldId, lang);
    return finding.rowIndex === undefined ? label : `${label}, ${formatText(strings.row, { row: finding.rowIndex + 1 })}`;
  }
  if (finding.textAnchor) return formatText(strings.textAnchor, { anchor: finding.textAnchor });
  return strings.wholeDocument;
}

/** The status in words. */
export function findingStatusLabel(status: FindingStatus, strings: ReviewStrings): string {
  return { open: strings.statusOpen, addressed: strings.statusAddressed, resolved: strings.statusResolved, waived: strings.statusWaived }[status];
}

/** The versions that saw a finding: `versie 1.0` or `versie 1.0 tot 2.0`. */
export function seenVersions(finding: Pick<DossierFinding, 'firstSeenVersion' | 'lastSeenVersion'>, strings: ReviewStrings): string {
  return finding.firstSeenVersion === finding.lastSeenVersion
    ? formatText(strings.seenInVersion, { version: finding.firstSeenVersion })
    : formatText(strings.seenInVersions, { first: finding.firstSeenVersion, last: finding.lastSeenVersion });
}

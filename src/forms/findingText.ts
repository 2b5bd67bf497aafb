/**
 * What a finding says to the requester, in the reader's language: a reviewer's remark as written, an
 * automatic finding's message rendered from its key and parameters. Free of the .docx code, so mails
 * and the panel can use it without loading the Word package reader.
 */
import { interpolate } from '../domain/i18n/interpolate';
import type { DossierFinding, FindingSeverity } from '../domain/findings';
import type { Lang } from '../domain/types';
import { getFieldDef } from './catalog';
import { CHECK_MESSAGES } from './checks/messages';

const SEVERITY: Readonly<Record<Lang, Readonly<Record<FindingSeverity, string>>>> = {
  nl: { blocking: 'Blokkerend', warning: 'Waarschuwing', info: 'Info' },
  en: { blocking: 'Blocking', warning: 'Warning', info: 'Info' }
};

/**
 * The text of a finding as the requester reads it: a reviewer's remark as written; an automatic
 * finding's message rendered in `lang` from its key and parameters (its Dutch text when the key is
 * unknown), after its severity.
 */
export function findingText(finding: DossierFinding, lang: Lang = 'nl'): string {
  return finding.origin === 'check' ? `${SEVERITY[lang][finding.severity]}: ${findingMessage(finding, lang)}` : finding.text;
}

/** A finding's message without severity: the remark, or the automatic message rendered in `lang`. */
export function findingMessage(finding: DossierFinding, lang: Lang = 'nl'): string {
  if (finding.origin !== 'check') return finding.text;
  const template = finding.messageKey ? CHECK_MESSAGES[finding.messageKey] : undefined;
  const def = finding.fieldId ? getFieldDef(finding.fieldId) : undefined;
  const label = (lang === 'nl' ? def?.labelNl : def?.labelEn) ?? finding.fieldId ?? '';
  return template ? interpolate(template[lang], { label, fieldId: finding.fieldId ?? '', ...(finding.params ?? {}) }) : finding.text;
}


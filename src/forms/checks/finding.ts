import { getFieldDef } from '../catalog';
import type { CheckId, DossierCheckId, FieldAnchor, Finding, FormDocument, Severity } from '../types';
import { interpolate } from '../../domain/i18n/interpolate';
import { CHECK_MESSAGES } from './messages';

const DOCUMENT_ANCHOR: FieldAnchor = { kind: 'document' };

/** Builds a finding with its Dutch and English message; the label param is filled per language. */
export function makeFinding(
  checkId: CheckId | DossierCheckId,
  fieldId: string | undefined,
  severity: Severity,
  messageKey: string,
  params: Record<string, string>,
  anchor: FieldAnchor | undefined
): Finding {
  const template = CHECK_MESSAGES[messageKey];
  if (!template) throw new Error(`Unknown message key ${messageKey}`);
  const def = fieldId ? getFieldDef(fieldId) : undefined;
  const all = { ...params, fieldId: fieldId ?? '' };
  return {
    checkId,
    fieldId,
    severity,
    messageKey,
    params: all,
    message: {
      nl: interpolate(template.nl, { label: def?.labelNl ?? fieldId ?? '', ...all }),
      en: interpolate(template.en, { label: def?.labelEn ?? fieldId ?? '', ...all })
    },
    anchor: anchor ?? DOCUMENT_ANCHOR
  };
}

/** The anchor of a field in a form, or the document when the field was not found. */
export function anchorOf(form: FormDocument, fieldId: string): FieldAnchor {
  return form.fields[fieldId]?.anchor ?? DOCUMENT_ANCHOR;
}

/** The filled value of a field ('' when empty, placeholder or absent). */
export function valueOf(form: FormDocument, fieldId: string): string {
  return form.fields[fieldId]?.value ?? '';
}

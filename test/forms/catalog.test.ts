import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { CATALOG, CATALOG_VERSION, CHECK_MESSAGES, CHECKS, checksOfForm, fieldIdsOfForm, FORM_TYPES, getFormDef, isPlaceholderText, rowsFieldIdsOfForm } from '../../src/forms';
import type { CheckId } from '../../src/forms';
import { SIMPLIFIED_REASONS } from '../../src/forms';
import { matchChoice } from '../../src/forms/checks/values';
import { simplifiedReasons, simplifiedReasonLabel } from '../../src/domain';

describe('catalog 2026.2 (data)', () => {
  it('has the version and the five form types', () => {
    expect(CATALOG_VERSION).toBe('2026.2');
    expect(Object.keys(CATALOG.forms).sort()).toEqual([...FORM_TYPES].sort());
  });

  it('lists only known fields in each form, each at most once', () => {
    for (const type of FORM_TYPES) {
      const ids = getFormDef(type).sections.flatMap((section) => section.fieldIds);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(CATALOG.fields[id]).toBeDefined();
    }
  });

  it('gives every field a Dutch and English label and a placeholder, unique labels within a form', () => {
    for (const type of FORM_TYPES) {
      const defs = [...fieldIdsOfForm(type), ...rowsFieldIdsOfForm(type)].map((id) => CATALOG.fields[id]);
      const labels = defs.map((def) => def.labelNl.toLowerCase());
      expect(new Set(labels).size).toBe(labels.length);
      for (const def of defs) {
        expect(def.labelNl).not.toBe('');
        expect(def.labelEn).not.toBe('');
        if (def.kind !== 'rows') {
          expect(def.placeholderNl).not.toBe('');
          expect(isPlaceholderText(def.placeholderNl)).toBe(true);
          expect(isPlaceholderText(def.placeholderEn)).toBe(true);
        } else {
          expect(def.columns?.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('has allowed values for every choice field, and the three research types of the procedure', () => {
    for (const def of Object.values(CATALOG.fields)) {
      if (['choice', 'multiChoice', 'yesNoWithText'].includes(def.kind)) expect(def.allowedValues?.length).toBeGreaterThan(1);
    }
    expect(CATALOG.fields['project.onderzoekstype'].allowedValues?.map((v) => v.value)).toEqual(['statistisch', 'beleidsvoorbereidend', 'wetenschappelijk']);
  });

  it('has a rule for every check id any form uses', () => {
    for (const type of FORM_TYPES) {
      for (const id of checksOfForm(getFormDef(type))) expect(typeof CHECKS[id as CheckId]).toBe('function');
    }
  });

  it('lists SCV 1996–2018, SV-bevraging 2021-1..2026-2 and COVID-19 waves 1–8', () => {
    const ids = CATALOG.surveys.map((s) => s.id);
    expect(ids).toContain('SCV-survey 1996');
    expect(ids).toContain('SCV-survey 2018');
    expect(ids).not.toContain('SCV-survey 2019');
    expect(ids.filter((id) => id.startsWith('SV-bevraging'))).toHaveLength(12);
    expect(ids.filter((id) => id.startsWith('COVID-19'))).toHaveLength(8);
  });

  it('has a message for exactly the keys the code uses (no missing, no unused)', () => {
    const dir = join(__dirname, '..', '..', 'src', 'forms', 'checks');
    const used = new Set<string>();
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts') && name !== 'messages.ts')) {
      for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/'(forms\.check\.[A-Za-z]+)'/g)) used.add(match[1]);
    }
    expect([...used].sort()).toEqual(Object.keys(CHECK_MESSAGES).sort());
    for (const message of Object.values(CHECK_MESSAGES)) {
      expect(message.nl).not.toBe('');
      expect(message.en).not.toBe('');
      expect((message.nl.match(/\{\w+\}/g) ?? []).sort()).toEqual((message.en.match(/\{\w+\}/g) ?? []).sort());
    }
  });
  it('offers exactly the workflow\'s simplified reasons, reachable by workflow id and by label', () => {
    // The form's choice list and the domain's reason ids are two lists; this keeps them one set.
    const matched = simplifiedReasons.map((reason) => matchChoice(reason, SIMPLIFIED_REASONS)?.value);
    expect(matched.every((value) => value !== undefined)).toBe(true);
    expect(new Set(matched).size).toBe(SIMPLIFIED_REASONS.length);
    for (const reason of simplifiedReasons) {
      for (const lang of ['nl', 'en'] as const) {
        expect(matchChoice(simplifiedReasonLabel(reason, lang), SIMPLIFIED_REASONS)).toBe(matchChoice(reason, SIMPLIFIED_REASONS));
      }
    }
  });
});

describe('catalog versions: 2026.2 adds the conditions table', () => {
  it('puts the conditions table in the protocol and the addendum only, never required', async () => {
    const { KNOWN_CATALOG_VERSIONS } = await import('../../src/forms');
    expect(KNOWN_CATALOG_VERSIONS).toEqual(['2026.1', '2026.2']);
    for (const type of FORM_TYPES) expect(rowsFieldIdsOfForm(type).includes('voorwaarden')).toBe(type === 'protocol' || type === 'addendum');
    expect(CATALOG.fields.voorwaarden.requiredWhen).toBe('never');
    for (const column of CATALOG.fields.voorwaarden.columns ?? []) expect(column.requiredWhen).toBe('never');
  });

  it('reads a 2026.1 protocol without a notice, and its empty conditions table asks nothing of the requester', async () => {
    const { checkForm, fillForm, generateTemplate, readForm } = await import('../../src/forms');
    const { sampleValues } = await import('../../src/forms/samples');
    for (const version of ['2026.1', '2026.2']) {
      const form = await readForm(await fillForm(await generateTemplate('protocol', { catalogVersion: version }), sampleValues('protocol')), 'p.docx');
      expect(form.catalogVersion).toBe(version);
      expect(form.notices).toEqual([]);
      const findings = checkForm(form, { phase: 'draft', today: '2026-11-25' });
      expect(findings.filter((finding) => finding.fieldId?.startsWith('voorwaarden') || finding.checkId === 'document')).toEqual([]);
    }
  });
});

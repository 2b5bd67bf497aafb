/**
 * Parity of every catalog of the product: Dutch and English have the same keys, no empty text, and
 * the same `{name}` placeholders. A catalog added without being listed here is a review finding; the
 * last test guards the list against the known catalogs disappearing from it.
 */
import { failureCatalog } from '../../src/app/failures';
import { cliTexts } from '../../src/cli/vsa-forms';
import { signaturesCliTexts } from '../../src/cli/signatures';
import { signatureTexts } from '../../src/domain/signatureTexts';
import { publicationTexts } from '../../src/cli/publication';
import { mailKindLabels, mailMessages } from '../../src/correspondence/labels';
import { mailTemplates } from '../../src/correspondence/templates';
import { signLabels } from '../../src/correspondence/draft';
import { monthNames } from '../../src/correspondence/format';
import { addendumAgreement, defaultSignature, fallbackStatistician } from '../../src/correspondence/params';
import { catalogProblems, labelTableCatalog, type Catalog } from '../../src/domain/i18n';
import {
  commandLabels,
  correspondenceDirectionLabels,
  correspondenceKindLabels,
  documentKindLabels,
  procedureLabels,
  roleLabels,
  simplifiedReasonLabels
} from '../../src/domain/labels';
import { messageCatalogs } from '../../src/domain/messages';
import { decisionOutcomeWords, notificationPolicy, notificationSubject } from '../../src/domain/notifications';
import { stateDefinitions } from '../../src/domain/states';
import { CHECK_MESSAGES } from '../../src/forms/checks/messages';
import { formReadMessages } from '../../src/forms/errors';
import { codebookImportMessages } from '../../src/forms/codebook/errors';
import { registerTexts } from '../../src/publication/labels';
import { intakeListStrings, mailPreviewStrings } from '../../src/ui/correspondence/MailPreview.strings';
import { leadTimeNoteTexts } from '../../src/ui/dashboard/leadTimeNote';
import { wordPaneCatalog } from '../../src/word/taskpane/strings';
import { loadLocStrings } from '../webparts/approvals/support/strings';
import { loadLocale } from '../ui/support/strings';

const stateLabels = Object.fromEntries(stateDefinitions.map((definition) => [definition.id, definition.label]));

/** Every catalog by name. */
const catalogs: Readonly<Record<string, Catalog<unknown>>> = {
  'domain/messages': messageCatalogs,
  'domain/labels states': labelTableCatalog(stateLabels),
  'domain/labels commands': labelTableCatalog(commandLabels),
  'domain/labels correspondence directions': labelTableCatalog(correspondenceDirectionLabels),
  'domain/labels correspondence kinds': labelTableCatalog(correspondenceKindLabels),
  'domain/labels document kinds': labelTableCatalog(documentKindLabels),
  'domain/labels simplified reasons': labelTableCatalog(simplifiedReasonLabels),
  'domain/labels roles': labelTableCatalog(roleLabels),
  'domain/labels procedures': labelTableCatalog(procedureLabels),
  'domain/notifications policy': {
    nl: Object.fromEntries(notificationPolicy.map((rule) => [rule.event, rule.text.nl])),
    en: Object.fromEntries(notificationPolicy.map((rule) => [rule.event, rule.text.en]))
  },
  'domain/notifications subject': notificationSubject,
  'domain/notifications outcomes': decisionOutcomeWords,
  'forms/errors': labelTableCatalog(formReadMessages),
  'forms/codebook/errors': labelTableCatalog(codebookImportMessages),
  'forms/checks/messages': labelTableCatalog(CHECK_MESSAGES),
  'correspondence mail kinds': labelTableCatalog(mailKindLabels),
  'correspondence mail messages': mailMessages,
  'correspondence templates': mailTemplates,
  'correspondence month names': monthNames,
  'correspondence signature': defaultSignature,
  'correspondence addendum agreement': addendumAgreement,
  'correspondence fallback statistician': fallbackStatistician,
  'correspondence documents to sign': signLabels,
  'publication register texts': registerTexts,
  'ui mail preview': mailPreviewStrings,
  'ui intake list': intakeListStrings,
  'ui dashboard lead-time note': leadTimeNoteTexts,
  'word task pane': wordPaneCatalog,
  'app failures': failureCatalog,
  'cli vsa-forms': cliTexts,
  'cli vsa-forms signatures': signaturesCliTexts,
  'domain/signatureTexts': signatureTexts,
  'cli vsa-forms publication': publicationTexts,
  'register web part loc/': { nl: loadLocale('nl-nl'), en: loadLocale('en-us') },
  'approvals web part loc/': { nl: loadLocStrings('nl-nl'), en: loadLocStrings('en-us') }
};

describe('every catalog', () => {
  it.each(Object.keys(catalogs))('%s: nl and en have the same keys and placeholders, no empty text', (name) => {
    expect(catalogProblems(catalogs[name])).toEqual([]);
  });

  it('lists the catalogs it checks, and every one has texts', () => {
    expect(Object.keys(catalogs).length).toBeGreaterThanOrEqual(31);
    for (const catalog of Object.values(catalogs)) expect(Object.keys(catalog.nl as object).length).toBeGreaterThan(0);
  });

  it('uses one placeholder syntax: no `{0}` or `{{name}}` left in any text', () => {
    const texts = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];
    const offending = Object.values(catalogs).flatMap((catalog) => [...texts(catalog.nl), ...texts(catalog.en)]).filter((text) => /\{\d+\}|\{\{/.test(text));
    expect(offending).toEqual([]);
  });
});

describe('catalogProblems (the parity check itself can fail)', () => {
  it('finds a missing key, a different placeholder and an empty text', () => {
    expect(catalogProblems({ nl: { a: 'x {name}', b: 'y', c: 'z' }, en: { a: 'x {naam}', c: ' ' } })).toEqual([
      'a: placeholders {name} (nl) vs {naam} (en)',
      'b: missing in en',
      'c: empty text'
    ]);
    expect(catalogProblems({ nl: { nested: { k: 'x' } }, en: { nested: {} } })).toEqual(['nested.k: missing in en']);
    expect(catalogProblems({ nl: { steps: ['a', 'b'] }, en: { steps: ['a'] } })).toEqual(['steps: 2 vs 1 entries']);
  });
});

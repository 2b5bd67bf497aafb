/**
 * Types of the forms engine: the catalog (fields as data), the form document snapshot the checks
 * read, and the findings they return. Pure data: no XML, no Office, no SharePoint.
 */

/** The five VSA form types (ids are stable contracts, see shared/design/forms.md). */
export type FormType =
  | 'aanvraagformulier'
  | 'verklaringTOM'
  | 'protocol'
  | 'vereenvoudigdAanvraagformulier'
  | 'addendum';

/** All form types, in the order of the procedure. */
export const FORM_TYPES: readonly FormType[] = [
  'aanvraagformulier',
  'verklaringTOM',
  'protocol',
  'vereenvoudigdAanvraagformulier',
  'addendum'
];

/** How a field's value is typed and validated. */
export type FieldKind =
  | 'text'
  | 'multiline'
  | 'email'
  | 'phone'
  | 'date'
  | 'enterpriseNumber'
  | 'choice'
  | 'multiChoice'
  | 'yesNoWithText'
  | 'rows';

/**
 * When a field must be filled, as data:
 * - `always`, `never`;
 * - `signed`: only in the signed phase (signature blocks);
 * - `{ field, includes }`: when the multi-choice field `field` contains `includes`;
 * - `{ field, equals }`: when the field `field` holds `equals` (case-insensitive, first word for yes/no fields).
 */
export type RequiredWhen =
  | 'always'
  | 'never'
  | 'signed'
  | { readonly field: string; readonly includes: string }
  | { readonly field: string; readonly equals: string };

/** One allowed value of a choice field; `value` is what the document holds (Dutch). */
export interface ChoiceOption {
  readonly value: string;
  readonly labelNl: string;
  readonly labelEn: string;
  /** Other spellings accepted as this value (English, abbreviations). */
  readonly aliases?: readonly string[];
}

/** Ids of the single-form checks (see src/forms/checks). */
export type CheckId =
  | 'required'
  | 'allowedValue'
  | 'enterpriseNumber'
  | 'email'
  | 'phone'
  | 'date'
  | 'dateOrder'
  | 'retention'
  | 'survey'
  | 'variableJustification'
  | 'eligibility'
  | 'transferOutsideEea'
  | 'linking'
  | 'publicationRules'
  | 'simplifiedReasons'
  | 'protocolNumber'
  | 'signatureDraft'
  | 'mandate'
  | 'document'
  | 'codebook'
  | 'scopeChange';

/** Ids of the checks across the forms of one dossier. */
export type DossierCheckId = 'dossierSameValue' | 'dossierKnownProtocol';

/** One field of the catalog. Column fields of a `rows` field are fields too. */
export interface FieldDef {
  readonly id: string;
  readonly labelNl: string;
  readonly labelEn: string;
  readonly kind: FieldKind;
  readonly requiredWhen: RequiredWhen;
  readonly allowedValues?: readonly ChoiceOption[];
  readonly placeholderNl: string;
  readonly placeholderEn: string;
  /** Short Dutch guidance printed under the label in the template. */
  readonly helpNl?: string;
  /** Checks that look at this field (besides `required`, which applies to every field). */
  readonly checks: readonly CheckId[];
  /** For `rows`: the column fields, in column order. */
  readonly columns?: readonly FieldDef[];
  /** Part of a signature block: must stay empty in drafts. */
  readonly signature?: boolean;
  /** Compared across the forms of a dossier (same id, same value). */
  readonly sameAcrossDossier?: boolean;
}

/** A section of a form: a heading, Dutch explanation, and its fields (as a two-column table). */
export interface SectionDef {
  readonly headingNl: string;
  readonly headingEn: string;
  readonly introNl?: string;
  readonly fieldIds: readonly string[];
  /** Rendered as a signature block rather than a plain field table. */
  readonly signatureBlock?: boolean;
}

/** One form type of the catalog. */
export interface FormDef {
  readonly type: FormType;
  readonly titleNl: string;
  readonly titleEn: string;
  readonly introNl: string;
  readonly sections: readonly SectionDef[];
  /** Form-level checks that run for this form type (field checks come from the fields). */
  readonly checks: readonly CheckId[];
  /** Per-form overrides of a shared field's `requiredWhen` (e.g. variables only for added variables). */
  readonly requiredWhen?: Readonly<Record<string, RequiredWhen>>;
}

/** A survey wave or year that may be requested. */
export interface SurveyWave {
  /** Canonical text, e.g. `SV-bevraging 2023-2`, `COVID-19-bevraging golf 3`, `SCV-survey 2004`. */
  readonly id: string;
  readonly survey: 'SV-bevraging' | 'COVID-19-bevraging' | 'SCV-survey';
  readonly labelNl: string;
}

/** The whole catalog, versioned. */
export interface Catalog {
  readonly version: string;
  readonly fields: Readonly<Record<string, FieldDef>>;
  readonly forms: Readonly<Record<FormType, FormDef>>;
  readonly surveys: readonly SurveyWave[];
}

/** How the reader found a field. */
export type ReadVia = 'contentControl' | 'tableLabel' | 'paragraphLabel';

/**
 * Where a field (or finding) sits in the document. Works for the docx annotator and for the Word
 * add-in: content controls by tag + occurrence (`contentControls.getByTag(tag).items[occurrence]`),
 * or by title when a re-save dropped the tag (`getByTitle(title)`),
 * label cells and paragraphs by index (document order) and label text (for `body.search`).
 */
export type FieldAnchor =
  | { readonly kind: 'contentControl'; readonly tag: string; readonly occurrence: number }
  | { readonly kind: 'contentControlTitle'; readonly title: string; readonly occurrence: number }
  | {
      readonly kind: 'tableCell';
      readonly tableIndex: number;
      readonly rowIndex: number;
      readonly cellIndex: number;
      readonly label: string;
    }
  | { readonly kind: 'paragraph'; readonly paragraphIndex: number; readonly label: string }
  | { readonly kind: 'document' };

/** One field value as read from a document. */
export interface FormFieldValue {
  readonly fieldId: string;
  /** Text as the reader sees it, trimmed; '' when empty or placeholder. */
  readonly value: string;
  /** The control (or cell) still shows placeholder text: counts as empty. */
  readonly isPlaceholder: boolean;
  readonly readVia: ReadVia;
  readonly anchor: FieldAnchor;
}

/** One row of a repeating table, keyed by column field id. */
export type FormRow = Readonly<Record<string, FormFieldValue>>;

/** Something the reader noticed about the file itself. */
export type ReadNoticeCode =
  | 'macroEnabled'
  | 'unknownCatalogVersion'
  | 'missingCatalogVersion'
  | 'unknownFormType'
  | 'readByLabel';

/** A notice from the reader, turned into a finding by the `document` check. */
export interface ReadNotice {
  readonly code: ReadNoticeCode;
  readonly params: Readonly<Record<string, string>>;
}

/** A Word comment already present in the document, with the field it is anchored on (if any). */
export interface FormComment {
  readonly id: number;
  readonly author: string;
  readonly date: string;
  readonly text: string;
  readonly fieldId?: string;
}

/** The plain snapshot of a filled form that every check reads. */
export interface FormDocument {
  readonly fileName: string;
  readonly formType: FormType | undefined;
  readonly catalogVersion: string | undefined;
  /** Single fields by id (the first occurrence when a field occurs twice). */
  readonly fields: Readonly<Record<string, FormFieldValue>>;
  /** Repeating tables by rows field id (`variabelen`, `ontvangers`), non-empty rows only. */
  readonly rows: Readonly<Record<string, readonly FormRow[]>>;
  readonly notices: readonly ReadNotice[];
  readonly comments: readonly FormComment[];
}

/** Severity of a finding. */
export type Severity = 'blocking' | 'warning' | 'info';

/** A message in both languages (Dutch first). */
export interface LocalizedText {
  readonly nl: string;
  readonly en: string;
}

/** One result of a check. */
export interface Finding {
  readonly checkId: CheckId | DossierCheckId;
  /** The field the finding is about; undefined for findings about the whole document. */
  readonly fieldId: string | undefined;
  readonly severity: Severity;
  /** Translation key, e.g. `forms.check.required`. */
  readonly messageKey: string;
  readonly params: Readonly<Record<string, string>>;
  readonly message: LocalizedText;
  readonly anchor: FieldAnchor;
  /** For dossier-level findings: the file the finding is about. */
  readonly fileName?: string;
  /** Replacement values the reviewer may apply (e.g. the nearest codebook names), best first, at most three. */
  readonly suggestions?: readonly string[];
}

/** The phase of the dossier the forms are checked for. */
export type FormPhase = 'draft' | 'signed';

/** Everything a check may know besides the form: passed in, never looked up. */
export interface CheckContext {
  readonly phase: FormPhase;
  /** Today as ISO date (yyyy-mm-dd); checks never read the clock. */
  readonly today: string;
  /** Protocol numbers the dossier chain knows (published/delivered protocols). */
  readonly knownProtocolNumbers?: readonly string[];
  /** The dossier holds a mandate (volmacht) document. */
  readonly hasMandateDocument?: boolean;
  /**
   * Codebooks of the survey waves the caller knows (any waves; the check picks the requested ones).
   * Absent or empty: the variable checks behave as without codebooks.
   */
  readonly codebooks?: readonly Codebook[];
  /** For a simplified form: the scope in force of the protocol it builds on (`protocolScope` in the domain). */
  readonly scopeInForce?: ScopeFacts;
}

/** One variable of a survey wave's codebook. */
export interface CodebookVariable {
  /** The variable's name as in the data files (`inkomen_huishouden`); unique within a wave. */
  readonly name: string;
  readonly label: string;
  /** Special categories of personal data (GDPR art. 9: health, origin, religion, ...). */
  readonly sensitive: boolean;
  /** Value labels, when the source gives them. */
  readonly categories?: readonly { readonly value: string; readonly label: string }[];
}

/** The codebook of one survey wave (`wave`: a catalog wave id such as `SV-bevraging 2023-1`). */
export interface Codebook {
  readonly wave: string;
  readonly variables: readonly CodebookVariable[];
}

/** What a simplified form is checked against: the protocol's scope in force, as plain facts. */
export interface ScopeFacts {
  readonly protocolNumber: string;
  readonly endDate?: string;
  /** Variable names in force (protocol plus countersigned addenda). */
  readonly variables: readonly string[];
  readonly purposes: readonly string[];
  readonly surveys: readonly string[];
  readonly institution?: { readonly name: string; readonly enterpriseNumber?: string };
}

/** Values to fill a template with: single fields by id, repeating rows by rows field id. */
export interface FormValues {
  readonly fields?: Readonly<Record<string, string>>;
  readonly rows?: Readonly<Record<string, ReadonlyArray<Readonly<Record<string, string>>>>>;
}

/** A reviewer's free comment, anchored on a field (or the document when fieldId is undefined). */
export interface ReviewComment {
  readonly fieldId: string | undefined;
  readonly text: string;
  /** For row fields: which occurrence of the column control (0-based). */
  readonly occurrence?: number;
  /** Where to anchor, when the caller already has it (from `FormDocument.fields[id].anchor`). */
  readonly anchor?: FieldAnchor;
}

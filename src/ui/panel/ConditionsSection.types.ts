/** Every visible and aria text of the conditions' follow-up (panel section and register filter). */
export interface ConditionsStrings {
  /** The panel tab: `Voorwaarden ({open})`-style headers are built by the panel from `tab` and the counts. */
  readonly tab: string;
  readonly empty: string;
  /** `{open}`, `{total}`. */
  readonly summary: string;
  /** `{count}`. */
  readonly overdueSummary: string;
  readonly category: string;
  readonly owner: string;
  readonly dueDate: string;
  readonly noDueDate: string;
  readonly status: string;
  readonly statusOpen: string;
  readonly statusMet: string;
  /** The overdue flag of an open condition whose due date has passed. */
  readonly overdue: string;
  /** A condition that stays out of the public register. */
  readonly personal: string;
  /** `{when}`, `{who}`, `{evidence}`. */
  readonly metBy: string;
  /** The button that opens the evidence box. */
  readonly markMet: string;
  readonly evidenceLabel: string;
  readonly evidenceHelp: string;
  readonly confirmMet: string;
  readonly cancel: string;
  readonly saving: string;
  /** The register filter. */
  readonly filterConditions: string;
  /** The register column shown with the filter. */
  readonly columnConditions: string;
  /** `{count}`. */
  readonly openCount: string;
}

/** Strings of the review loop's views: findings tab, version differences, dialog parts, dashboard section. */
export interface ReviewStrings {
  readonly tabFindings: string;
  /** `{handled} van {total} opmerkingen verwerkt`. */
  readonly progress: string;
  /** `{addressed} aangepast, te bevestigen`. */
  readonly progressAddressed: string;
  readonly noFindings: string;
  readonly unreadableVersion: string;
  readonly unreadableVersionDetail: string;
  readonly notAddressedHeading: string;
  readonly notAddressedHelp: string;
  readonly allFindingsHeading: string;
  readonly originCheck: string;
  /** `Opmerking van {name}`. */
  readonly originReviewer: string;
  readonly audienceRequester: string;
  readonly audienceInternal: string;
  readonly statusOpen: string;
  readonly statusAddressed: string;
  readonly statusResolved: string;
  readonly statusWaived: string;
  /** `versie {version}`. */
  readonly seenInVersion: string;
  /** `versie {first} tot {last}`. */
  readonly seenInVersions: string;
  readonly waivedReason: string;
  readonly wholeDocument: string;
  readonly textAnchor: string;
  readonly row: string;
  readonly confirm: string;
  readonly reopen: string;
  readonly waive: string;
  readonly waiveReason: string;
  readonly findingConflict: string;
  readonly addHeading: string;
  readonly addKind: string;
  readonly addField: string;
  readonly addFieldNone: string;
  readonly addAnchor: string;
  readonly addText: string;
  readonly addAudience: string;
  readonly addSeverity: string;
  readonly addSubmit: string;
  readonly added: string;
  readonly differences: string;
  readonly differencesTitle: string;
  readonly differencesBefore: string;
  readonly differencesAfter: string;
  readonly differencesCompare: string;
  readonly differencesLoading: string;
  readonly differencesNone: string;
  readonly differencesFailed: string;
  readonly differencesCount: string;
  readonly columnField: string;
  readonly columnRow: string;
  readonly columnBefore: string;
  readonly columnAfter: string;
  readonly columnChange: string;
  readonly changeAdded: string;
  readonly changeRemoved: string;
  readonly changeChanged: string;
  readonly returnFindingsHeading: string;
  readonly returnNoFindings: string;
  readonly returnExtraRemarks: string;
  readonly deliberationFindingsHeading: string;
  readonly deliberationFindingsHelp: string;
  readonly overrideFindingReason: string;
  readonly blocksDeliberation: string;
  readonly dashboardHeading: string;
  readonly dashboardRounds: string;
  readonly dashboardOpenRequester: string;
  readonly dashboardMedianReturn: string;
  readonly dashboardMedianNone: string;
  readonly dashboardNone: string;
  /** The button that loads the dossiers in review in full (rounds and open findings are not register columns). */
  readonly dashboardLoad: string;
}

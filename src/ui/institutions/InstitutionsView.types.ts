/**
 * What the "Instellingen" view shows and asks, in its own terms (the ui ring imports no app or data
 * types): the app's `RegisterInstitutions` and `InstitutionVersion` fit these shapes. The records are the
 * domain's `Institution`.
 */
import type { Institution } from '../../domain/institutions';

/** One version of an institution (newest first in a history). */
export interface InstitutionVersionView {
  readonly label: string;
  readonly modified: string;
  readonly modifiedBy?: string;
  readonly current: boolean;
  readonly institution: Institution;
}

/** What the view calls: list, save (id `''` adds), history. */
export interface InstitutionsPort {
  list(): Promise<readonly Institution[]>;
  save(institution: Institution): Promise<Institution>;
  history(id: string): Promise<readonly InstitutionVersionView[]>;
}

/** The view's strings (`UiStrings.institutions`), Dutch first. */
export interface InstitutionViewStrings {
  readonly listHeading: string;
  readonly loading: string;
  readonly loadFailed: string;
  readonly empty: string;
  readonly searchLabel: string;
  readonly noMatches: string;
  readonly addButton: string;
  readonly columnName: string;
  readonly columnNumber: string;
  readonly columnKind: string;
  readonly columnSignatories: string;
  readonly columnDpo: string;
  readonly columnModified: string;
  readonly modifiedBy: string;
  readonly editButton: string;
  readonly editAria: string;
  readonly historyButton: string;
  readonly historyAria: string;
  readonly kindOverheidsdienst: string;
  readonly kindOnderzoeksinstelling: string;
  readonly kindAndere: string;
  readonly capacityController: string;
  readonly capacityRepresentative: string;
  readonly newHeading: string;
  readonly editHeading: string;
  readonly fieldName: string;
  readonly fieldNumber: string;
  readonly fieldNumberHelp: string;
  readonly fieldKind: string;
  readonly signatoriesHeading: string;
  readonly signatoryName: string;
  readonly signatoryCapacity: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly addSignatory: string;
  readonly removeSignatory: string;
  readonly noSignatories: string;
  readonly mandatesHeading: string;
  readonly mandatedPerson: string;
  readonly mandateDocument: string;
  readonly mandateScope: string;
  readonly addMandate: string;
  readonly removeMandate: string;
  readonly noMandates: string;
  readonly dpoHeading: string;
  readonly dpoName: string;
  readonly dpoEmail: string;
  readonly save: string;
  readonly saving: string;
  readonly cancel: string;
  readonly saved: string;
  readonly saveFailed: string;
  readonly reload: string;
  readonly problemsIntro: string;
  /** A signatory row's field: `{label} (ondertekenaar {position})`. */
  readonly signatoryRow: string;
  /** A mandate row's field: `{label} (volmacht {position})`. */
  readonly mandateRow: string;
  readonly historyHeading: string;
  readonly historyLoading: string;
  readonly historyFailed: string;
  readonly historyEmpty: string;
  readonly versionLine: string;
  readonly versionCurrent: string;
  readonly versionCreated: string;
  readonly versionChanged: string;
  readonly closeHistory: string;
}

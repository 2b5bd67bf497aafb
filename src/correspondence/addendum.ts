/**
 * The addendum the DPO team sends for signature in step 4 of the simplified procedure, filled by the
 * product instead of the blank template: the existing protocol (number and countersignature date),
 * the institution, the project and the approved changes of the simplified form. Pure: the send service
 * looks up the parent protocol's dossier and fills the template with these values.
 */
import type { Dossier, IsoDate, IsoDateTime, RequestedVariable, SimplifiedReason } from '../domain/types';
import { isValidEnterpriseNumber, normalizeEnterpriseNumber } from '../forms/checks/enterpriseNumber';
import type { FormValues } from '../forms/types';
import { conditionsFormValues } from './conditions';
import { formatLongDate } from './format';

/** What the addendum needs of the parent protocol's dossier. */
export type ParentProtocolFacts = Pick<Dossier, 'protocolNumber' | 'countersignedAt'>;

/** The reasons in the order the simplified form lists them (and the addendum states the changes). */
const REASON_ORDER: readonly SimplifiedReason[] = ['extension', 'addVariables', 'newPurposes', 'identityChange'];

/** `dd/mm/yyyy`, the form's date format (what the date check and the reader accept). */
export function formDate(value: IsoDate | IsoDateTime | undefined): string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/** `0123.456.789` for a valid enterprise number; '' otherwise (a wrong number is not copied into an agreement). */
export function formEnterpriseNumber(value: string | undefined): string {
  if (!value || !isValidEnterpriseNumber(value)) return '';
  const digits = normalizeEnterpriseNumber(value);
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

const variableLine = (variable: RequestedVariable): string => {
  const justification = variable.justification.trim().replace(/\s*\n\s*/g, ' ');
  return justification ? `- ${variable.name}: ${justification}` : `- ${variable.name}`;
};

/** One paragraph (lines joined by `\n`) per approved change, in Dutch: the language of the agreement. */
function changeParagraphs(dossier: Dossier): string[] {
  const requested = dossier.requestedData;
  const changes = requested?.changes;
  const given = new Set<SimplifiedReason>(changes?.reasons.length ? changes.reasons : dossier.simplifiedReasons);
  const paragraphs: string[] = [];
  for (const reason of REASON_ORDER.filter((item) => given.has(item))) {
    switch (reason) {
      case 'extension':
        paragraphs.push(
          changes?.newEndDate
            ? `Verlenging: de einddatum van het protocol wordt ${formatLongDate(changes.newEndDate, 'nl')}.`
            : 'Verlenging van de looptijd van het protocol.'
        );
        break;
      case 'addVariables': {
        const variables = (requested?.variables ?? []).filter((variable) => variable.name.trim() !== '');
        paragraphs.push(
          variables.length > 0
            ? ['Toevoeging van de volgende variabelen, met hun verantwoording:', ...variables.map(variableLine)].join('\n')
            : 'Toevoeging van variabelen.'
        );
        break;
      }
      case 'newPurposes': {
        const lines = [changes?.newPurposes ? `Nieuwe doeleinden: ${changes.newPurposes.trim()}` : 'Nieuwe doeleinden.'];
        if (changes?.purposeRelation) lines.push(`Verband met de eerdere doeleinden: ${changes.purposeRelation.trim()}`);
        paragraphs.push(lines.join('\n'));
        break;
      }
      case 'identityChange': {
        const identity = changes?.newIdentity;
        const number = formEnterpriseNumber(identity?.enterpriseNumber);
        paragraphs.push(
          identity
            ? `Wijziging van de identiteit van de instelling: nieuwe naam ${identity.name.trim()}${number ? `, ondernemingsnummer ${number}` : ''}.`
            : 'Wijziging van de identiteit van de instelling.'
        );
        break;
      }
    }
  }
  return paragraphs;
}

const isApproval = (dossier: Dossier): boolean => dossier.decision?.outcome === 'approved' || dossier.decision?.outcome === 'approvedWithConditions';

/**
 * The values of the addendum for an approved simplified dossier. `parent` is the dossier that produced
 * the protocol (its countersignature date is the protocol's date); without it the date stays empty and
 * the addendum's checks say so. The effective date is the Chief Statistician's decision date (see
 * docs/decisions/documents.md). The conditions table holds the decision's conditions ("Geen bijzondere
 * voorwaarden" when there are none). Signatures stay empty: the requester and the VSA sign.
 */
export function addendumValues(dossier: Dossier, parent?: ParentProtocolFacts): FormValues {
  const institution = dossier.requestedData?.institution;
  const fields: Record<string, string> = {
    'bestaandProtocol.nummer': dossier.parentProtocolNumber ?? parent?.protocolNumber ?? '',
    'bestaandProtocol.datum': formDate(parent?.countersignedAt),
    'aanvrager.instelling': institution?.name ?? dossier.requester.institution ?? '',
    'aanvrager.kbo': formEnterpriseNumber(institution?.enterpriseNumber ?? dossier.requester.kbo),
    'project.titel': dossier.project?.title ?? dossier.subject,
    'addendum.wijzigingen': changeParagraphs(dossier).join('\n'),
    'addendum.ingangsdatum': isApproval(dossier) ? formDate(dossier.decision?.at) : ''
  };
  // Empty values keep the template's placeholder (fillForm), so a missing fact shows as unfilled.
  return { fields: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== '')), ...conditionsFormValues(dossier) };
}

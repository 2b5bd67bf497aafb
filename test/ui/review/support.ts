/** Findings of a dossier whose application form arrived in a second version (the panel's tests); versions are the review loop's draft numbers. */
import type { DossierFinding } from '../../../src/domain/findings';
import type { Dossier } from '../../../src/domain/types';

const by = { id: 'an.peeters@vsa.example', displayName: 'An Peeters' };
const at = '2026-10-02T09:00:00.000Z';

/** A finding with defaults; the history matches the status. */
export function finding(id: string, overrides: Partial<DossierFinding> = {}): DossierFinding {
  const status = overrides.status ?? 'open';
  return {
    id, documentKind: 'aanvraagformulier', fieldId: 'project.titel', origin: 'reviewer', text: `Opmerking ${id}`, author: by,
    audience: 'requester', severity: 'warning', firstSeenVersion: '1', lastSeenVersion: '2', status, createdAt: at,
    history: [{ status: 'open', at, by }, ...(status === 'open' ? [] : [{ status, at, by }])], revision: status === 'open' ? 1 : 2,
    ...overrides
  };
}

/** Seven remarks (3 handled), one automatic finding, two documents. */
export const reviewFindings: readonly DossierFinding[] = [
  finding('r1', { status: 'addressed', fieldId: 'project.titel' }),
  finding('r2', { status: 'addressed', fieldId: 'project.doeleinden' }),
  finding('r3', { status: 'resolved', fieldId: 'project.rechtsgrond', lastSeenVersion: '1' }),
  finding('r4', { fieldId: 'project.noodzakelijkheid', text: 'Motiveer waarom individuele gegevens nodig zijn.' }),
  finding('r5', { fieldId: 'contact.email', audience: 'internal', text: 'Intern: controleer de DPO van de instelling.' }),
  finding('r6', { fieldId: undefined, textAnchor: 'de gegevens worden gedeeld', firstSeenVersion: '2' }),
  finding('r7', { documentKind: 'verklaringTOM', fieldId: undefined, lastSeenVersion: '1' }),
  finding('check:aanvraagformulier:required:project.einddatum', {
    origin: 'check', fieldId: 'project.einddatum', checkId: 'required', messageKey: 'forms.check.required', params: {},
    text: '"Einddatum project" is niet ingevuld.', severity: 'blocking', author: { id: 'system', displayName: 'Controle' }
  })
];

/** The dossier part the findings tab reads. */
export function reviewDossier(findings: readonly DossierFinding[] = reviewFindings, unreadable = false): Pick<Dossier, 'findings' | 'unreadableVersions' | 'documents'> {
  const registeredBy = by;
  return {
    findings,
    unreadableVersions: unreadable ? [{ documentKind: 'aanvraagformulier', documentId: 'd1', version: '2', at }] : [],
    documents: [
      { id: 'd1', kind: 'aanvraagformulier', fileName: 'aanvraag.docx', version: '1.0', phase: 'draft', registeredAt: at, registeredBy, superseded: true },
      { id: 'd1', kind: 'aanvraagformulier', fileName: 'aanvraag.docx', version: '2.0', phase: 'draft', registeredAt: at, registeredBy, superseded: false },
      { id: 'd2', kind: 'verklaringTOM', fileName: 'tom.docx', version: '1.0', phase: 'draft', registeredAt: at, registeredBy, superseded: false }
    ]
  };
}

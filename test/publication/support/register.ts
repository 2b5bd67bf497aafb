import type { Dossier } from '../../../src/domain';
import { buildDossier } from '../../correspondence/support/dossiers';

/**
 * Dossiers for the register tests: two published protocols (one delivered), an extension addendum on
 * the first, a dossier still under way, a withdrawn one after publication, and one with hostile text.
 */
export function registerDossiers(): Dossier[] {
  const first = buildDossier({ reference: 'VSA-2026-0001', upTo: 'delivered', protocolNumber: 'PROT-2026-001', endDate: '2027-02-28', title: 'Welzijn in Vlaanderen' }).dossier;
  const second = buildDossier({ reference: 'VSA-2026-0002', upTo: 'published', protocolNumber: 'PROT-2026-002', endDate: '2028-12-31', title: 'Mobiliteit & "pendel" <2026>', institution: '=HYPERLINK("http://evil.example")', startDay: 20 }).dossier;
  const addendum = buildDossier({ reference: 'VSA-2026-0003', upTo: 'published', parent: { number: 'PROT-2026-001', dossierReference: 'VSA-2026-0001' }, addendumNumber: 'PROT-2026-001/A1', endDate: '2028-02-29', startDay: 40 }).dossier;
  const underWay = buildDossier({ reference: 'VSA-2026-0004', upTo: 'underReview', startDay: 60 }).dossier;
  const signedOnly = buildDossier({ reference: 'VSA-2026-0005', upTo: 'signed', protocolNumber: 'PROT-2026-003', startDay: 70 }).dossier;
  return [first, second, addendum, underWay, signedOnly];
}

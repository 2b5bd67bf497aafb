import { nextAddendumNumber, nextDossierReference, nextProtocolNumber, parseAddendumNumber } from '../domain/numbering';
import type { Dossier, ParentProtocolRef } from '../domain/types';
import type { DossierStore } from './ports';

/**
 * Facts the shell looks up before a command (numbers, the parent protocol): the domain takes them as
 * plain data in the command. Numbers are computed from what the register holds now; the If-Match on
 * the dossier and the unique reference check catch the rare collision.
 */
export class DossierLookups {
  public constructor(private readonly dossiers: DossierStore) {}

  /** The next free dossier reference of the year, e.g. `VSA-2026-0042`. */
  public async nextReference(year: number): Promise<string> {
    return nextDossierReference(await this.dossiers.referencesStartingWith(`VSA-${year}-`), year);
  }

  /** The number a countersignature gives this dossier: a protocol number or an addendum number. */
  public async nextNumberFor(dossier: Dossier, year: number): Promise<string> {
    if (dossier.procedure === 'simplified' && dossier.parentProtocolNumber) {
      const rows = await this.dossiers.rowsByProtocolNumber(dossier.parentProtocolNumber);
      const addenda = rows.map((row) => row.addendumNumber).filter((n): n is string => n !== undefined && parseAddendumNumber(n) !== undefined);
      return nextAddendumNumber(dossier.parentProtocolNumber, addenda);
    }
    return nextProtocolNumber(await this.dossiers.protocolNumbersStartingWith(`PROT-${year}-`), year);
  }

  /** The dossier that produced a protocol, as `requestForms` needs it; undefined when unknown. */
  public async parentProtocol(protocolNumber: string): Promise<ParentProtocolRef | undefined> {
    const rows = await this.dossiers.rowsByProtocolNumber(protocolNumber);
    const parent = rows.find((row) => row.protocolNumber === protocolNumber);
    return parent ? { number: protocolNumber, dossierReference: parent.reference, state: parent.state } : undefined;
  }
}

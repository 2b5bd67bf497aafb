import { nextAddendumNumber, nextDossierReference, nextProtocolNumber, parseAddendumNumber } from '../domain/numbering';
import type { Command } from '../domain/commands';
import type { DecideFacts } from '../domain/guards/context';
import { isFinalState } from '../domain/states';
import { workflowTable } from '../domain/workflowTable';
import { addressesOfDossier, normalizeAddress, sameInstitution } from '../domain/rules/sender';
import type { Dossier, ParentProtocolRef } from '../domain/types';
import { hasDataErrorCode } from './errors';
import type { DossierStore } from './ports';

/** How many dossiers of one institution the sender rule reads at most (the register's largest page). */
const institutionDossierLimit = 500;

/**
 * Facts the shell looks up before a command (numbers, the parent protocol): the domain takes them as
 * plain data in the command. Numbers are computed from what the register holds now; the If-Match on
 * the dossier and the unique reference check catch the rare collision.
 */
export class DossierLookups {
  /**
   * `vsaSignatories`: the people whose signature countersigns a protocol or addendum (a deployment
   * setting); absent or empty, the domain takes the Chief Statistician who countersigns.
   */
  public constructor(
    private readonly dossiers: DossierStore,
    private readonly options: { readonly vsaSignatories?: readonly string[] } = {}
  ) {}

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

  /**
   * The addresses known for a dossier's institution from its other dossiers: their contacts, DPOs and
   * the senders of mails linked to them (`addressesOfDossier`). Empty for a dossier without institution.
   * A dossier whose log cannot be replayed is left out: fewer known addresses only means the team is
   * asked to confirm, never that a stranger is let through.
   */
  public async institutionAddresses(dossier: Dossier): Promise<string[]> {
    const institution = dossier.requester.institution?.trim();
    if (!institution) return [];
    const page = await this.dossiers.readRegisterPage({ institution, pageSize: institutionDossierLimit });
    // Replay (`evolve`) loads on first use: the clients' lookups (numbers, parent protocol) never replay.
    const { mergeStream } = await import(/* webpackChunkName: 'dossier-replay' */ './mergeStream');
    const addresses = new Set<string>();
    for (const row of page.rows) {
      if (row.reference === dossier.reference) continue;
      let other: Dossier | undefined;
      try {
        other = mergeStream(await this.dossiers.loadStream(row.reference)).dossier;
      } catch (error) {
        if (hasDataErrorCode(error, 'data.error.corrupt')) continue;
        throw error;
      }
      if (other && sameInstitution(dossier, other)) addressesOfDossier(other).forEach((address) => addresses.add(address));
    }
    return [...addresses];
  }

  /**
   * `CommandService.decideFacts`: the configured VSA signatories for a countersignature; the institution's addresses for a received mail whose sender the
   * dossier itself does not know (nothing to look up otherwise, so other commands cost no round trip).
   */
  public async decideFacts(dossier: Dossier | undefined, command: Command): Promise<DecideFacts> {
    const revocation = await this.protocolRevocation(dossier, command);
    const facts = await this.commandFacts(dossier, command);
    return revocation ? { ...facts, protocolRevocation: revocation } : facts;
  }

  /**
   * Lifecycle (issue 16): the revocation of the protocol an addendum dossier (or a request registered on a
   * protocol) builds on, read from the protocol's dossier, for the commands a revocation stops (the table's
   * `onRevokedProtocol` rows cost no round trip). Undefined when not revoked or not known.
   */
  public async protocolRevocation(dossier: Dossier | undefined, command: Command): Promise<DecideFacts['protocolRevocation']> {
    if (!dossier || dossier.procedure === 'standard' || !dossier.parentProtocolNumber || isFinalState(dossier.state)) return undefined;
    if (workflowTable[command.type]?.onRevokedProtocol) return undefined;
    const row = (await this.dossiers.rowsByProtocolNumber(dossier.parentProtocolNumber)).find((candidate) => candidate.protocolNumber === dossier.parentProtocolNumber);
    if (!row || row.reference === dossier.reference) return undefined;
    // The row's column is a projection; the protocol dossier's log is the truth.
    const { mergeStream } = await import(/* webpackChunkName: 'dossier-replay' */ './mergeStream');
    const protocol = mergeStream(await this.dossiers.loadStream(row.reference)).dossier;
    return protocol?.revocation ? { protocolNumber: dossier.parentProtocolNumber, date: protocol.revocation.date } : undefined;
  }

  private async commandFacts(dossier: Dossier | undefined, command: Command): Promise<DecideFacts> {
    if (command.type === 'countersign') {
      const signatories = (this.options.vsaSignatories ?? []).map((name) => name.trim()).filter((name) => name.length > 0);
      return signatories.length > 0 ? { vsaSignatories: signatories } : {};
    }
    if (!dossier || command.type !== 'recordCorrespondence' || command.direction !== 'incoming' || command.senderConfirmed === true) return {};
    if (typeof command.sender !== 'string' || addressesOfDossier(dossier).includes(normalizeAddress(command.sender))) return {};
    return { institutionAddresses: await this.institutionAddresses(dossier) };
  }

  /** The dossier that produced a protocol, as `requestForms` needs it; undefined when unknown. */
  public async parentProtocol(protocolNumber: string): Promise<ParentProtocolRef | undefined> {
    const rows = await this.dossiers.rowsByProtocolNumber(protocolNumber);
    const parent = rows.find((row) => row.protocolNumber === protocolNumber);
    return parent ? { number: protocolNumber, dossierReference: parent.reference, state: parent.state } : undefined;
  }
}

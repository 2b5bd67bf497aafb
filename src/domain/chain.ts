import { parseAddendumNumber } from './numbering';
import { isFinalState } from './states';
import type { Dossier, IsoDate } from './types';

/**
 * The fields of a dossier the chain depends on: full dossiers and register rows both carry them, so
 * the panel, the register rows and the reminders build the chain by one rule.
 */
export type ChainFacts = Pick<Dossier, 'reference' | 'state' | 'procedure' | 'protocolNumber' | 'parentProtocolNumber' | 'addendumNumber' | 'protocolEndDate'>;

/** A protocol with its addenda: the chain protocol → addenda. */
export interface ProtocolChain<T extends ChainFacts = Dossier> {
  readonly protocolNumber: string;
  /** The standard dossier that produced the protocol (absent if not among the given dossiers). */
  readonly protocol?: T;
  /** Countersigned addenda, in number order (`/A1`, `/A2`, ...). */
  readonly addenda: readonly T[];
  /** Simplified dossiers (or requests registered on it) still under way: no addendum number yet, not final. */
  readonly pending: readonly T[];
  /** Latest of the protocol's end date and end dates set by countersigned addenda. */
  readonly effectiveEndDate?: IsoDate;
}

/**
 * The protocol a dossier belongs to: its own number (standard) or its parent (simplified, or a request
 * registered on a protocol whose procedure is not chosen yet, such as a one-click extension).
 */
export function protocolNumberOf(dossier: Pick<ChainFacts, 'procedure' | 'protocolNumber' | 'parentProtocolNumber'>): string | undefined {
  return dossier.procedure === 'standard' ? dossier.protocolNumber : dossier.parentProtocolNumber ?? dossier.protocolNumber;
}

const addendumIndex = (dossier: Pick<ChainFacts, 'addendumNumber'>): number => parseAddendumNumber(dossier.addendumNumber)?.index ?? 0;

const latest = (dates: readonly (IsoDate | undefined)[]): IsoDate | undefined =>
  dates.filter((date): date is IsoDate => date !== undefined).sort().pop();

/** The chain of one protocol among the given dossiers. */
export function protocolChain<T extends ChainFacts>(dossiers: readonly T[], protocolNumber: string): ProtocolChain<T> {
  const protocol = dossiers.find((d) => d.procedure !== 'simplified' && d.protocolNumber === protocolNumber);
  // A request registered on the protocol counts until its procedure is chosen; a standard one leaves the chain.
  const onProtocol = dossiers.filter((d) => d.procedure !== 'standard' && d.parentProtocolNumber === protocolNumber);
  const addenda = onProtocol.filter((d) => d.addendumNumber !== undefined).sort((a, b) => addendumIndex(a) - addendumIndex(b));
  const pending = onProtocol.filter((d) => d.addendumNumber === undefined && !isFinalState(d.state));
  const effectiveEndDate = latest([protocol?.protocolEndDate, ...addenda.map((a) => a.protocolEndDate)]);
  return { protocolNumber, protocol, addenda, pending, effectiveEndDate };
}

/** Every chain among the given dossiers, by protocol number. */
export function protocolChains<T extends ChainFacts>(dossiers: readonly T[]): ProtocolChain<T>[] {
  const numbers = new Set<string>();
  for (const dossier of dossiers) {
    const number = protocolNumberOf(dossier);
    if (number) numbers.add(number);
  }
  return [...numbers].sort().map((number) => protocolChain(dossiers, number));
}

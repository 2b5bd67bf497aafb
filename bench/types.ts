/** One measured figure of a benchmark run. */
export interface BenchResult {
  /** Area of the product, e.g. "forms", "data", "register". */
  area: string;
  /** What was measured, e.g. "check long form: median latency". */
  name: string;
  value: number;
  unit: string;
  note?: string;
}

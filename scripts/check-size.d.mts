// Types of scripts/check-size.mjs, for the tests that import it.
export interface Budget {
  file: string;
  kb: number;
  required: boolean;
}
export interface Measured extends Budget {
  bytes: number | null;
  ok: boolean;
}
export declare const BUDGETS: readonly Budget[];
export declare function measure(dist: string, budgets?: readonly Budget[]): Promise<Measured[]>;
export declare function report(rows: readonly Measured[]): string[];

// Types of scripts/check-syntax.mjs, for the tests that import it.
export declare const ECMA_VERSION: number;
export interface Place {
  /** The file line of the code's first line, 1-based. */
  line: number;
  /** The column at which the code starts on that line, 0-based. */
  column: number;
}
export declare function syntaxProblems(name: string, code: string, at?: Place): string[];
export declare function inlineScripts(html: string): { code: string; at: Place }[];
export declare function fileProblems(name: string, text: string): string[];
export declare function pushedFiles(dist: string): Promise<string[]>;

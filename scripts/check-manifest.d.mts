// Types of scripts/check-manifest.mjs, for the tests that import it.
export declare const ALLOWED_SCOPES: readonly string[];
export declare function loadManifestSchema(): Promise<object>;
export declare function manifestProblems(manifest: unknown, schema: object): string[];
export declare function externalRequests(name: string, text: string): string[];
export declare function listFiles(dir: string): Promise<string[]>;
export interface ClaspStatus {
  rootDir: string;
  filesToPush: string[];
  untrackedFiles: string[];
}
export declare function claspStatus(projectDir: string, claspBin?: string): Promise<ClaspStatus>;
export declare function pushProblems(status: ClaspStatus, distFiles: readonly string[]): string[];

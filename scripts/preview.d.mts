// Types of scripts/preview.mjs for the TypeScript tests that start the preview in-process.

export interface PreviewOptions {
  /** 0 for any free port; default: env PORT or 8080. */
  port?: number;
  host?: string;
  /** Run the build first (default true). */
  build?: boolean;
  log?: (line: string) => void;
}

/** The spreadsheet page `npm start` serves (everything runs in the browser). */
export interface SpreadsheetPreview {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export function startSpreadsheetPreview(options?: PreviewOptions): Promise<SpreadsheetPreview>;

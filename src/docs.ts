import { SIGNATURE_DOCS } from './contract/signatureDocs';
import type { FunctionName } from './contract/signatures';
import { SIGNATURES } from './contract/signatures';

/**
 * The documentation of every Apps Script global, from which the build writes the JSDoc blocks of
 * Code.js: one documented top-level function per export of src/index.ts, all in that one file.
 * Custom functions carry @customfunction so Sheets offers them in autocomplete.
 */
export interface GlobalDoc {
  readonly description: string;
  readonly params: readonly (readonly [name: string, text: string])[];
  readonly returns?: string;
  /** True for functions a cell formula may call. */
  readonly customFunction?: boolean;
}

/** Custom functions' docs, from their signatures (sheets/signatures.ts): the one table of their arguments. */
export const CUSTOM_FUNCTION_DOCS: Readonly<Record<string, GlobalDoc>> = Object.fromEntries(
  (Object.keys(SIGNATURES) as FunctionName[]).map((name) => {
    const docs = SIGNATURE_DOCS[name] as { description: string; returns: string; params: Record<string, string> };
    return [
      name,
      {
        description: docs.description,
        params: SIGNATURES[name].params.map((p) => [p.name, docs.params[p.name] as string] as const),
        returns: docs.returns,
        customFunction: true,
      },
    ];
  }),
);

export const SERVER_FUNCTION_DOCS: Readonly<Record<string, GlobalDoc>> = {
  onOpen: {
    description: 'Builds the Kling Cost menu when the spreadsheet opens.',
    params: [],
  },
  onInstall: {
    description: 'Builds the Kling Cost menu right after the add-on is installed.',
    params: [],
  },
  showHelp: {
    description: 'Shows the custom functions and their arguments.',
    params: [],
  },
  insertBudgetTemplate: {
    description: 'Menu: inserts a new budget sheet (shot list, dropdowns, live summary and yearly view).',
    params: [],
  },
  insertTwelveMonthPlan: {
    description:
      'Menu: inserts a new 12-month plan (shots by month, the cheapest schedule under each billing, the API, spend per month, budget against actuals).',
    params: [],
  },
  insertUsageLog: {
    description: 'Menu: inserts a new usage log (one row per generation) with its summary by month.',
    params: [],
  },
  lockBudgetVersion: {
    description:
      'Menu: a frozen, warning-protected copy of the selected budget template or 12-month plan and of the price table in force, named in its two "Locked version" cells.',
    params: [],
  },
  insertPriceTable: {
    description: 'Menu: inserts a dated copy of the prices in use, with sources, as the audit trail of a budget.',
    params: [],
  },
  editPrices: {
    description: 'Menu: writes the price book into the sheet "Kling prices" for editing (or opens it when it exists).',
    params: [],
  },
  showSidebar: {
    description: 'Opens the Compare plans sidebar.',
    params: [],
  },
  sidebarInit: {
    description: 'Sidebar start: the price book the page computes with.',
    params: [],
  },
  sidebarReadSelection: {
    description: 'Sidebar: reads rows of work from the selected cells.',
    params: [],
  },
  sidebarInsertComparison: {
    description:
      'Sidebar: checks the work sent ({rows, billing, retakeRate, images}) against the prices in force, recomputes it and writes the comparison into a new sheet.',
    params: [],
  },
};

export const GLOBAL_DOCS: Readonly<Record<string, GlobalDoc>> = { ...CUSTOM_FUNCTION_DOCS, ...SERVER_FUNCTION_DOCS };

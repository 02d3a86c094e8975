/**
 * The documentation of every Apps Script global, from which the build writes the JSDoc blocks of
 * Code.js. Custom functions carry @customfunction so Sheets offers them in autocomplete.
 */
export interface GlobalDoc {
  readonly description: string;
  readonly params: readonly (readonly [name: string, text: string])[];
  readonly returns?: string;
  /** True for functions a cell formula may call. */
  readonly customFunction?: boolean;
}

const MODE = ['mode', 'standard (std, 720p), professional (pro, 1080p) or 4k (Kling 3.0 only).'] as const;
const SECS = ['secs', 'Clip length in seconds: 5 or 10 for Kling 2.6; 3 to 15 for Kling 3.0.'] as const;
const AUDIO = ['audio', 'TRUE for native audio; FALSE or empty for none.'] as const;
const MODEL = ['model', 'Kling model: 2.6 (default) or 3.0 (credits estimated).'] as const;
const PLAN = ['plan', 'free (basic), standard, pro, premier or ultra.'] as const;
const BILLING = ['billing', 'monthly (renewal, default), intro (first month), annual (yearly / 12) or list.'] as const;
const RETAKE = ['retake_rate', 'Share of paid generations thrown away, 0 to below 1, e.g. 0.2 or 20% (default 0).'] as const;
const CREDITS = ['credits_per_month', 'Credits needed each month.'] as const;
const TOPUPS = ['allow_topups', 'TRUE (default) to consider a plan plus top-up packs; FALSE for plans alone.'] as const;
/** The optional last argument of every custom function, after the spec's arguments. */
const PRICES = ['prices', "Optional: your edited price table from Edit prices, e.g. 'Kling prices'!A1:H200."] as const;

export const CUSTOM_FUNCTION_DOCS: Readonly<Record<string, GlobalDoc>> = {
  KLING_CREDITS: {
    description: 'Credits one Kling generation costs.',
    params: [MODE, SECS, AUDIO, MODEL, PRICES],
    returns: 'Credits per generation.',
    customFunction: true,
  },
  KLING_COST: {
    description: 'USD per delivered video on a plan, retakes included.',
    params: [MODE, SECS, AUDIO, PLAN, BILLING, RETAKE, MODEL, PRICES],
    returns: 'USD per delivered video.',
    customFunction: true,
  },
  KLING_VIDEOS: {
    description: 'Whole videos a plan delivers per month, retakes included.',
    params: [PLAN, MODE, SECS, AUDIO, RETAKE, MODEL, PRICES],
    returns: 'Videos per month.',
    customFunction: true,
  },
  KLING_IMAGES: {
    description: "Whole images a plan's monthly credits make at 0.2 credits each.",
    params: [PLAN, PRICES],
    returns: 'Images per month.',
    customFunction: true,
  },
  KLING_PLAN: {
    description: 'One figure of a Kling plan.',
    params: [PLAN, ['field', 'credits, price (default), cost_per_credit, cost_per_100 or year.'], BILLING, PRICES],
    returns: 'The figure: credits or USD.',
    customFunction: true,
  },
  KLING_BEST_PLAN: {
    description: 'The cheapest way to get that many credits each month (a plan, maybe with top-up packs).',
    params: [CREDITS, BILLING, TOPUPS, PRICES],
    returns: 'The option, e.g. "Standard + 330-credit pack".',
    customFunction: true,
  },
  KLING_MONTHLY_COST: {
    description: 'USD per month of the cheapest way to get that many credits each month.',
    params: [CREDITS, BILLING, TOPUPS, PRICES],
    returns: 'USD per month.',
    customFunction: true,
  },
  KLING_API_COST: {
    description: "USD for the same generation through Kling's API (official rates).",
    params: [MODE, SECS, AUDIO, MODEL, PRICES],
    returns: 'USD per generation.',
    customFunction: true,
  },
  KLING_BUDGET: {
    description: 'Budget of a shot list: credits with a buffer, best option and costs.',
    params: [
      ['modes', 'Range of modes, one row per shot.'],
      ['secs', 'Range of clip lengths in seconds.'],
      ['audios', 'Range of TRUE/FALSE for native audio.'],
      ['counts', 'Range of videos needed per month.'],
      BILLING,
      ['buffer', 'Extra credits on top of the need, e.g. 0.2 or 20% (default 0.2).'],
      MODEL,
      PRICES,
    ],
    returns: 'A two-column table: label, value.',
    customFunction: true,
  },
  KLING_PRICES: {
    description: "The plan table of the price book (or of your edited prices), with each row's source and as-of date.",
    params: [PRICES],
    returns: 'A table with a header row.',
    customFunction: true,
  },
  KLING_YEARLY: {
    description:
      "12-month cost of each plan (with top-up packs when needed) under first month + 11 renewals, 12 renewals and annual billing, and the break-even with Kling's API.",
    params: [CREDITS, TOPUPS, PRICES],
    returns: 'A table: cheapest 12-month cost and option per billing, the API break-even in USD per app credit, one row per plan.',
    customFunction: true,
  },
};

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
    description: 'Sidebar: checks the work sent ({rows, billing, retakeRate}), recomputes and writes the comparison into a new sheet.',
    params: [],
  },
};

export const GLOBAL_DOCS: Readonly<Record<string, GlobalDoc>> = { ...CUSTOM_FUNCTION_DOCS, ...SERVER_FUNCTION_DOCS };

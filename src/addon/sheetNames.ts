type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** `base` if no sheet has that name, else "base 2", "base 3", ...: a new sheet never replaces one. */
export function uniqueSheetName(spreadsheet: Spreadsheet, base: string): string {
  if (!spreadsheet.getSheetByName(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base} ${n}`;
    if (!spreadsheet.getSheetByName(name)) return name;
  }
}

/** A sheet name quoted for a formula: 'Kling prices'. */
export function quotedSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

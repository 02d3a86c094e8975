/**
 * TEXT as Google Sheets formats a number with thousands separators ("$#,##0.00" gives
 * "$1,234.50"): HyperFormula's TEXT reads "#,##0" as literal text ("1235,##0.00"). The sheets the
 * add-on inserts write money into sentences with it ("Between $67.20 and $79.20, most likely
 * $75.60"), so the engine of the tests and the preview formats such a pattern here (HyperFormula's
 * `stringifyCurrency` setting, asked before its own formats); any other (dates, "0.00") stays
 * HyperFormula's. Tests and preview only.
 */

/** "$#,##0.00" -> prefix "$", grouping, 2 decimals, suffix "". Null when the pattern has no grouping comma. */
function grouped(format: string): { prefix: string; decimals: number; suffix: string } | null {
  const match = /^([^#0,.]*)#,##0(?:\.(0+))?([^#0,.]*)$/.exec(format);
  if (!match) return null;
  return { prefix: match[1] ?? '', decimals: (match[2] ?? '').length, suffix: match[3] ?? '' };
}

export function formatGrouped(value: number, format: string): string | null {
  const spec = grouped(format);
  if (!spec) return null;
  const fixed = Math.abs(value).toFixed(spec.decimals);
  const [whole, fraction] = fixed.split('.');
  const text = (whole ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
  return `${value < 0 && Number(fixed) !== 0 ? '-' : ''}${spec.prefix}${text}${spec.suffix}`;
}

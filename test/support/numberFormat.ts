/**
 * Number formats as Sheets applies them, for the text a cell shows: the patterns the add-on sets
 * ($#,##0.00, $0.0000, #,##0, #,##0.00, 0, 0%, 0.0%, 0.##%, +#,##0;-#,##0;0, yyyy-mm-dd,
 * yyyy-mm-dd hh:mm, yyyy-mm, @) and the ordinary grammar behind them: up to four sections
 * (positive; negative; zero; text), quoted and escaped literals, digit placeholders 0 # ?,
 * thousands separators, percent, and date and time tokens. Dates are serial numbers (days since
 * 1899-12-30, as Sheets holds them). Pure: used by the live workbook and the preview page.
 */

/** What a value is, when the engine typed it (a typed 2026-11-03 is a date, 20% a percent). */
export type ValueKind = 'date' | 'datetime' | 'time' | 'percent' | 'currency' | 'number';

/** Splits a format into its sections at ";" outside quotes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      current += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

/** The section without colours and conditions ([Red], [>100]). */
function clean(section: string): string {
  return section.replace(/\[(?:[A-Za-z]+|[<>=][^\]]*)\]/g, '');
}

/** The section's parts outside quotes (for telling a date pattern from a number pattern). */
function unquoted(section: string): string {
  return section.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

export function isDateFormat(format: string): boolean {
  const bare = unquoted(clean(sections(format)[0] ?? ''));
  return /[yYdDhHsS]/.test(bare) || (/[mM]/.test(bare) && !/[0#?]/.test(bare));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A serial number's calendar parts (no time zone: the serial is the wall clock). */
export function serialParts(serial: number) {
  const ms = Math.round((serial - 25_569) * 86_400_000);
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hours: d.getUTCHours(),
    minutes: d.getUTCMinutes(),
    seconds: d.getUTCSeconds(),
  };
}

function formatDate(serial: number, section: string): string {
  const p = serialParts(serial);
  const tokens: { kind: string; text: string }[] = [];
  const s = section;
  for (let i = 0; i < s.length; ) {
    const rest = s.slice(i);
    const quoted = /^"([^"]*)"/.exec(rest);
    if (quoted) {
      tokens.push({ kind: 'lit', text: quoted[1] as string });
      i += quoted[0].length;
      continue;
    }
    if (rest[0] === '\\') {
      tokens.push({ kind: 'lit', text: rest[1] ?? '' });
      i += 2;
      continue;
    }
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      tokens.push({ kind: 'ampm', text: ampm[0] });
      i += ampm[0].length;
      continue;
    }
    const run = /^([yYmMdDhHsS])\1*/.exec(rest);
    if (run) {
      tokens.push({ kind: (run[1] as string).toLowerCase(), text: run[0].toLowerCase() });
      i += run[0].length;
      continue;
    }
    tokens.push({ kind: 'lit', text: rest[0] as string });
    i++;
  }
  const twelve = tokens.some((t) => t.kind === 'ampm');
  const parts = tokens.filter((t) => t.kind !== 'lit');
  return tokens
    .map((t) => {
      switch (t.kind) {
        case 'y':
          return t.text.length <= 2 ? pad(p.year % 100) : String(p.year);
        case 'm': {
          // Minutes after an hour or before seconds; otherwise the month.
          const at = parts.indexOf(t);
          const minutes = parts[at - 1]?.kind === 'h' || parts[at + 1]?.kind === 's';
          if (minutes) return t.text.length >= 2 ? pad(p.minutes) : String(p.minutes);
          if (t.text.length >= 5) return (MONTHS[p.month - 1] as string)[0] as string;
          if (t.text.length === 4) return MONTHS[p.month - 1] as string;
          if (t.text.length === 3) return (MONTHS[p.month - 1] as string).slice(0, 3);
          return t.text.length === 2 ? pad(p.month) : String(p.month);
        }
        case 'd':
          if (t.text.length >= 4) return DAYS[p.weekday] as string;
          if (t.text.length === 3) return (DAYS[p.weekday] as string).slice(0, 3);
          return t.text.length === 2 ? pad(p.day) : String(p.day);
        case 'h': {
          const h = twelve ? ((p.hours + 11) % 12) + 1 : p.hours;
          return t.text.length >= 2 ? pad(h) : String(h);
        }
        case 's':
          return t.text.length >= 2 ? pad(p.seconds) : String(p.seconds);
        case 'ampm': {
          const pm = p.hours >= 12;
          const word = t.text.length > 3 ? (pm ? 'PM' : 'AM') : pm ? 'P' : 'A';
          return t.text[0] === t.text[0]?.toLowerCase() ? word.toLowerCase() : word;
        }
        default:
          return t.text;
      }
    })
    .join('');
}

/** n rounded to `digits` decimals the way people round (1.005 -> 1.01), as fixed text. */
function fixed(n: number, digits: number): string {
  const rounded = Number(`${Math.round(Number(`${n}e${digits}`))}e-${digits}`);
  return (Number.isFinite(rounded) ? rounded : n).toFixed(digits);
}

function formatNumberSection(value: number, section: string): string {
  // Literals become placeholders-free text; the digits pattern is the run of 0 # ? , . in the middle.
  let prefix = '';
  let core = '';
  let suffix = '';
  let seenCore = false;
  let percent = 0;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    let literal: string | null = null;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      literal = section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') {
      literal = section[i + 1] ?? '';
      i++;
    } else if (ch === '_') {
      literal = ' ';
      i++;
    } else if (ch === '*') {
      i++;
      continue;
    } else if ('0#?'.includes(ch) || ((ch === ',' || ch === '.') && (seenCore || /[0#?]/.test(section.slice(i + 1, i + 2))))) {
      if (suffix !== '') {
        // A second run of placeholders: kept as text (formats the add-on does not use).
        suffix += ch;
        continue;
      }
      seenCore = true;
      core += ch;
      continue;
    } else {
      if (ch === '%') percent++;
      literal = ch;
    }
    if (seenCore) suffix += literal;
    else prefix += literal;
  }
  let n = value * 100 ** percent;
  if (!seenCore) return prefix + suffix;
  const [intPattern = '', fracPattern] = core.split('.');
  // Trailing commas scale by a thousand each.
  const scale = /,+$/.exec(intPattern)?.[0].length ?? 0;
  n /= 1000 ** scale;
  const intDigits = intPattern.replace(/,+$/, '');
  const grouping = intDigits.includes(',');
  const minInt = (intDigits.match(/0/g) ?? []).length;
  const maxFrac = fracPattern === undefined ? 0 : (fracPattern.match(/[0#?]/g) ?? []).length;
  const minFrac = fracPattern === undefined ? 0 : (/^0*/.exec(fracPattern)?.[0].length ?? 0);
  const text = fixed(Math.abs(n), maxFrac);
  let [whole = '0', fraction = ''] = text.split('.');
  while (fraction.length > minFrac && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  whole = whole.replace(/^0+/, '');
  whole = whole.padStart(minInt, '0');
  if (grouping) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const digits = fracPattern === undefined ? whole : `${whole}.${fraction}`;
  return `${prefix}${digits}${suffix}`;
}

/** A number in Sheets' automatic format: whole numbers as they are, others to 10 significant digits. */
export function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (n !== 0 && (Math.abs(n) >= 1e15 || Math.abs(n) < 1e-9))
    return n
      .toExponential(5)
      .replace(/\.?0+e/, 'E')
      .replace('E+', 'E+');
  return String(Number(n.toPrecision(10)));
}

const KIND_FORMATS: Readonly<Record<ValueKind, string>> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm:ss',
  time: 'hh:mm:ss',
  percent: '0%',
  currency: '$#,##0.00',
  number: '',
};

/**
 * The text a cell shows for a number under a format ('' or "General": the automatic format, or
 * the engine's `kind` for a typed date, percent or currency).
 */
export function formatNumber(value: number, format: string, kind: ValueKind = 'number'): string {
  const pattern = format === '' || /^general$/i.test(format) || format === '@' ? KIND_FORMATS[kind] : format;
  if (pattern === '') return generalNumber(value);
  const parts = sections(pattern).map(clean);
  if (isDateFormat(pattern)) return formatDate(value, parts[0] as string);
  if (value < 0 && parts.length >= 2) return formatNumberSection(-value, parts[1] as string);
  if (value === 0 && parts.length >= 3) return formatNumberSection(0, parts[2] as string);
  const text = formatNumberSection(Math.abs(value), parts[0] as string);
  // Rounded to nothing (-0.001 as 0.00): no minus sign, as Sheets shows it.
  return value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

/** The text of a text value under a format with a text section (";;;@" ...), else the text itself. */
export function formatText(value: string, format: string): string {
  const parts = sections(format);
  const textSection = parts.length >= 4 ? parts[3] : parts.find((p) => p.includes('@') && p !== '@');
  if (!textSection) return value;
  return clean(textSection)
    .replace(/"([^"]*)"/g, '$1')
    .replace(/@/g, value);
}

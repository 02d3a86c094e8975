/**
 * A value as a sheet writer hands it to setValues: text that Sheets would read as a formula or a
 * number (=, +, - or @ first: a model name from the user's price table may be "=IMPORTXML(...)")
 * gets the apostrophe that makes Sheets keep it as the text it is. Other values are unchanged.
 */
export function asText<T>(value: T): T | string {
  return typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

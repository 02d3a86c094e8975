/** A custom function as declared in dist/Code.js: its name and its parameter names. */
export interface DeclaredFunction {
  readonly name: string;
  readonly params: readonly string[];
}

const DECLARATION = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(([^)]*)\)/g;

/**
 * Every top-level function of the bundle whose JSDoc block carries @customfunction, in the
 * order of the file. Read from the text, so a function added later is found without a list.
 */
export function discoverCustomFunctions(code: string): DeclaredFunction[] {
  const found: DeclaredFunction[] = [];
  for (const match of code.matchAll(DECLARATION)) {
    const [, doc = '', name = '', params = ''] = match;
    if (!/@customfunction\b/.test(doc)) continue;
    found.push({
      name,
      params: params
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    });
  }
  return found;
}

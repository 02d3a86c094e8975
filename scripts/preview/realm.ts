/**
 * The add-on's own realm: a hidden same-origin iframe whose window holds the fakes of the Apps
 * Script services as globals, then dist/Code.js injected as a classic script, so its top-level
 * `function KLING_COST(...)` declarations become that window's globals, exactly the file users
 * push. Menu handlers and google.script.run calls run here; arguments and results of the latter
 * cross as JSON, as Apps Script carries them.
 */

export type RealmWindow = Window & Record<string, unknown> & { JSON: JSON; Date: DateConstructor; Error: ErrorConstructor };

export interface Realm {
  readonly window: RealmWindow;
  /** The custom functions Code.js declares (its @customfunction JSDoc blocks), in order. */
  readonly customFunctions: readonly string[];
  /** Whether google.script.run may call `name`: a public top-level function (Apps Script hides names ending in "_"). */
  isCallable(name: string): boolean;
  /** Calls a global with no arguments (a menu item), as Apps Script does. */
  run(name: string): unknown;
  /** google.script.run: JSON arguments rebuilt in this realm, the result back as JSON (undefined as null). */
  runJson(name: string, argsJson: string): string;
}

/** The names of the custom functions a Code.js declares: a JSDoc block with @customfunction right before `function NAME(`. */
export function customFunctionNames(code: string): string[] {
  const names: string[] = [];
  const pattern = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*function\s+([A-Za-z_$][\w$]*)\s*\(/g;
  for (let m = pattern.exec(code); m; m = pattern.exec(code)) {
    if (/@customfunction\b/.test(m[1] as string)) names.push(m[2] as string);
  }
  return names;
}

function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error
    ? String((error as { message: unknown }).message)
    : String(error);
}

/** Loads Code.js into the iframe with the given globals; throws what its top level throws. */
export function createRealm(frame: HTMLIFrameElement, globals: Record<string, unknown>, code: string): Realm {
  const win = frame.contentWindow as RealmWindow | null;
  const doc = frame.contentDocument;
  if (!win || !doc) throw new Error('the realm iframe has no window');
  for (const [name, value] of Object.entries(globals)) win[name] = value;
  let failure: unknown = null;
  const onError = (event: ErrorEvent) => {
    failure = event.error ?? event.message;
  };
  win.addEventListener('error', onError);
  const script = doc.createElement('script');
  script.textContent = `${code}\n//# sourceURL=Code.js`;
  (doc.head ?? doc.documentElement).appendChild(script);
  win.removeEventListener('error', onError);
  if (failure) throw new Error(`Code.js failed to load: ${messageOf(failure)}`);

  const isCallable = (name: string) =>
    /^[A-Za-z$][\w$]*$/.test(name) &&
    !name.endsWith('_') &&
    Object.prototype.hasOwnProperty.call(win, name) &&
    typeof win[name] === 'function';

  return {
    window: win,
    customFunctions: customFunctionNames(code),
    isCallable,
    run(name) {
      if (!isCallable(name)) throw new Error(`Script function not found: ${name}`);
      return (win[name] as () => unknown)();
    },
    runJson(name, argsJson) {
      if (!isCallable(name)) throw new Error(`Script function not found: ${name}`);
      const args = win.JSON.parse(argsJson) as unknown;
      if (!Array.isArray(args)) throw new Error('arguments must be a list');
      const result = (win[name] as (...a: unknown[]) => unknown)(...args);
      return win.JSON.stringify(result === undefined ? null : result);
    },
  };
}

import type { ServerFunction, SidebarServer } from '../contract/sidebar';

/**
 * The page's only way to the server: google.script.run, wrapped in promises and typed by the
 * contract (src/contract/sidebar.ts): a name gives its parameters and its result. Outside Apps
 * Script (a file opened in a browser) there is no `google`, and the page keeps working offline.
 */

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: unknown) => void): Runner;
  [name: string]: unknown;
}

declare const google: { script?: { run?: Runner } } | undefined;

export function serverAvailable(): boolean {
  return typeof google !== 'undefined' && !!google && !!google.script && !!google.script.run;
}

/** The message of a failed call, as text. */
export function messageOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

export function callServer<K extends ServerFunction>(
  name: K,
  ...args: Parameters<SidebarServer[K]>
): Promise<ReturnType<SidebarServer[K]>> {
  return new Promise((resolve, reject) => {
    if (!serverAvailable()) {
      reject(new Error('Not connected to a spreadsheet: open this sidebar from Extensions > Kling Cost > Compare plans'));
      return;
    }
    const run = (google as { script: { run: Runner } }).script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarServer[K]>))
      .withFailureHandler((error) => reject(new Error(messageOf(error))));
    const fn = run[name];
    if (typeof fn !== 'function') {
      reject(new Error(`the server has no function ${name}`));
      return;
    }
    (fn as (...a: unknown[]) => void).apply(run, args);
  });
}

/**
 * google.script in the preview's HTML pages (the sidebar, dialogs): loaded first in each page the
 * add-on shows through HtmlService, as Apps Script's own host code is. google.script.run calls a
 * global of Code.js in the add-on's realm through the page that holds the spreadsheet, always
 * asynchronously, arguments and result as JSON; handlers run here, with values made here.
 * google.script.host closes or resizes the page's panel.
 */

interface Host {
  run(name: string, argsJson: string): Promise<{ ok: true; json: string } | { ok: false; message: string }>;
  close(frame: Window): void;
  resize(frame: Window, width: number | null, height: number | null): void;
  focusEditor(): void;
}

interface Handlers {
  success?: (value: unknown, user: unknown) => void;
  failure?: (error: Error, user: unknown) => void;
  user?: unknown;
}

(() => {
  const host = (window.parent as unknown as { klingPreviewHost?: Host }).klingPreviewHost;
  if (!host) return;

  const runner = (handlers: Handlers): unknown =>
    new Proxy(
      {},
      {
        get(_target, name) {
          if (name === 'withSuccessHandler') return (fn: Handlers['success']) => runner({ ...handlers, success: fn });
          if (name === 'withFailureHandler') return (fn: Handlers['failure']) => runner({ ...handlers, failure: fn });
          if (name === 'withUserObject') return (user: unknown) => runner({ ...handlers, user });
          if (typeof name !== 'string' || name === 'then') return undefined;
          return (...args: unknown[]) => {
            let json: string;
            try {
              json = JSON.stringify(args);
            } catch (error) {
              throw new Error(`google.script.run.${name}: ${(error as Error).message}`);
            }
            host.run(name, json).then((reply) => {
              if (reply.ok) handlers.success?.(JSON.parse(reply.json), handlers.user);
              else if (handlers.failure) handlers.failure(new Error(reply.message), handlers.user);
              else console.error(`google.script.run.${name}: ${reply.message}`);
            });
          };
        },
      },
    );

  (window as unknown as { google: unknown }).google = {
    script: {
      run: runner({}),
      host: {
        origin: window.location.origin,
        close: () => host.close(window),
        setHeight: (height: number) => host.resize(window, null, height),
        setWidth: (width: number) => host.resize(window, width, null),
        editor: { focus: () => host.focusEditor() },
      },
    },
  };
})();

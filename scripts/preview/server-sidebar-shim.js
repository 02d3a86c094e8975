// Injected by scripts/preview/serverSidebar.mjs into the sidebar it serves, and nowhere else: a stand-in for
// google.script.run that calls the add-on's server functions over HTTP on this same origin.
(() => {
  function notify() {
    try {
      window.parent.postMessage({ type: 'kling-preview-changed' }, window.location.origin);
    } catch {
      /* not in a frame */
    }
  }
  function makeRun(handlers) {
    return new Proxy(
      {},
      {
        get: (_target, name) => {
          if (name === 'withSuccessHandler') return (fn) => makeRun(Object.assign({}, handlers, { success: fn }));
          if (name === 'withFailureHandler') return (fn) => makeRun(Object.assign({}, handlers, { failure: fn }));
          if (name === 'withUserObject') return (o) => makeRun(Object.assign({}, handlers, { user: o }));
          if (typeof name !== 'string') return undefined;
          return (...args) => {
            var fail = (error) => {
              if (handlers.failure) handlers.failure(error, handlers.user);
              else console.error(error);
            };
            fetch(`/run/${encodeURIComponent(name)}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(args),
            })
              .then((response) => response.json())
              .then((reply) => {
                if (reply.ok) {
                  if (handlers.success) handlers.success(reply.value, handlers.user);
                } else {
                  fail(new Error(reply.message));
                }
                notify();
              }, fail);
          };
        },
      },
    );
  }
  window.google = {
    script: {
      run: makeRun({}),
      host: { close: () => {}, setHeight: () => {}, setWidth: () => {}, editor: { focus: () => {} } },
    },
  };
})();

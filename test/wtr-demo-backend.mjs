// Mounts the demo's backend (demo/backend.ts: token endpoint /api/ks, Game proxy /api/game/, Events
// proxy /api/events/) in @web/test-runner's Koa server, so element tests reach Game Services and the
// Events Platform the way a host page does: through the proxies that hold the ADMIN KS, in front of
// the strict sandbox.
import { tsImport } from 'tsx/esm/api';

const demoPaths = (path) => path === '/api/ks' || path.startsWith('/api/game/') || path.startsWith('/api/events/');

/**
 * `options` go to createDemoBackend(); `handles(path)` picks the requests it sees. A request the backend
 * passes on (a page it only signs in) goes on to the rest of the server.
 */
export function demoBackendMiddleware({ handles = demoPaths, ...options } = {}) {
  const backend = tsImport('../demo/backend.ts', import.meta.url).then((module) => module.createDemoBackend(options));
  return async (ctx, next) => {
    if (!handles(ctx.path)) return next();
    const handle = await backend;
    ctx.respond = false;
    const passedOn = await new Promise((resolve, reject) => {
      ctx.res.once('close', () => resolve(false));
      handle(ctx.req, ctx.res, (error) => (error ? reject(error) : resolve(true)));
    });
    if (!passedOn) return undefined;
    ctx.respond = true;
    return next();
  };
}

// Mounts the demo's backend (demo/backend.ts: token endpoint /api/ks, Game proxy /api/game/, Events
// proxy /api/events/) in @web/test-runner's Koa server, so element tests reach Game Services and the
// Events Platform the way a host page does: through the proxies that hold the ADMIN KS, in front of
// the strict sandbox.
import { tsImport } from 'tsx/esm/api';

const handled = (path) => path === '/api/ks' || path.startsWith('/api/game/') || path.startsWith('/api/events/');

export function demoBackendMiddleware() {
  const backend = tsImport('../demo/backend.ts', import.meta.url).then((module) => module.createDemoBackend());
  return async (ctx, next) => {
    if (!handled(ctx.path)) return next();
    const handle = await backend;
    ctx.respond = false;
    await new Promise((resolve, reject) => {
      ctx.res.once('close', resolve);
      handle(ctx.req, ctx.res, (error) => (error ? reject(error) : resolve()));
    });
  };
}

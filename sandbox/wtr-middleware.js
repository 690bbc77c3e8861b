// @ts-check
/** Mounts the sandbox in @web/test-runner's Koa server (`middleware: [sandboxMiddleware()]`). */
import { createSandbox } from './index.js';

/**
 * Koa-style middleware: /sandbox/... goes to the sandbox, which reads the untouched request stream
 * (`ctx.req`: the test runner parses no bodies) and answers on `ctx.res` itself, so Koa must not
 * respond; anything else goes on.
 * @param {{ autoTickMs?: number, frontDoors?: string[] }} [options] passed to createSandbox (tests tick by hand by default)
 * @returns {(ctx: { path: string, req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, respond?: boolean }, next: () => Promise<unknown>) => Promise<unknown>}
 */
export function sandboxMiddleware(options) {
  const sandbox = createSandbox(options);
  const doors = options?.frontDoors ?? [];
  return async (ctx, next) => {
    const door = doors.some((prefix) => ctx.path.startsWith(prefix));
    if (ctx.path !== '/sandbox' && !ctx.path.startsWith('/sandbox/') && !door) return next();
    ctx.respond = false;
    // Resolve once the answer is out, so middleware upstream sees the finished response; a front-door
    // call without a fault goes on to the host's handler.
    let passed = false;
    await new Promise((resolve) => {
      ctx.res.once('close', resolve);
      sandbox.handle(ctx.req, ctx.res, () => {
        passed = true;
        resolve(undefined);
      });
    });
    if (passed) {
      ctx.respond = true;
      await next();
    }
  };
}

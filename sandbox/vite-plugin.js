// @ts-check
/** Mounts the sandbox same-origin in Vite's dev and preview servers (`npm start`, Storybook's Vite builder). */
import { createSandbox } from './index.js';

/** How often the demo's live boards move (also in Storybook's static build, .storybook/mock/). */
export const DEMO_TICK_MS = 5000;

/**
 * @param {{ frontDoors?: string[] }} [options] frontDoors: the host's own endpoints mounted after the
 *   sandbox (the demo's Game proxy) whose calls take the partner's queued faults first (see createSandbox)
 * @returns {import('vite').Plugin}
 */
export function sandboxVitePlugin({ frontDoors } = {}) {
  const sandbox = createSandbox({ autoTickMs: DEMO_TICK_MS, frontDoors });
  return {
    name: 'kaltura-widgets-sandbox',
    configureServer(server) {
      server.middlewares.use(sandbox.handle);
      server.httpServer?.on('close', sandbox.close);
    },
    configurePreviewServer(server) {
      server.middlewares.use(sandbox.handle);
      server.httpServer?.on('close', sandbox.close);
    },
  };
}

// @ts-check
/** Mounts the sandbox same-origin in Vite's dev and preview servers (`npm start`, Storybook's Vite builder). */
import { createSandbox } from './index.js';

/** How often the demo's live boards move (also in Storybook's static build, .storybook/mock/). */
export const DEMO_TICK_MS = 5000;

/** @returns {import('vite').Plugin} */
export function sandboxVitePlugin() {
  const sandbox = createSandbox({ autoTickMs: DEMO_TICK_MS });
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

import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'vite';
import { SERVICE_WORKER_FILE } from './register.js';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * Bundles ./service-worker.ts into the root of Storybook's static build, where its scope covers
 * the preview. Builds only: `storybook dev` serves the real sandbox (sandbox/vite-plugin.js).
 */
export function mockServiceWorkerPlugin(): Plugin {
  return {
    name: 'kaltura-widgets-storybook-mock',
    apply: 'build',
    async generateBundle() {
      const { outputFiles } = await build({
        entryPoints: [here('./service-worker.ts')],
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        minify: true,
        // The sandbox and the server companion are Node code: their Node parts, for the browser.
        inject: [here('./buffer-global.ts')],
        alias: { 'node:crypto': here('./node-crypto.ts') },
        // Only the Node adapter of src/server imports it, and the worker does not use that adapter.
        external: ['node:events'],
        logLevel: 'warning',
      });
      this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source: outputFiles[0]!.text });
    },
  };
}

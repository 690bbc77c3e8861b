import type { StorybookConfig } from '@storybook/web-components-vite';
import { mockServiceWorkerPlugin } from './mock/build-plugin.js';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true },
  // `storybook dev` mounts the sandbox (vite.config.ts); the static build brings it along in a service worker.
  viteFinal: (viteConfig, { configType }) =>
    configType === 'PRODUCTION' ? { ...viteConfig, plugins: [...(viteConfig.plugins ?? []), mockServiceWorkerPlugin()] } : viteConfig,
};

export default config;

/** The static build's in-browser services (./service-worker.ts), registered by the Storybook preview only. */
export const SERVICE_WORKER_FILE = 'mock-service-worker.js';

/** Registers the worker beside iframe.html and resolves once it answers this page's requests. */
export async function startMockServices(): Promise<void> {
  const workers = navigator.serviceWorker;
  // Browsers give service workers to secure contexts only (https:, localhost).
  if (!workers) throw new Error('These stories answer from a service worker: open this Storybook over https: or on localhost.');
  const controlled = new Promise((resolve) => workers.addEventListener('controllerchange', resolve, { once: true }));
  const registration = await workers.register(`./${SERVICE_WORKER_FILE}`);
  const arriving = registration.installing ?? registration.waiting;
  if (workers.controller && !arriving) return;
  // A new worker (first visit, or a new build's) claims the page when it activates; one already
  // active, after a reload that bypassed it, is asked to.
  if (!arriving) (await workers.ready).active?.postMessage('claim');
  await controlled;
}

/** `storybook dev` serves the real sandbox: a worker left on this origin by a static build must not answer for it. */
export async function stopMockServices(): Promise<void> {
  for (const registration of (await navigator.serviceWorker?.getRegistrations()) ?? []) await registration.unregister();
}

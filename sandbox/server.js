// @ts-check
/**
 * The sandbox over real HTTP on its own: for Node tests (`startSandboxServer()`), or as a script
 * (`node sandbox/server.js`, port from PORT or 8787).
 */
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { createSandbox } from './index.js';

/**
 * @param {{ port?: number, host?: string, autoTickMs?: number }} [options]
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startSandboxServer({ port = 0, host = '127.0.0.1', autoTickMs } = {}) {
  const sandbox = createSandbox({ autoTickMs });
  const server = createServer((req, res) => sandbox.handle(req, res));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://${host}:${address.port}`,
    close() {
      sandbox.close();
      server.closeAllConnections(); // keep-alive and hung sockets would otherwise hold close() open
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { url } = await startSandboxServer({ port: Number(process.env.PORT) || 8787, autoTickMs: 5000 });
  console.log(`Kaltura sandbox listening on ${url}/sandbox (see sandbox/README.md)`);
}

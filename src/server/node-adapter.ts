import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

export type WebHandler = (request: Request) => Promise<Response> | Response;

/** Fits `node:http` (`createServer(h)`), Connect/Vite middleware and Express (`app.use(path, h)`). */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

export interface NodeHandlerOptions {
  /** Largest request body accepted, in bytes (default 1 MiB); larger ones get 413. */
  maxBodyBytes?: number;
}

/** Express and Connect add these to the request; plain `node:http` does not. */
type FrameworkRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

/**
 * Adapts a web `Request => Response` handler to Node's `(req, res, next)`. Handler errors go to
 * `next` when there is one (Express/Connect error handling), else become a bare 500.
 */
export function toNodeHandler(handler: WebHandler, options: NodeHandlerOptions = {}): NodeHandler {
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  return (req, res, next) => {
    const controller = new AbortController();
    // The client went away before we finished: stop upstream work.
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    serve(handler, req as FrameworkRequest, res, maxBodyBytes, controller.signal).catch((error: unknown) => {
      if (next) return next(error);
      if (res.headersSent) return void res.destroy();
      res.statusCode = 500;
      res.end();
    });
  };
}

async function serve(handler: WebHandler, req: FrameworkRequest, res: ServerResponse, maxBodyBytes: number, signal: AbortSignal): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  let url: URL;
  try {
    const protocol = (req.socket as Partial<TLSSocket>).encrypted ? 'https' : 'http';
    url = new URL(req.originalUrl ?? req.url ?? '/', `${protocol}://${req.headers.host ?? 'localhost'}`);
  } catch {
    return plain(res, 400, 'bad request');
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  let body: Uint8Array<ArrayBuffer> | string | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const read = await readBody(req, maxBodyBytes);
    if (read === 'too-large') return plain(res, 413, 'request body too large');
    body = read;
  }
  const request = new Request(url, { method, headers, body, signal });
  const response = await handler(request);
  await writeResponse(response, res, method === 'HEAD');
}

/** The raw body, or what a body parser (Express `json()`, etc.) already read from the stream. */
async function readBody(req: FrameworkRequest, maxBodyBytes: number): Promise<Uint8Array<ArrayBuffer> | string | 'too-large'> {
  if (req.readableEnded && req.body !== undefined) {
    const parsed = req.body;
    if (typeof parsed === 'string') return parsed;
    if (parsed instanceof Uint8Array) return new Uint8Array(parsed);
    return JSON.stringify(parsed);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > maxBodyBytes) return 'too-large';
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function writeResponse(response: Response, res: ServerResponse, isHead: boolean): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name === 'set-cookie' || HOP_BY_HOP.has(name)) continue;
    res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  if (!response.body || isHead) {
    await response.body?.cancel();
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      if (!res.write(value)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
    }
    res.end();
  } finally {
    if (res.destroyed) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(text);
}

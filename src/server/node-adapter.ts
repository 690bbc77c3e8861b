import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { BodyLimitError } from './body.js';

export type WebHandler = (request: Request) => Promise<Response> | Response;

/** Fits `node:http` (`createServer(h)`), Connect/Vite middleware and Express (`app.use(path, h)`). */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

export interface NodeHandlerOptions {
  /** Largest request body accepted, in bytes (default 1 MiB); the stream fails past it and the answer is 413. */
  maxBodyBytes?: number;
  /** Time the body may take to arrive once the handler reads it, in ms (default 10 000); a stalled body gets 408. */
  bodyTimeoutMs?: number;
}

/** Express and Connect add these to the request; plain `node:http` does not. */
type FrameworkRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection']);

/** Streams need `duplex: 'half'` in Node's fetch; the DOM typings do not know the option yet. */
type StreamingRequestInit = RequestInit & { duplex: 'half' };

/**
 * Adapts a web `Request => Response` handler to Node's `(req, res, next)`. The body is passed on
 * as a stream, so the handler decides whether and when to read it (after authenticating).
 * Handler errors go to `next` when there is one (Express/Connect error handling), else become a
 * bare 500; a handler that fails because the body broke a limit gets the limit's 413 or 408.
 */
export function toNodeHandler(handler: WebHandler, options: NodeHandlerOptions = {}): NodeHandler {
  const { maxBodyBytes = 1024 * 1024, bodyTimeoutMs = 10_000 } = options;
  return (req, res, next) => {
    const controller = new AbortController();
    // The client went away before we finished: stop upstream work.
    res.once('close', () => {
      if (!res.writableFinished) controller.abort();
    });
    const body = new LimitedBody(req, maxBodyBytes, bodyTimeoutMs);
    serve(handler, req as FrameworkRequest, res, body, controller.signal)
      .catch((error: unknown) => {
        if (body.failure && !res.headersSent) return plain(res, body.failure.reason === 'too-large' ? 413 : 408, body.failure.message);
        if (next) return next(error);
        if (res.headersSent) return void res.destroy();
        res.statusCode = 500;
        res.end();
      })
      .finally(() => body.stopTimer());
  };
}

async function serve(handler: WebHandler, req: FrameworkRequest, res: ServerResponse, body: LimitedBody, signal: AbortSignal): Promise<void> {
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
  const init: StreamingRequestInit = { method, headers, signal, duplex: 'half' };
  if (method !== 'GET' && method !== 'HEAD') init.body = alreadyParsed(req) ?? body.stream();
  const response = await handler(new Request(url, init));
  // A body left unread (refused, too large, stalled) is not worth draining: close the connection instead.
  if (!req.complete) res.setHeader('Connection', 'close');
  await writeResponse(response, res, method === 'HEAD');
}

/** What a body parser (Express `json()`, etc.) already read from the stream, if one did. */
function alreadyParsed(req: FrameworkRequest): Uint8Array<ArrayBuffer> | string | undefined {
  if (!req.readableEnded || req.body === undefined) return undefined;
  const parsed = req.body;
  if (typeof parsed === 'string') return parsed;
  if (parsed instanceof Uint8Array) return new Uint8Array(parsed);
  return JSON.stringify(parsed);
}

/**
 * The request body as a web stream that reads from the socket only when pulled, counts bytes, and
 * fails with a BodyLimitError past `maxBytes`, or when the body has not arrived `timeoutMs` after
 * the handler first asked for it. Nothing is read unless the handler asks.
 */
class LimitedBody {
  failure: BodyLimitError | undefined;
  readonly #req: IncomingMessage;
  readonly #maxBytes: number;
  readonly #timeoutMs: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #size = 0;
  #started = false;
  /** The stream's controller while the handler reads, until the body ends, fails or is cancelled. */
  #reading: ReadableStreamDefaultController<Uint8Array> | undefined;

  constructor(req: IncomingMessage, maxBytes: number, timeoutMs: number) {
    this.#req = req;
    this.#maxBytes = maxBytes;
    this.#timeoutMs = timeoutMs;
  }

  stopTimer(): void {
    clearTimeout(this.#timer);
  }

  stream(): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>({
      pull: (controller) => {
        if (!this.#started) this.#listen(controller);
        this.#req.resume();
      },
      // The handler has what it wants: the rest is neither read nor kept.
      cancel: () => this.#stop(),
    });
  }

  #listen(controller: ReadableStreamDefaultController<Uint8Array>): void {
    const req = this.#req;
    this.#started = true;
    this.#reading = controller;
    this.#timer = setTimeout(() => this.#fail(new BodyLimitError('timeout')), this.#timeoutMs);
    req.on('data', (chunk: Buffer) => {
      const reading = this.#reading;
      if (!reading) return;
      this.#size += chunk.length;
      if (this.#size > this.#maxBytes) return this.#fail(new BodyLimitError('too-large'));
      reading.enqueue(new Uint8Array(chunk));
      // Backpressure: read on only when the handler pulls again.
      if ((reading.desiredSize ?? 0) <= 0) req.pause();
    });
    req.once('end', () => {
      const reading = this.#reading;
      this.#stop();
      reading?.close();
    });
    req.once('error', (error) => this.#fail(error));
  }

  #fail(error: Error): void {
    const reading = this.#reading;
    if (!reading) return;
    if (error instanceof BodyLimitError) this.failure = error;
    this.#stop();
    reading.error(error);
  }

  /** Reading is over: the timer stops and the request stays paused (an unfinished body closes the connection, see serve). */
  #stop(): void {
    this.#reading = undefined;
    this.stopTimer();
    this.#req.pause();
  }
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

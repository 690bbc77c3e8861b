/**
 * Runs a Connect/Node middleware (the sandbox's `handle`) on a fetch `Request` inside the service
 * worker: just the parts of `IncomingMessage` and `ServerResponse` the sandbox uses. A destroyed
 * socket (the sandbox's network-drop fault) becomes a network error, as a dropped connection is.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next?: () => void) => void;

type Listener = (...args: unknown[]) => void;

/** The `on`/`emit` half of Node's EventEmitter. */
class Emitter {
  readonly #listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.#listeners.get(event) ?? []) listener(...args);
  }
}

export async function runNodeMiddleware(middleware: NodeMiddleware, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const body = Buffer.from(await request.arrayBuffer());
  return new Promise((resolve) => {
    let done = false;
    const finish = (response: Response) => {
      if (done) return;
      done = true;
      res.writableFinished = response.type !== 'error';
      res.destroyed = !res.writableFinished;
      res.emit('close');
      resolve(response);
    };
    const drop = () => finish(Response.error());

    const req = Object.assign(new Emitter(), {
      method: request.method,
      url: url.pathname + url.search,
      headers: { ...Object.fromEntries(request.headers), host: url.host },
      socket: { encrypted: url.protocol === 'https:', destroy: drop },
    });
    // The body arrives once the middleware listens for its end.
    const listen = req.on.bind(req);
    req.on = (event, listener) => {
      listen(event, listener);
      if (event === 'end') queueMicrotask(() => (req.emit('data', body), req.emit('end')));
      return req;
    };

    const res = Object.assign(new Emitter(), {
      req,
      statusCode: 200,
      headersSent: false,
      destroyed: false,
      writableFinished: false,
      headers: {} as Record<string, string>,
      writeHead(status: number, headers: Record<string, string> = {}) {
        res.statusCode = status;
        res.headersSent = true;
        Object.assign(res.headers, headers);
        return res;
      },
      end(chunk?: string | Uint8Array) {
        const empty = res.statusCode === 204 || res.statusCode === 304;
        finish(new Response(empty ? null : (chunk ?? null), { status: res.statusCode, headers: res.headers }));
      },
      destroy: drop,
    });

    // The page gave up (an abort or a timeout): a hung answer is let go.
    request.signal.addEventListener('abort', drop);
    middleware(req as unknown as IncomingMessage, res as unknown as ServerResponse, () =>
      finish(new Response('Not a sandbox path', { status: 404 })),
    );
  });
}

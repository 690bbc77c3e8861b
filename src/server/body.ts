/** Reading request bodies with a size limit and a deadline, without ever holding more than the limit. */

export type BodyFailure = 'too-large' | 'timeout' | 'unreadable';

/** How a body stream fails when a limit is hit upstream of the reader (see `toNodeHandler`). */
export class BodyLimitError extends Error {
  constructor(readonly reason: 'too-large' | 'timeout') {
    super(reason === 'too-large' ? 'request body too large' : 'request body timed out');
    this.name = 'BodyLimitError';
  }
}

/**
 * The body as UTF-8 text, read chunk by chunk through a byte counter: the stream is cancelled as
 * soon as it passes `maxBytes` or `timeoutMs` runs out.
 */
export async function readBodyText(
  request: Request,
  maxBytes: number,
  timeoutMs: number,
): Promise<{ text: string } | { failure: BodyFailure }> {
  const body = request.body;
  if (!body) return { text: '' };
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) {
    await body.cancel().catch(() => undefined);
    return { failure: 'too-large' };
  }
  const reader = body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const stop = (failure: BodyFailure) => {
    reader.cancel().catch(() => undefined);
    return { failure };
  };
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), deadline]);
      if (next === 'timeout') return stop('timeout');
      if (next.done) break;
      size += next.value.byteLength;
      if (size > maxBytes) return stop('too-large');
      chunks.push(next.value);
    }
  } catch (error) {
    return { failure: error instanceof BodyLimitError ? error.reason : 'unreadable' };
  } finally {
    clearTimeout(timer);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { failure: 'unreadable' };
  }
}

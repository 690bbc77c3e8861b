import { KalturaApiError, redactSecrets } from './errors.js';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface ApiV3CallOptions {
  /** API v3 base, e.g. `https://www.kaltura.com/api_v3`. */
  serviceUrl: string;
  service: string;
  action: string;
  /** Form fields; nested params use bracket names (`filter[idIn]`). Undefined values are left out. */
  params: Record<string, string | number | undefined>;
  fetch?: FetchLike | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * One API v3 call: form-encoded POST to `{serviceUrl}/service/{service}/action/{action}` with
 * `format=1` (JSON). API v3 reports failures as HTTP 200 with a `KalturaAPIException` body; those
 * become a `KalturaApiError`, with any KS or secret sent in `params` scrubbed from the message.
 */
export async function callApiV3(options: ApiV3CallOptions): Promise<unknown> {
  const { serviceUrl, service, action, params, signal } = options;
  const doFetch = options.fetch ?? fetch;
  const body = new URLSearchParams({ format: '1', clientTag: 'kaltura-widgets-server' });
  for (const [name, value] of Object.entries(params)) if (value !== undefined) body.set(name, String(value));
  const url = `${serviceUrl.replace(/\/+$/, '')}/service/${encodeURIComponent(service)}/action/${encodeURIComponent(action)}`;
  const secrets = [params.ks, params.tokenHash].map((value) => (value === undefined ? undefined : String(value)));
  const where = `${service}.${action}`;

  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body,
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    throw new KalturaApiError('NETWORK_ERROR', `${where}: request failed (${describe(error)})`, { cause: error });
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const code = response.ok ? 'INVALID_RESPONSE' : 'HTTP_ERROR';
    throw new KalturaApiError(code, `${where}: HTTP ${response.status}, response is not JSON`, { status: response.status });
  }
  if (isApiException(data)) {
    const message = redactSecrets(String(data.message ?? ''), secrets);
    throw new KalturaApiError(String(data.code ?? 'UNKNOWN'), `${where}: ${message || 'Kaltura API exception'}`, {
      status: response.status,
    });
  }
  if (!response.ok) throw new KalturaApiError('HTTP_ERROR', `${where}: HTTP ${response.status}`, { status: response.status });
  return data;
}

function isApiException(data: unknown): data is { code?: unknown; message?: unknown } {
  return typeof data === 'object' && data !== null && (data as { objectType?: unknown }).objectType === 'KalturaAPIException';
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.name === 'AbortError' || error.name === 'TimeoutError' ? error.name : error.message;
}

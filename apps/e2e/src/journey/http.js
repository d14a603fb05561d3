'use strict';
// A small JSON-over-HTTP client for the journey: every call says which step it belongs to, and a non-2xx answer fails
// with the status and the body's error (the services never put personal data in errors).

class HttpError extends Error {
  constructor(method, url, status, body) {
    super(`${method} ${new URL(url).pathname} -> ${status}: ${JSON.stringify(body).slice(0, 400)}`);
    this.status = status;
    this.body = body;
  }
}

async function call(method, url, { token, body, correlationId, expect = [200, 201] } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (correlationId) headers['x-correlation-id'] = correlationId;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  if (!expect.includes(res.status)) throw new HttpError(method, url, res.status, parsed);
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Polls `probe` until it returns a truthy value (or the time is up). */
async function waitFor(what, probe, { timeoutMs = 30000, intervalMs = 150, describe } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  const state = describe ? `; ${describe()}` : '';
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${last.message})` : ''}${state}`);
}

module.exports = { call, waitFor, HttpError };

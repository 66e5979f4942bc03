// Talks to the JSON API next to the dashboard (../api, so the dashboard works wherever the API is
// mounted). A token, when the server wants one, is kept for this tab only and sent in the
// Authorization header: no cookie carries it, so another site cannot make the browser send it.

const TOKEN_KEY = 'stepwise.token';
const BASE = '../api';

/** A refusal of the API, with its status and the violations of a 400. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.error ? body.error : `HTTP ${status}`);
    this.status = status;
    this.violations = (body && body.violations) || [];
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function headers(extra) {
  const all = {...extra};
  const t = token();
  if (t) all.Authorization = `Bearer ${t}`;
  return all;
}

async function parse(response) {
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = {error: text};
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export async function get(path) {
  return parse(await fetch(BASE + path, {headers: headers({Accept: 'application/json'})}));
}

/** POSTs `body` as JSON (nothing when undefined). */
export async function post(path, body) {
  return parse(await fetch(BASE + path, {
    method: 'POST',
    headers: headers({'Content-Type': 'application/json', Accept: 'application/json'}),
    body: body === undefined ? '' : JSON.stringify(body),
  }));
}

/** The path of a run's routes. */
export function runPath(workflow, runId) {
  return `/workflows/${encodeURIComponent(workflow)}/runs/${encodeURIComponent(runId)}`;
}

const FINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/**
 * Follows a run's event stream, calling onChange for every change, until the run's final change
 * (or stop()). Read with fetch rather than EventSource, which cannot send the Authorization
 * header. A dropped connection is opened again with Last-Event-ID, so no change is missed; the
 * server may resend one, which onChange must bear.
 */
export function follow(path, onChange) {
  const controller = new AbortController();
  let stopped = false;
  let lastId = null;

  async function readOnce() {
    const extra = {Accept: 'text/event-stream'};
    if (lastId) extra['Last-Event-ID'] = lastId;
    const response = await fetch(BASE + path, {headers: headers(extra), signal: controller.signal});
    if (!response.ok) throw await parse(response).catch((e) => e);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const {value, done} = await reader.read();
      if (done) return false;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = parseEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (event.id) lastId = event.id;
        if (!event.data) continue;
        const change = JSON.parse(event.data);
        onChange(change);
        if (!change.stepId && FINAL.has(change.status)) return true;
      }
    }
  }

  (async () => {
    while (!stopped) {
      try {
        if (await readOnce()) return;
      } catch (e) {
        if (stopped) return;
        if (e instanceof ApiError && e.status !== 503) return; // not found or not allowed: give up
      }
      await new Promise((resolve) => setTimeout(resolve, 1000)); // then resume where it broke
    }
  })();
  return () => {
    stopped = true;
    controller.abort();
  };
}

function parseEvent(block) {
  const event = {data: ''};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue; // a comment: the server's keep-alive ping
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') event.data += (event.data ? '\n' : '') + value;
    else if (field === 'id') event.id = value;
    else if (field === 'event') event.type = value;
  }
  return event;
}

import { storedToken } from './session.js';

/** A refused or failed request, with the platform's message when it sent one. */
export class ApiError extends Error {
  constructor(status, id, message) {
    super(message);
    this.status = status;
    this.id = id;
  }
}

let unauthorized = () => {};

/** What to do when the token is refused: the console forgets it and shows the login page. */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

/**
 * One request to the Platform API with the stored token. `auth: false` sends no token and leaves a 401 to the
 * caller (a wrong password is the login form's error, not a lost session). Resolves to the Response.
 */
export async function request(method, path, body, { auth = true, signal, accept = 'application/json' } = {}) {
  const headers = { Accept: accept };
  const token = auth ? storedToken() : null;
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, signal, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    if (e.name === 'AbortError') {
      throw e;
    }
    throw new ApiError(0, 'network', 'Could not reach the platform. Check the connection and try again.');
  }
  if (!response.ok) {
    throw await refusal(response, auth);
  }
  return response;
}

async function refusal(response, auth) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: the status says enough
  }
  if (response.status === 401 && auth) {
    unauthorized();
  }
  const message = body?.message ?? `The platform answered ${response.status} ${response.statusText}.`.replace(' .', '.');
  return new ApiError(response.status, body?.id ?? 'error', message);
}

async function json(response) {
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const api = {
  get: (path, options) => request('GET', path, undefined, options).then(json),
  text: (path, options) => request('GET', path, undefined, { ...options, accept: 'text/plain' }).then((r) => r.text()),
  post: (path, body, options) => request('POST', path, body ?? {}, options).then(json),
  patch: (path, body, options) => request('PATCH', path, body, options).then(json),
  delete: (path, options) => request('DELETE', path, undefined, options).then(json),
};

/** The API path of an app, or of something under it: `appPath('my-app', '/dynos')`. */
export function appPath(app, rest = '') {
  return `/apps/${encodeURIComponent(app)}${rest}`;
}

/** What to tell the user about a failure. */
export function messageOf(error) {
  return error instanceof ApiError ? error.message : `Something went wrong: ${error?.message ?? error}`;
}

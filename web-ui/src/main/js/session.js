/** Where the login token lives between reloads; storage that throws (a locked-down browser) holds nothing. */
export const TOKEN_KEY = 'paas.token';

export function storedToken() {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token) {
  try {
    localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // the session then lasts until the page is left
  }
}

export function forgetToken() {
  try {
    localStorage.removeItem(TOKEN_KEY);
  } catch {
    // nothing was kept
  }
}

/** Moves to a route; `replace` keeps a redirect out of the history, so Back does not bounce into it again. */
export function go(hash, replace = false) {
  if (location.hash === hash) {
    return;
  }
  if (replace) {
    location.replace(hash);
  } else {
    location.hash = hash;
  }
}

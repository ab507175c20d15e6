import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from '../api.js';
import { parseRoute } from '../lib/routes.js';

/** The route the location hash names, following every change. */
export function useRoute() {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const follow = () => setHash(location.hash);
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return parseRoute(hash);
}

/**
 * Something the user set off: `run(fn, key)` marks it busy (key says which of several buttons acted), keeps the
 * error to show next to it, and resolves to whether it worked.
 */
export function useAction() {
  const [state, setState] = useState({ busy: null, error: null });
  const mounted = useRef(true);
  useEffect(() => () => {
    mounted.current = false;
  }, []);
  const run = useCallback(async (fn, key = true) => {
    setState({ busy: key, error: null });
    try {
      await fn();
      if (mounted.current) {
        setState({ busy: null, error: null });
      }
      return true;
    } catch (e) {
      if (mounted.current) {
        setState({ busy: null, error: messageOf(e) });
      }
      return false;
    }
  }, []);
  const fail = useCallback((error) => setState({ busy: null, error }), []);
  return { busy: state.busy, error: state.error, run, fail };
}

/**
 * Data loaded from the API, loaded again every `refreshMs` while the page is visible (0: once). `loading` is true
 * only for a load the user waits on, not for the quiet refreshes; a refresh is skipped while one is in flight,
 * and an answer that a newer load overtook is dropped.
 */
export function useResource(load, deps, refreshMs = 0) {
  const [state, setState] = useState({ data: undefined, error: null, loading: true });
  const latest = useRef(0);
  const inFlight = useRef(false);
  const reload = useCallback(async (quiet = false) => {
    if (quiet && inFlight.current) {
      return;
    }
    const mine = ++latest.current;
    inFlight.current = true;
    if (!quiet) {
      setState((s) => ({ ...s, loading: true }));
    }
    try {
      const data = await load();
      if (mine === latest.current) {
        setState({ data, error: null, loading: false });
      }
    } catch (e) {
      if (mine === latest.current) {
        setState((s) => ({ data: s.data, error: messageOf(e), loading: false }));
      }
    } finally {
      if (mine === latest.current) {
        inFlight.current = false;
      }
    }
  }, deps);
  useEffect(() => {
    reload();
    const timer = refreshMs ? setInterval(() => document.hidden || reload(true), refreshMs) : null;
    return () => {
      clearInterval(timer);
      latest.current += 1;
      inFlight.current = false;
    };
  }, [reload, refreshMs]);
  const setData = useCallback((data) => {
    latest.current += 1;
    inFlight.current = false;
    setState({ data, error: null, loading: false });
  }, []);
  return { ...state, reload, setData };
}

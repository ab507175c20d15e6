const FIRST_MS = 1000;
const MAX_MS = 30000;

/**
 * How long to wait before reconnecting after `failures` attempts in a row that ended: doubling from 1 s up to
 * 30 s, each wait drawn from its upper half so that many consoles do not all come back at the same instant.
 */
export function backoffDelay(failures, random = Math.random) {
  const ceiling = Math.min(MAX_MS, FIRST_MS * 2 ** Math.max(0, failures));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * How to add `incoming` lines to a list of `current` so at most `max` remain, oldest dropped first: skip the first
 * `skip` incoming lines (they would be dropped at once) and remove the `drop` oldest current ones.
 */
export function planAppend(current, incoming, max) {
  const skip = Math.max(0, incoming - max);
  const drop = Math.max(0, current + incoming - skip - max);
  return { skip, drop };
}

/** Appends `items` to `list` in place, keeping its newest `max`. */
export function appendCapped(list, items, max) {
  const { skip, drop } = planAppend(list.length, items.length, max);
  list.splice(0, drop);
  for (let i = skip; i < items.length; i += 1) {
    list.push(items[i]);
  }
  return list;
}

const UNITS = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago", as Heroku's dashboard says it; "" for no time at all. */
export function relativeTime(iso, now = Date.now()) {
  if (!iso) {
    return '';
  }
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (Number.isNaN(seconds)) {
    return '';
  }
  if (seconds < 45) {
    return 'just now';
  }
  for (const [unit, size] of UNITS) {
    const count = Math.round(seconds / size);
    if (count >= 1 && seconds >= size * 0.75) {
      return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
    }
  }
  return 'just now';
}

/** A byte count in binary units, as dyno sizes are given: "512 MB", "1.5 GB". */
export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) {
    return '';
  }
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value >= 10 || unit === 0 ? 0 : 1;
  return `${value.toFixed(digits).replace(/\.0$/, '')} ${units[unit]}`;
}

/** `up/total` from an app's dyno counts, or a dash when the platform did not give them. */
export function dynoCount(dynos) {
  if (!dynos || typeof dynos.up !== 'number' || typeof dynos.total !== 'number') {
    return '–';
  }
  return `${dynos.up}/${dynos.total}`;
}

/** A number for a table cell, or a dash when it is missing. */
export function count(value) {
  return typeof value === 'number' ? String(value) : '–';
}

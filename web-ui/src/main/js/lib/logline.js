/** Heroku's log line: `2026-11-27T07:01:00.123456+00:00 app[web.1]: message`. */
const LINE = /^(\S+) ([a-z]+)\[([^\]]+)\]: ?([\s\S]*)$/;

/**
 * The parts of one log line; a line in another shape keeps its text as the message, so nothing is lost.
 * `speaker` is app (the app's own words and the API's) or heroku (the platform's); `process` is who spoke.
 */
export function parseLogLine(text) {
  const match = LINE.exec(text);
  if (!match) {
    return { time: '', speaker: '', process: '', message: text };
  }
  return { time: match[1], speaker: match[2], process: match[3], message: match[4] };
}

/** The time of day of a log timestamp, to the millisecond, as the line wrote it (UTC). */
export function logClock(time) {
  const match = /T(\d\d:\d\d:\d\d(?:\.\d{1,3})?)/.exec(time);
  return match ? match[1] : time;
}

/** Who spoke, for the line's colour: the router, the platform, the API, a build, or the app itself. */
export function speakerKind({ speaker, process }) {
  if (process === 'router') {
    return 'router';
  }
  if (speaker === 'heroku') {
    return 'platform';
  }
  if (process === 'api') {
    return 'api';
  }
  return process === 'build' || process.startsWith('release') ? 'build' : 'app';
}

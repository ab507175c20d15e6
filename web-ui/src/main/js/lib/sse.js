/**
 * Reads a text/event-stream as it arrives: push() takes the decoded text of each chunk and returns the data of
 * every event the chunk completed. Comments (": keepalive") and fields other than data are skipped; a line ending
 * split across two chunks is waited for rather than taken for two lines.
 */
export class SseParser {
  #pending = '';
  #data = [];

  push(text) {
    const events = [];
    const input = this.#pending + text;
    const ends = /\r\n|\n|\r(?!$)/g;
    let start = 0;
    for (let match = ends.exec(input); match; match = ends.exec(input)) {
      this.#line(input.slice(start, match.index), events);
      start = ends.lastIndex;
    }
    this.#pending = input.slice(start);
    return events;
  }

  #line(line, events) {
    if (line === '') {
      if (this.#data.length > 0) {
        events.push(this.#data.join('\n'));
        this.#data = [];
      }
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    if (field !== 'data') {
      return;
    }
    const value = colon < 0 ? '' : line.slice(colon + 1);
    this.#data.push(value.startsWith(' ') ? value.slice(1) : value);
  }
}

/** The same for a plain text stream, one line per newline: what a platform without SSE answers. */
export class LineReader {
  #pending = '';

  push(text) {
    const lines = (this.#pending + text).split('\n');
    this.#pending = lines.pop();
    return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
  }
}

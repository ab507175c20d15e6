package io.paas.router.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.router.Backend;
import org.junit.jupiter.api.Test;

class RouterLogLineTest {
  private static final long MS = 1_000_000;
  private final Backend web2 = new Backend("web.2", "127.0.0.1", 5002);

  @Test
  void writesAServedRequestAsHerokuDoes() {
    Exchange exchange = new Exchange("alpha", "GET", "/", "alpha.paas.test", "http");
    exchange.requestId("f058ebd6-02f7-4d3f-942e-904344e8cde5");
    exchange.forwardedFor("203.0.113.7, 127.0.0.1");
    exchange.attempt(web2, 2, 100 * MS);
    exchange.connected(101 * MS + 400_000);

    assertThat(RouterLogLine.of(exchange, 200, 1234, 113 * MS + 600_000)).isEqualTo(
        "at=info method=GET path=\"/\" host=alpha.paas.test request_id=f058ebd6-02f7-4d3f-942e-904344e8cde5"
            + " fwd=\"203.0.113.7, 127.0.0.1\" dyno=web.2 connect=1ms service=12ms status=200 bytes=1234"
            + " protocol=http");
  }

  @Test
  void namesTheErrorAndItsCode() {
    Exchange exchange = new Exchange("alpha", "POST", "/slow?x=1", "alpha.paas.test", "https");
    exchange.requestId("id-0123456789abcdefghij");
    exchange.forwardedFor("127.0.0.1");
    exchange.attempt(web2, 1, 0);
    exchange.connected(0);
    exchange.error(RouterError.REQUEST_TIMEOUT);

    assertThat(RouterLogLine.of(exchange, 504, 180, 30_001 * MS)).isEqualTo(
        "at=error code=H12 desc=\"Request timeout\" method=POST path=\"/slow?x=1\" host=alpha.paas.test"
            + " request_id=id-0123456789abcdefghij fwd=\"127.0.0.1\" dyno=web.2"
            + " connect=0ms service=30001ms status=504 bytes=180 protocol=https");
  }

  @Test
  void leavesTheDynoFieldsEmptyWhenNoDynoWasContacted() {
    Exchange exchange = new Exchange("alpha", "GET", "/", "alpha.paas.test", "http");
    exchange.requestId("id-0123456789abcdefghij");
    exchange.forwardedFor("127.0.0.1");
    exchange.error(RouterError.MAINTENANCE);

    assertThat(RouterLogLine.of(exchange, 503, 312, 5 * MS)).isEqualTo(
        "at=info code=H80 desc=\"Maintenance mode\" method=GET path=\"/\" host=alpha.paas.test"
            + " request_id=id-0123456789abcdefghij fwd=\"127.0.0.1\" dyno= connect= service= status=503 bytes=312"
            + " protocol=http");
  }

  @Test
  void keepsTheConnectTimeButNoServiceTimeWhenTheConnectionFailed() {
    Exchange exchange = new Exchange("alpha", "GET", "/", "alpha.paas.test", "http");
    exchange.attempt(web2, 1, 0);
    exchange.connectFailed(5_000 * MS);
    exchange.error(RouterError.CONNECT_TIMEOUT);

    assertThat(RouterLogLine.of(exchange, 503, 0, 5_001 * MS))
        .contains(" dyno=web.2 connect=5000ms service= status=503 ");
  }

  @Test
  void escapesQuotesBackslashesAndControlCharactersInQuotedFields() {
    Exchange exchange = new Exchange("alpha", "GET", "/a\"b\\c\td", "alpha.paas.test", "http");
    exchange.forwardedFor("\"evil\" \u001b[31m");

    assertThat(RouterLogLine.of(exchange, 200, 0, 0))
        .contains(" path=\"/a\\\"b\\\\c\\x09d\" ")
        .contains(" fwd=\"\\\"evil\\\" \\x1b[31m\" ");
  }
}

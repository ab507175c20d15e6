package io.paas.router;

import static io.paas.router.FakeDyno.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RequestLimitsTest extends RouterFixture {
  private static final int MAX_BODY = 1024;
  private static final int MAX_HEADERS = 2048;

  private FakeDyno dyno;
  private final AtomicBoolean dynoGotAWholeBody = new AtomicBoolean();

  @Override
  protected RouterOptions options() {
    return super.options().withMaxBodySize(MAX_BODY).withMaxHeaderSize(MAX_HEADERS);
  }

  @BeforeEach
  void startDyno() {
    dyno = FakeDyno.start(vertx, "web.1", request -> request.body().onSuccess(body -> {
      dynoGotAWholeBody.set(true);
      request.response().end("got " + body.length());
    }));
    table.put("alpha", List.of(dyno.backend()));
  }

  @Test
  void answers431ForHeadersOverTheLimit() {
    Reply reply = send(to("alpha.paas.test").putHeader("X-Big", "x".repeat(MAX_HEADERS)));

    assertThat(reply.status()).isEqualTo(431);
    assertThat(dyno.received()).isEmpty();
  }

  @Test
  void answers414ForARequestLineOverTheLimit() {
    Reply reply = send(to("alpha.paas.test").setURI("/" + "x".repeat(MAX_HEADERS)));

    assertThat(reply.status()).isEqualTo(414);
    assertThat(dyno.received()).isEmpty();
  }

  @Test
  void passesBodiesUpToTheLimit() {
    Reply reply = send(to("alpha.paas.test").setMethod(HttpMethod.POST), Buffer.buffer(new byte[MAX_BODY]));

    assertThat(reply.body()).isEqualTo("got " + MAX_BODY);
  }

  @Test
  void answers413AtOnceForADeclaredLengthOverTheLimit() {
    HttpClientRequest upload = await(client.request(to("alpha.paas.test").setMethod(HttpMethod.POST)));
    upload.putHeader("Content-Length", Integer.toString(MAX_BODY + 1)).putHeader("Expect", "100-continue");
    upload.continueHandler(v -> upload.end(Buffer.buffer(new byte[MAX_BODY + 1])));
    Future<Reply> reply = upload.response().compose(response -> response.body()
        .map(body -> new Reply(response.statusCode(), response.headers(), body.toString())));

    upload.sendHead();

    assertThat(await(reply).status()).isEqualTo(413);
    assertThat(await(reply).body()).contains("HTTP Restriction");
    assertThat(dyno.received()).isEmpty();
    assertThat(nextLogLine().text()).startsWith("at=error code=H25 desc=\"HTTP Restriction\" method=POST ")
        .contains(" dyno= connect= service= status=413 ");
  }

  @Test
  void stopsAChunkedBodyThatGrowsOverTheLimit() {
    HttpClientRequest upload = await(client.request(to("alpha.paas.test").setMethod(HttpMethod.POST)));
    Future<Integer> status = upload.response().map(HttpClientResponse::statusCode);
    upload.setChunked(true);

    for (int i = 0; i < 4; i++) {
      upload.write(Buffer.buffer(new byte[MAX_BODY / 2]));
    }
    upload.end();

    Integer answered = await(status.otherwise(failure -> null));
    assertThat(answered).as("413, or the connection closed before it could be read").isIn(413, null);
    assertThat(nextLogLine().text()).startsWith("at=error code=H25 desc=\"HTTP Restriction\" method=POST ")
        .contains(" dyno=web.1 ", " status=413 ");
    assertThat(dynoGotAWholeBody).isFalse();
  }
}

package io.paas.e2e;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client making API calls one after another, call {@code i} being {@code call.make(i)}, as a user scripting the
 * API would while the platform is in trouble. It notes which calls were acknowledged (2xx) and when, how many were
 * refused with the 503 that says the database is unavailable, and any other outcome, which is a failure.
 */
final class ApiLoop implements AutoCloseable {
  interface Call {
    HttpResponse<String> make(int i) throws Exception;
  }

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Map<Integer, Instant> acknowledged = new ConcurrentHashMap<>();
  private final AtomicInteger unavailable = new AtomicInteger();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final Thread client;

  private ApiLoop(Call call) {
    client = new Thread(() -> run(call), "api-loop");
  }

  static ApiLoop start(Call call) {
    ApiLoop loop = new ApiLoop(call);
    loop.client.start();
    return loop;
  }

  private void run(Call call) {
    for (int i = 0; running.get(); i++) {
      try {
        HttpResponse<String> response = call.make(i);
        if (response.statusCode() / 100 == 2) {
          acknowledged.put(i, Instant.now());
        } else if (response.statusCode() == 503
            && "database_unavailable".equals(new JsonObject(response.body()).getString("id"))) {
          unavailable.incrementAndGet();
        } else {
          failures.add("call " + i + ": " + response.statusCode() + " " + response.body());
        }
      } catch (Exception e) {
        failures.add("call " + i + ": " + e);
      }
    }
  }

  /** Stops after the call under way. */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    client.join();
  }

  /** The numbers of the calls acknowledged so far. */
  List<Integer> acknowledged() {
    return List.copyOf(acknowledged.keySet());
  }

  /** When the first call acknowledged after {@code moment} was, if one was. */
  Optional<Instant> firstAcknowledgedAfter(Instant moment) {
    return acknowledged.values().stream().filter(at -> at.isAfter(moment)).min(Instant::compareTo);
  }

  int unavailable() {
    return unavailable.get();
  }

  List<String> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }
}

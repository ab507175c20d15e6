package io.paas.e2e;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Clients that GET an app through the router in a loop while a test changes the app, as real users would keep
 * browsing during a deploy. A request fails when it errors or its answer is not a 200 the test accepts.
 */
final class RequestLoop implements AutoCloseable {
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger ok = new AtomicInteger();
  private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private final Set<String> bodies = ConcurrentHashMap.newKeySet();
  private final List<Thread> clients = new ArrayList<>();

  /** Starts {@code clients} threads that GET the app's {@code /} and accept a 200 whose body passes {@code good}. */
  static RequestLoop start(Platform platform, String app, int clients, Predicate<String> good) {
    return start(platform, platform.routerPort, app, clients, good);
  }

  /** The same through whichever router listens on {@code port} (one started alone, say). */
  static RequestLoop start(Platform platform, int port, String app, int clients, Predicate<String> good) {
    RequestLoop loop = new RequestLoop();
    for (int i = 0; i < clients; i++) {
      Thread client = new Thread(() -> loop.run(platform, port, app, good), "request-loop-" + i);
      loop.clients.add(client);
      client.start();
    }
    return loop;
  }

  private void run(Platform platform, int port, String app, Predicate<String> good) {
    while (running.get()) {
      try {
        HttpResponse<String> response = platform.get(port, app + ".localhost", "/");
        if (response.statusCode() == 200 && good.test(response.body())) {
          ok.incrementAndGet();
          bodies.add(response.body().trim());
        } else {
          failures.add(response.statusCode() + " " + response.body().strip());
        }
      } catch (Exception e) {
        failures.add(e.toString());
      }
    }
  }

  /** Stops the clients and waits for their last request. */
  @Override
  public void close() throws InterruptedException {
    running.set(false);
    for (Thread client : clients) {
      client.join();
    }
  }

  int served() {
    return ok.get();
  }

  List<String> failures() {
    synchronized (failures) {
      return List.copyOf(failures);
    }
  }

  /** Every distinct body served so far, trimmed. */
  Set<String> bodies() {
    return Set.copyOf(bodies);
  }
}

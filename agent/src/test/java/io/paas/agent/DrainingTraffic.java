package io.paas.agent;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A stand-in for the router: sends each request to the next served dyno, round robin, and completes a switch once
 * the dynos it dropped have no request in flight, as the router's drain does.
 */
final class DrainingTraffic implements TrafficSwitch {
  private static final long POLL_MILLIS = 10;

  private final Vertx vertx;
  private final Map<String, Integer> inFlight = new HashMap<>();
  private List<Dyno> serving = List.of();
  private int next;

  DrainingTraffic(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Future<Void> serve(String app, List<Dyno> dynos) {
    Set<String> dropped;
    synchronized (this) {
      Set<String> kept = dynos.stream().map(Dyno::containerId).collect(Collectors.toSet());
      dropped = serving.stream().map(Dyno::containerId).filter(id -> !kept.contains(id)).collect(Collectors.toSet());
      serving = List.copyOf(dynos);
    }
    Promise<Void> drained = Promise.promise();
    awaitDrained(dropped, drained);
    return drained.future();
  }

  /** One GET / through the "router": the status line of the answer, or what went wrong. */
  String get() {
    Dyno dyno;
    synchronized (this) {
      if (serving.isEmpty()) {
        return "no dyno to serve";
      }
      dyno = serving.get(next++ % serving.size());
      inFlight.merge(dyno.containerId(), 1, Integer::sum);
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(dyno.host(), dyno.port()), 2000);
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write("GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int end = answer.indexOf("\r\n");
      return end < 0 ? "no status line from " + dyno.name() + ": " + answer : answer.substring(0, end);
    } catch (IOException e) {
      return dyno.name() + " " + dyno.containerId() + ": " + e;
    } finally {
      synchronized (this) {
        inFlight.merge(dyno.containerId(), -1, Integer::sum);
      }
    }
  }

  private void awaitDrained(Set<String> dropped, Promise<Void> drained) {
    boolean idle;
    synchronized (this) {
      idle = dropped.stream().allMatch(id -> inFlight.getOrDefault(id, 0) == 0);
    }
    if (idle) {
      drained.complete();
    } else {
      vertx.setTimer(POLL_MILLIS, t -> awaitDrained(dropped, drained));
    }
  }
}

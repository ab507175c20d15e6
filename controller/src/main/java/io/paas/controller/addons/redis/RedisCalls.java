package io.paas.controller.addons.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** The platform's own calls to an addon's redis-server, each on a connection of its own: they are few and far apart. */
final class RedisCalls {
  private static final int CONNECT_TIMEOUT_MS = 2000;

  private final Vertx vertx;

  RedisCalls(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Succeeds once the server answered PING, past its password. */
  Future<Void> ping(RedisCredentials credentials) {
    return send(credentials, Request.cmd(Command.PING)).mapEmpty();
  }

  /** The fields of an INFO section, as {@code used_memory_human -> 1.02M}. */
  Future<Map<String, String>> info(RedisCredentials credentials, String section) {
    return send(credentials, Request.cmd(Command.INFO).arg(section)).map(reply -> fields(reply.toString()));
  }

  private Future<Response> send(RedisCredentials credentials, Request request) {
    Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(credentials.localUrl())
        .setNetClientOptions(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS)));
    return client.send(request).eventually(client::close);
  }

  /** INFO's reply: {@code # Section} headings, then {@code field:value} lines. */
  private static Map<String, String> fields(String info) {
    Map<String, String> fields = new LinkedHashMap<>();
    info.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
      int colon = line.indexOf(':');
      if (colon > 0) {
        fields.put(line.substring(0, colon), line.substring(colon + 1));
      }
    });
    return fields;
  }
}

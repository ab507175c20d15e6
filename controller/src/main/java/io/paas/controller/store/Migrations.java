package io.paas.controller.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the numbered scripts listed in {@code db/migrations.txt} that the database has not seen, each in its own
 * transaction, in order. An advisory lock keeps two controllers starting together from applying one twice. Numbers
 * only have to increase: branches developed side by side reserve theirs, so a gap can be filled by a later merge and
 * is then applied like any script not seen yet.
 */
public final class Migrations {
  private static final String INDEX = "db/migrations.txt";
  private static final Pattern NAME = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");
  private static final long LOCK_KEY = 0x7061617300000001L;

  private final Pool pool;

  public Migrations(Pool pool) {
    this.pool = pool;
  }

  /** Completes with the number of scripts applied now. */
  public Future<Integer> apply() {
    List<Script> scripts = scripts();
    return pool.withTransaction(conn -> conn.query("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")").execute()
        .compose(v -> conn.query("CREATE TABLE IF NOT EXISTS schema_migrations ("
            + "version INT PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())").execute())
        .compose(v -> conn.query("SELECT version FROM schema_migrations").execute())
        .compose(rows -> {
          List<Integer> applied = new ArrayList<>();
          rows.forEach(r -> applied.add(r.getInteger(0)));
          Future<Integer> chain = Future.succeededFuture(0);
          for (Script script : scripts) {
            if (applied.contains(script.version())) {
              continue;
            }
            chain = chain.compose(count -> conn.query(script.sql()).execute()
                .compose(r -> conn.preparedQuery("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)")
                    .execute(Tuple.of(script.version(), script.name())))
                .map(r -> count + 1));
          }
          return chain;
        }));
  }

  private static List<Script> scripts() {
    List<Script> scripts = new ArrayList<>();
    for (String name : read(INDEX).split("\\s+")) {
      if (name.isBlank()) {
        continue;
      }
      Matcher m = NAME.matcher(name);
      if (!m.matches()) {
        throw new IllegalStateException("Bad migration name " + name + " in " + INDEX);
      }
      int version = Integer.parseInt(m.group(1));
      // Gaps are allowed: branches reserve numbers ahead, and each script is applied once whatever its neighbours.
      if (!scripts.isEmpty() && version <= scripts.get(scripts.size() - 1).version()) {
        throw new IllegalStateException("Migrations must be listed in increasing order; found " + name);
      }
      scripts.add(new Script(version, name, read("db/migration/" + name)));
    }
    return scripts;
  }

  private static String read(String resource) {
    try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Script(int version, String name, String sql) {
  }
}

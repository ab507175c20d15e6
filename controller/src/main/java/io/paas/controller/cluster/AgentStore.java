package io.paas.controller.cluster;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The agents table. */
public final class AgentStore {
  private static final String COLUMNS = "id, name, memory, cpus, state, last_heartbeat, generation";

  private final Pool pool;

  public AgentStore(Pool pool) {
    this.pool = pool;
  }

  /** The same name gets the same id; (re-)registering marks the agent up. */
  public Future<AgentRecord> register(String name, long memoryBytes, double cpus) {
    return pool.preparedQuery("INSERT INTO agents (name, memory, cpus, state, last_heartbeat) "
            + "VALUES ($1, $2, $3, 'up', now()) ON CONFLICT (name) DO UPDATE SET memory = EXCLUDED.memory, "
            + "cpus = EXCLUDED.cpus, state = 'up', last_heartbeat = now() RETURNING " + COLUMNS)
        .execute(Tuple.of(name, memoryBytes, cpus))
        .map(rows -> agent(rows.iterator().next()));
  }

  /** Notes a heartbeat; completes with the agent as it was before it, empty if unknown. */
  public Future<Optional<AgentRecord>> heartbeat(long id) {
    return pool.preparedQuery("UPDATE agents a SET last_heartbeat = now(), state = 'up' FROM agents b "
            + "WHERE a.id = $1 AND b.id = a.id RETURNING b.id, b.name, b.memory, b.cpus, b.state, "
            + "b.last_heartbeat, b.generation")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty()
            : Optional.of(agent(rows.iterator().next())));
  }

  public Future<Optional<AgentRecord>> get(long id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM agents WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(agent(rows.iterator().next())));
  }

  public Future<List<AgentRecord>> all() {
    return pool.query("SELECT " + COLUMNS + " FROM agents ORDER BY name").execute().map(rows -> {
      List<AgentRecord> agents = new ArrayList<>();
      rows.forEach(row -> agents.add(agent(row)));
      return agents;
    });
  }

  /** Marks lost the agents silent for longer than {@code timeoutMillis}; completes with their ids. */
  public Future<List<Long>> markLost(long timeoutMillis) {
    return pool.preparedQuery("UPDATE agents SET state = 'lost' WHERE state = 'up' "
            + "AND last_heartbeat < now() - make_interval(secs => $1) RETURNING id")
        .execute(Tuple.of(timeoutMillis / 1000.0))
        .map(rows -> {
          List<Long> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getLong(0)));
          return ids;
        });
  }

  /** Completes with the new generation. */
  public Future<Long> bumpGeneration(long id) {
    return pool.preparedQuery("UPDATE agents SET generation = generation + 1 WHERE id = $1 RETURNING generation")
        .execute(Tuple.of(id))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static AgentRecord agent(Row row) {
    return new AgentRecord(row.getLong("id"), row.getString("name"), row.getLong("memory"), row.getDouble("cpus"),
        row.getString("state"), row.getOffsetDateTime("last_heartbeat").withOffsetSameInstant(ZoneOffset.UTC)
        .toInstant(), row.getLong("generation"));
  }
}

package io.paas.controller.addons.postgres;

import io.paas.controller.addons.AddonInstance;
import io.paas.controller.addons.AddonPlan;
import io.paas.controller.addons.AddonProvider;
import io.paas.controller.auth.Tokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.HostAndPort;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * PostgreSQL addons: each one a role and a database of the same name on the addon server, reachable only by that
 * role, with the plan's connection limit.
 */
public final class PostgresAddonProvider implements AddonProvider {
  private static final String URL = "url";

  private final AdminSessions admin;
  private final HostAndPort tenantAddress;

  public PostgresAddonProvider(Vertx vertx, AddonPostgresServer server) {
    this.admin = new AdminSessions(vertx, server.admin());
    this.tenantAddress = server.tenantAddress();
  }

  @Override
  public String service() {
    return "postgres";
  }

  @Override
  public String defaultAttachment() {
    return "DATABASE";
  }

  @Override
  public List<AddonPlan> plans() {
    return PostgresPlan.ALL.stream().map(PostgresPlan::addonPlan).toList();
  }

  @Override
  public Future<Map<String, String>> provision(AddonInstance addon) {
    // compose turns a throw (unknown plan, unusable name) into a failed future; deprovision and info do the same.
    return Future.succeededFuture(addon).compose(this::make);
  }

  @Override
  public Future<Void> deprovision(AddonInstance addon, Map<String, String> credentials) {
    return Future.succeededFuture(addon).compose(found -> remove(PostgresNames.of(found.name())));
  }

  @Override
  public Map<String, String> configVars(String as, Map<String, String> credentials) {
    return Map.of(as + "_URL", credentials.get(URL));
  }

  @Override
  public Future<Map<String, String>> info(AddonInstance addon, Map<String, String> credentials) {
    return Future.succeededFuture(addon).compose(this::facts);
  }

  private Future<Map<String, String>> make(AddonInstance addon) {
    String name = PostgresNames.of(addon.name());
    PostgresPlan plan = PostgresPlan.named(addon.plan());
    String password = Tokens.randomString(32);
    String role = TenantSql.createRole(name, ScramVerifier.of(password), plan.connectionLimit());
    // Each step undoes only what it and the steps before it made: a name that was already taken is never dropped.
    return admin.maintenance(execute(role))
        .compose(v -> admin.maintenance(execute(TenantSql.createDatabase(name)))
            .recover(undoneBy(() -> admin.maintenance(execute(TenantSql.dropRole(name))))))
        .compose(v -> secure(name).recover(undoneBy(() -> remove(name))))
        .map(v -> Map.of(URL, url(name, password)));
  }

  private Future<Void> secure(String name) {
    return admin.maintenance(execute(TenantSql.closeDatabase(name)))
        .compose(v -> admin.in(name, execute(TenantSql.ownSchema(name))));
  }

  private Future<Map<String, String>> facts(AddonInstance addon) {
    String name = PostgresNames.of(addon.name());
    PostgresPlan plan = PostgresPlan.named(addon.plan());
    return admin.maintenance(connection -> connection.preparedQuery(TenantSql.FACTS).execute(Tuple.of(name)))
        .map(rows -> {
          if (rows.size() == 0) {
            throw new NoSuchElementException("The database " + name + " is gone from the addon server");
          }
          return TenantFacts.from(rows.iterator().next()).describe(plan);
        });
  }

  private Future<Void> remove(String name) {
    // The role's sessions end on every database, not only its own, so none outlives the role.
    return admin.maintenance(connection -> connection.preparedQuery(TenantSql.TERMINATE).execute(Tuple.of(name))
        .compose(v -> connection.query(TenantSql.dropDatabase(name)).execute())
        .compose(v -> connection.query(TenantSql.dropRole(name)).execute())
        .mapEmpty());
  }

  private static Function<SqlConnection, Future<Void>> execute(String sql) {
    return connection -> connection.query(sql).execute().mapEmpty();
  }

  private static Function<Throwable, Future<Void>> undoneBy(Supplier<Future<Void>> undo) {
    return failure -> undo.get().transform((v, undoFailure) -> {
      if (undoFailure != null) {
        failure.addSuppressed(undoFailure);
      }
      return Future.failedFuture(failure);
    });
  }

  private String url(String name, String password) {
    return "postgres://" + name + ":" + password + "@" + tenantAddress.host() + ":" + tenantAddress.port() + "/" + name;
  }
}

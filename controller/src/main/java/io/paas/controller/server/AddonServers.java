package io.paas.controller.server;

import com.github.dockerjava.api.DockerClient;
import io.paas.controller.addons.AddonCatalog;
import io.paas.controller.addons.AddonProvider;
import io.paas.controller.addons.AppSubnets;
import io.paas.controller.addons.postgres.AddonPostgresServer;
import io.paas.controller.addons.postgres.EmbeddedAddonPostgres;
import io.paas.controller.addons.postgres.ExternalAddonPostgres;
import io.paas.controller.addons.postgres.PostgresAddonProvider;
import io.paas.controller.addons.redis.AddonFirewall;
import io.paas.controller.addons.redis.RedisProvider;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers behind the addon services on this machine, started with the platform and stopped with it: the addon
 * PostgreSQL (embedded, or the operator's by admin URL) and a redis-server per Redis addon. They listen on loopback and on the address containers
 * reach this host on, never on other interfaces.
 */
final class AddonServers implements AutoCloseable {
  private final List<AutoCloseable> running = new ArrayList<>();
  private final List<AddonProvider> providers = new ArrayList<>();
  final String host;

  private AddonServers(String host) {
    this.host = host;
  }

  static AddonServers start(Vertx vertx, DockerClient docker, Path dataDir, ServerOptions options,
                            AppSubnets subnets) {
    AddonServers servers = new AddonServers(AddonHost.of(docker, options.addonHost));
    AddonPostgresServer postgres = options.addonPostgresUrl != null
        ? new ExternalAddonPostgres(options.addonPostgresUrl)
        : EmbeddedAddonPostgres.start(dataDir.resolve("addon-postgres"), servers.host, 0);
    servers.running.add(postgres);
    servers.providers.add(new PostgresAddonProvider(vertx, postgres));
    // One chain per installation, named after its data dir, so a restart takes over the chain it left.
    RedisProvider redis = new RedisProvider(vertx, dataDir.resolve("addon-redis"), servers.host, subnets,
        new AddonFirewall("PAAS-ADDONS-" + Integer.toHexString(dataDir.toAbsolutePath().hashCode())));
    servers.running.add(redis);
    servers.providers.add(redis);
    return servers;
  }

  AddonCatalog catalog() {
    return new AddonCatalog(providers);
  }

  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        // Stopping the rest matters more than one that would not stop.
      }
    }
  }
}

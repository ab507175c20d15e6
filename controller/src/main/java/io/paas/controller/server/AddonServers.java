package io.paas.controller.server;

import com.github.dockerjava.api.DockerClient;
import io.paas.controller.addons.AddonCatalog;
import io.paas.controller.addons.AttachedOnly;
import io.paas.controller.addons.AddonProvider;
import io.paas.controller.addons.AppSubnets;
import io.paas.controller.addons.postgres.AddonPostgresServer;
import io.paas.controller.addons.postgres.EmbeddedAddonPostgres;
import io.paas.controller.addons.postgres.ExternalAddonPostgres;
import io.paas.controller.addons.postgres.PostgresAddonProvider;
import io.paas.controller.addons.redis.RedisProvider;
import io.paas.controller.addons.smtp.SmtpProvider;
import io.paas.controller.firewall.HostFirewall;
import io.paas.controller.mail.MailAccounts;
import io.paas.controller.mail.MailStore;
import io.paas.controller.mail.SmtpServer;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The servers behind the addon services on this machine, started with the platform and stopped with it: the addon
 * PostgreSQL (embedded, or the operator's by admin URL), a redis-server per Redis addon and the mail server. They
 * listen on loopback and on the address containers reach this host on, never on other interfaces; the host firewall
 * lets every app reach PostgreSQL and the mail server, and each app its own Redis alone.
 */
final class AddonServers implements AutoCloseable {
  private final List<AutoCloseable> running = new ArrayList<>();
  private final List<AddonProvider> providers = new ArrayList<>();
  final String host;

  private AddonServers(String host) {
    this.host = host;
  }

  static AddonServers start(Vertx vertx, DockerClient docker, Path dataDir, ServerOptions options,
                            MailOptions mailOptions, AppSubnets subnets, HostFirewall firewall, MailStore mail,
                            MailAccounts accounts) throws TimeoutException {
    AddonServers servers = new AddonServers(AddonHost.of(docker, options.addonHost));
    AddonPostgresServer postgres = options.addonPostgresUrl != null
        ? new ExternalAddonPostgres(options.addonPostgresUrl)
        : EmbeddedAddonPostgres.start(dataDir.resolve("addon-postgres"), servers.host, 0);
    servers.running.add(postgres);
    servers.providers.add(new AttachedOnly(new PostgresAddonProvider(vertx, postgres),
        postgres.tenantAddress().port(), subnets, firewall, vertx));
    RedisProvider redis = new RedisProvider(vertx, dataDir.resolve("addon-redis"), servers.host, subnets, firewall);
    servers.running.add(redis);
    servers.providers.add(redis);
    SmtpServer smtp = SmtpServer.start(vertx, mailOptions.smtp(dataDir, servers.host), accounts, mail)
        .await(30, TimeUnit.SECONDS);
    servers.running.add(() -> smtp.stop().await(10, TimeUnit.SECONDS));
    servers.providers.add(new AttachedOnly(new SmtpProvider(smtp.host(), smtp.port(), mail), smtp.port(), subnets,
        firewall, vertx));
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

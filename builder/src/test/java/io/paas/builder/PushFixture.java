package io.paas.builder;

import com.github.dockerjava.api.DockerClient;
import io.paas.builder.git.GitReceiveService;
import io.paas.builder.image.BuildLimits;
import io.paas.builder.image.ImageBuilder;
import io.paas.builder.plan.Stacks;
import io.paas.common.network.AppNetworks;
import io.paas.common.network.SubnetRange;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jgit.lib.Repository;

/**
 * The git service on real HTTP servers with a fake controller, building on {@code stacks} with the real Docker engine:
 * what the push tests push to. Closing it removes the images and networks of the apps it made.
 */
final class PushFixture implements AutoCloseable {
  final Vertx vertx = Vertx.vertx();
  final FakeController controller = new FakeController(vertx);
  final RepoStore repos;
  final ImageBuilder images;
  private final AppNetworks networks;
  private final List<String> apps = new ArrayList<>();

  PushFixture(Path tmp, DockerClient docker, Stacks stacks) {
    this.repos = new RepoStore(tmp.resolve("repos"));
    this.networks = new AppNetworks(docker, SubnetRange.parse(SubnetRange.DEFAULT), Map.of());
    this.images = new ImageBuilder(docker, BuildLimits.DEFAULT, stacks, networks);
  }

  /** Starts a server taking pushes up to {@code maxPushBytes}; returns its port. */
  int serve(long maxPushBytes) {
    Router router = Router.router(vertx);
    new GitReceiveService(vertx, repos, images, controller, maxPushBytes).mount(router);
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
  }

  /** A new app the controller knows, whose images are removed at close. */
  String newApp() {
    String app = "push-" + UUID.randomUUID().toString().substring(0, 8);
    controller.addApp(app);
    apps.add(app);
    return app;
  }

  static String url(int port, String credentials, String app) {
    return "http://" + (credentials == null ? "" : credentials + "@") + "127.0.0.1:" + port + "/git/" + app + ".git";
  }

  /** The commit the app's bare repository has on the branch, or null. */
  String branch(String app, String name) throws Exception {
    try (Repository repo = repos.open(app)) {
      var id = repo.resolve("refs/heads/" + name);
      return id == null ? null : id.name();
    }
  }

  @Override
  public void close() {
    for (String app : apps) {
      images.removeImages(app);
      networks.remove(app);
    }
    vertx.close().await();
  }
}

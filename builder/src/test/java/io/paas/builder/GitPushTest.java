package io.paas.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.paas.builder.image.ImageBuilder;
import io.paas.builder.plan.Stacks;
import io.paas.common.DockerClients;
import io.vertx.core.Promise;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushes with the real git client to the service on a real HTTP server, building with the real Docker engine. */
class GitPushTest {
  private static final String BASE_IMAGE = "paas/busybox:latest";
  private static final long DEFAULT_LIMIT = 50L << 20;
  private static final String RECEIVE_PACK_REQUEST = "application/x-git-receive-pack-request";
  // HTTP/1.1, as git speaks it.
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static DockerClient docker;

  @TempDir
  Path tmp;
  private PushFixture fixture;
  private FakeController controller;
  private ImageBuilder images;
  private int port;

  @BeforeAll
  static void needsBaseImage() {
    docker = DockerClients.connect();
    try {
      docker.inspectImageCmd(BASE_IMAGE).exec();
    } catch (NotFoundException e) {
      fail(BASE_IMAGE + " is missing from the Docker engine: run /work/main/scripts/busybox-image first.");
    }
  }

  @BeforeEach
  void start() {
    fixture = new PushFixture(tmp, docker, Stacks.defaults());
    controller = fixture.controller;
    images = fixture.images;
    port = serve(DEFAULT_LIMIT);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void pushBuildsTheImageAndReleasesIt() throws Exception {
    String app = newApp();
    WorkTree work = new WorkTree(tmp.resolve("w"))
        .write("Dockerfile", """
            FROM paas/busybox:latest
            COPY . /app
            RUN test -x /app/start.sh && test -L /app/current && echo context-ok
            CMD ["/app/start.sh"]
            """)
        .executable("start.sh", "#!/bin/sh\nexec httpd -f -p 8080\n")
        .symlink("current", "start.sh");
    String commit = work.commit("first");

    WorkTree.Result push = work.git("push", url("x:good", app), "main");

    assertThat(push.exitCode()).as(push.output()).isZero();
    assertThat(push.output())
        .contains("remote: -----> Building " + app + " from commit " + commit.substring(0, 7))
        .contains("remote: -----> Dockerfile detected")
        .contains("remote:        Step 1/5 : FROM paas/busybox:latest")
        .contains("remote:        context-ok")
        .contains("remote: -----> Build succeeded: paas/" + app + ":build-1")
        .contains("remote: -----> Releasing paas/" + app + ":build-1 (fake)")
        .contains("remote:        http://" + app + ".localhost deployed");
    assertThat(branch(app, "main")).isEqualTo(commit);
    assertThat(docker.inspectImageCmd("paas/" + app + ":build-1").exec().getConfig().getLabels())
        .containsEntry(ImageBuilder.APP_LABEL, app);
    assertThat(controller.started).containsExactly(new FakeController.Started(app, commit));
    assertThat(controller.finished).singleElement().satisfies(build -> {
      assertThat(build.status()).isEqualTo("succeeded");
      assertThat(build.image()).isEqualTo("paas/" + app + ":build-1");
      assertThat(build.output()).contains("-----> Building", "context-ok", "-----> Build succeeded");
    });
    assertThat(controller.released).containsExactly(new FakeController.Released(app, 1,
        new BuildResult("paas/" + app + ":build-1", Map.of(), null)));

    images.removeImages(app);
    assertThatThrownBy(() -> docker.inspectImageCmd("paas/" + app + ":build-1").exec())
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void aBuildRunsOnItsAppsNetworkWithoutPrivileges() throws Exception {
    String app = newApp();
    WorkTree work = new WorkTree(tmp.resolve("w"))
        .write("Dockerfile", """
            FROM paas/busybox:latest
            RUN ip -4 addr show eth0 | grep inet \
             && (ip link add probe0 type dummy 2>/dev/null && echo net-admin || echo no-net-admin) \
             && (mkdir -p /mnt/probe && mount -t tmpfs none /mnt/probe 2>/dev/null && echo mount || echo no-mount)
            """);
    work.commit("probe");

    WorkTree.Result push = work.git("push", url("x:good", app), "main");

    assertThat(push.exitCode()).as(push.output()).isZero();
    String subnet = docker.inspectNetworkCmd().withNetworkId("paas-app-" + app).exec().getIpam().getConfig().get(0)
        .getSubnet();
    assertThat(push.output()).contains("inet " + subnet.substring(0, subnet.lastIndexOf('.') + 1))
        .contains("no-net-admin", "no-mount");
  }

  @Test
  void aDockerfileCannotAskForTheHostsNetworkOrAnInsecureStep() throws Exception {
    for (String flag : List.of("--network=host", "--security=insecure")) {
      String app = newApp();
      WorkTree work = new WorkTree(tmp.resolve(app))
          .write("Dockerfile", "FROM paas/busybox:latest\nRUN " + flag + " echo reached\n");
      work.commit("asks for " + flag);

      WorkTree.Result push = work.git("push", url("x:good", app), "main");

      assertThat(push.exitCode()).as(push.output()).isNotZero();
      assertThat(push.output()).contains("Unknown flag: " + flag.substring(2, flag.indexOf('=')))
          .doesNotContain("remote:        reached");
    }
  }

  @Test
  void aDockerfileCannotBuildOnOrCopyFromAnotherAppsImage() throws Exception {
    String victim = newApp();
    WorkTree secret = new WorkTree(tmp.resolve("victim"))
        .write("Dockerfile", "FROM paas/busybox:latest\nCOPY . /app\n").write("secret.txt", "victim code\n");
    secret.commit("victim");
    assertThat(push(secret, victim).exitCode()).isZero();

    for (String dockerfile : List.of("FROM paas/" + victim + ":build-1\nRUN cat /app/secret.txt\n",
        "ARG BASE=paas/" + victim + ":build-1\nFROM ${BASE}\nRUN cat /app/secret.txt\n",
        "FROM paas/busybox:latest\nCOPY --from=paas/" + victim + ":build-1 /app/secret.txt /stolen\n")) {
      String thief = newApp();
      WorkTree work = new WorkTree(tmp.resolve(thief)).write("Dockerfile", dockerfile);
      work.commit("steal");

      WorkTree.Result push = push(work, thief);

      assertThat(push.exitCode()).as(push.output()).isNotZero();
      assertThat(push.output()).contains("'paas/" + victim + ":build-1' is another app's image")
          .doesNotContain("victim code");
    }
    secret.write("Dockerfile", "FROM paas/" + victim + ":build-1\nRUN cat /app/secret.txt\n");
    secret.commit("builds on its own image");
    assertThat(push(secret, victim).output()).contains("victim code");

    // build-2 is a child of build-1, most often made within the same second: removal must take the child first.
    images.removeImages(victim);
    assertThat(docker.listImagesCmd().withShowAll(true).withLabelFilter(Map.of(ImageBuilder.APP_LABEL, victim))
        .exec()).as("images of the app left").isEmpty();
  }

  @Test
  void failingBuildRejectsThePushAndLeavesTheBranch() throws Exception {
    String app = newApp();
    WorkTree work = new WorkTree(tmp.resolve("w"))
        .write("Dockerfile", "FROM paas/busybox:latest\nRUN echo about to fail && exit 1\n");
    work.commit("broken");

    WorkTree.Result push = work.git("push", url("x:good", app), "main");

    assertThat(push.exitCode()).isNotZero();
    assertThat(push.output())
        .contains("remote:        about to fail")
        .contains("remote: -----> Build failed: ")
        .contains("returned a non-zero code: 1")
        .contains("! [remote rejected] main -> main (build failed)");
    assertThat(branch(app, "main")).isNull();
    assertThat(controller.finished).singleElement().satisfies(build -> {
      assertThat(build.status()).isEqualTo("failed");
      assertThat(build.image()).isNull();
      assertThat(build.output()).contains("returned a non-zero code: 1");
    });
    assertThat(controller.released).isEmpty();
    assertThatThrownBy(() -> docker.inspectImageCmd("paas/" + app + ":build-1").exec())
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void failedReleaseRejectsThePushWithTheReason() throws Exception {
    String app = newApp();
    controller.failReleasesWith("web.1 did not become healthy");
    WorkTree work = minimalApp("w");

    WorkTree.Result push = work.git("push", url("x:good", app), "main");

    assertThat(push.exitCode()).isNotZero();
    assertThat(push.output())
        .contains("remote: -----> Build succeeded")
        .contains("remote: -----> Releasing")
        .contains("! [remote rejected] main -> main (release failed: web.1 did not become healthy)");
    assertThat(branch(app, "main")).isNull();
    assertThat(controller.finished).singleElement().extracting(FakeController.Finished::status)
        .isEqualTo("succeeded");
  }

  @Test
  void wrongTokenFailsAuthentication() throws Exception {
    String app = newApp();
    WorkTree work = minimalApp("w");

    WorkTree.Result push = work.git("push", url("x:wrong", app), "main");

    assertThat(push.exitCode()).isNotZero();
    assertThat(push.output()).contains("Authentication failed");
    assertThat(controller.started).isEmpty();
  }

  @Test
  void unknownAppIsNotFound() throws Exception {
    WorkTree work = minimalApp("w");

    WorkTree.Result push = work.git("push", url("x:good", "no-such-app"), "main");

    assertThat(push.exitCode()).isNotZero();
    assertThat(push.output()).contains("not found");
  }

  @Test
  void pushToAnotherBranchIsRejected() throws Exception {
    String app = newApp();
    WorkTree work = minimalApp("w");

    WorkTree.Result push = work.git("push", url("x:good", app), "main:dev");

    assertThat(push.exitCode()).isNotZero();
    assertThat(push.output()).contains("! [remote rejected] main -> dev (push to main or master");
    assertThat(branch(app, "dev")).isNull();
    assertThat(controller.started).isEmpty();
  }

  @Test
  void deployedBranchCannotBeDeleted() throws Exception {
    String app = newApp();
    WorkTree work = minimalApp("w");
    String commit = work.head();
    assertThat(work.git("push", url("x:good", app), "main").exitCode()).isZero();

    WorkTree.Result delete = work.git("push", url("x:good", app), ":main");

    assertThat(delete.exitCode()).isNotZero();
    assertThat(delete.output()).contains("the deployed branch cannot be deleted");
    assertThat(branch(app, "main")).isEqualTo(commit);
  }

  @Test
  void largePushSentInChunksAfterGitsProbeIsDeployed() throws Exception {
    String app = newApp();
    WorkTree work = new WorkTree(tmp.resolve("w"))
        .write("Dockerfile", "FROM paas/busybox:latest\nCOPY blob /blob\n")
        .randomFile("blob", 64 * 1024);
    String commit = work.commit("big");

    // A body over http.postBuffer makes git send a 4-byte probe first, then the pack chunked.
    WorkTree.Result push = work.git("-c", "http.postBuffer=4096", "push", url("x:good", app), "main");

    assertThat(push.exitCode()).as(push.output()).isZero();
    assertThat(branch(app, "main")).isEqualTo(commit);
  }

  @Test
  void pushOverTheLimitIsRefusedAndTheServiceStaysUp() throws Exception {
    int smallPort = serve(10 * 1024);
    String app = newApp();
    WorkTree work = new WorkTree(tmp.resolve("w"))
        .write("Dockerfile", "FROM paas/busybox:latest\n")
        .randomFile("blob", 100 * 1024);
    work.commit("too big");

    WorkTree.Result declared = work.git("push", url(smallPort, "x:good", app), "main");
    WorkTree.Result chunked = work.git("-c", "http.postBuffer=4096", "push", url(smallPort, "x:good", app), "main");

    for (WorkTree.Result refused : List.of(declared, chunked)) {
      assertThat(refused.exitCode()).isNotZero();
      assertThat(refused.output()).contains("remote: This push is larger than the 10 KB a push may be.");
    }
    assertThat(branch(app, "main")).isNull();
    assertThat(controller.started).isEmpty();

    String other = newApp();
    WorkTree small = minimalApp("small");
    String commit = small.head();
    WorkTree.Result push = small.git("push", url(smallPort, "x:good", other), "main");
    assertThat(push.exitCode()).as(push.output()).isZero();
    assertThat(branch(other, "main")).isEqualTo(commit);
  }

  @Test
  void pushesToDifferentAppsRunSideBySide() throws Exception {
    String first = newApp();
    String second = newApp();
    // Each release ends only once the other has begun: both pushes must be under way at the same time.
    controller.holdRelease(first, controller.releaseBegun(second));
    controller.holdRelease(second, controller.releaseBegun(first));
    WorkTree work = minimalApp("w");

    CompletableFuture<WorkTree.Result> one = CompletableFuture.supplyAsync(() -> push(work, first));
    CompletableFuture<WorkTree.Result> two = CompletableFuture.supplyAsync(() -> push(work, second));

    assertThat(one.get().exitCode()).as(one.get().output()).isZero();
    assertThat(two.get().exitCode()).as(two.get().output()).isZero();
  }

  @Test
  void secondPushToAnAppWhileItDeploysIsTurnedAway() throws Exception {
    String app = newApp();
    Promise<Void> releaseMayEnd = Promise.promise();
    controller.holdRelease(app, releaseMayEnd.future());
    WorkTree first = minimalApp("first");
    String deployed = first.head();
    WorkTree second = new WorkTree(tmp.resolve("second")).write("Dockerfile", "FROM paas/busybox:latest\nENV N=2\n");
    second.commit("second");

    CompletableFuture<WorkTree.Result> firstPush = CompletableFuture.supplyAsync(() -> push(first, app));
    WorkTree.Result secondPush;
    try {
      controller.releaseBegun(app).await(120, TimeUnit.SECONDS);
      secondPush = second.git("push", url("x:good", app), "main");
    } finally {
      releaseMayEnd.complete();
    }

    assertThat(secondPush.exitCode()).isNotZero();
    assertThat(secondPush.output()).contains("another push to " + app + " is deploying");
    assertThat(firstPush.get().exitCode()).as(firstPush.get().output()).isZero();
    assertThat(branch(app, "main")).isEqualTo(deployed);
    assertThat(controller.started).hasSize(1);
  }

  @Test
  void emptyProbeIsAnsweredAfterExpectContinue() throws Exception {
    String app = newApp();

    HttpResponse<String> response = send(post(app, RECEIVE_PACK_REQUEST, "0000").expectContinue(true));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-git-receive-pack-result");
    assertThat(response.body()).isEmpty();
    assertThat(controller.started).isEmpty();
  }

  @Test
  void bodyThatIsNotAPushIsABadRequest() throws Exception {
    String app = newApp();

    HttpResponse<String> response = send(post(app, RECEIVE_PACK_REQUEST, "zzzz not pkt-lines"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).startsWith("Not a git push request");
  }

  @Test
  void receivePackNeedsItsContentType() throws Exception {
    String app = newApp();

    HttpResponse<String> response = send(post(app, "text/plain", "0000"));

    assertThat(response.statusCode()).isEqualTo(415);
  }

  @Test
  void refsAskForCredentialsThenAdvertiseReceivePack() throws Exception {
    String app = newApp();

    HttpResponse<String> anonymous = send(request(app, "/info/refs?service=git-receive-pack"));
    HttpResponse<String> known = send(request(app, "/info/refs?service=git-receive-pack")
        .header("Authorization", basic("good")));

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"paas\"");
    assertThat(known.statusCode()).isEqualTo(200);
    assertThat(known.headers().firstValue("Content-Type")).hasValue("application/x-git-receive-pack-advertisement");
    assertThat(known.body()).startsWith("001f# service=git-receive-pack\n0000");
  }

  @Test
  void cloneIsRefused() throws Exception {
    String app = newApp();

    HttpResponse<String> response = send(request(app, "/info/refs?service=git-upload-pack")
        .header("Authorization", basic("good")));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("only takes pushes");
  }

  /** A work tree whose one commit holds the smallest Dockerfile there is. */
  private WorkTree minimalApp(String dir) throws Exception {
    WorkTree work = new WorkTree(tmp.resolve(dir)).write("Dockerfile", "FROM paas/busybox:latest\n");
    work.commit("minimal app");
    return work;
  }

  private WorkTree.Result push(WorkTree work, String app) {
    try {
      return work.git("push", url("x:good", app), "main");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private int serve(long maxPushBytes) {
    return fixture.serve(maxPushBytes);
  }

  private String newApp() {
    return fixture.newApp();
  }

  private String url(String credentials, String app) {
    return url(port, credentials, app);
  }

  private static String url(int port, String credentials, String app) {
    return PushFixture.url(port, credentials, app);
  }

  private HttpRequest.Builder request(String app, String path) {
    return HttpRequest.newBuilder(URI.create(url(port, null, app) + path));
  }

  private HttpRequest.Builder post(String app, String contentType, String body) {
    return request(app, "/git-receive-pack")
        .header("Authorization", basic("good"))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String token) {
    return "Basic " + Base64.getEncoder().encodeToString(("x:" + token).getBytes(StandardCharsets.UTF_8));
  }

  private String branch(String app, String name) throws Exception {
    return fixture.branch(app, name);
  }
}

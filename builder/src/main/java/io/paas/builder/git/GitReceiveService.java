package io.paas.builder.git;

import io.paas.builder.ControllerPort;
import io.paas.builder.Pusher;
import io.paas.builder.RepoStore;
import io.paas.builder.image.ImageBuilder;
import io.paas.builder.registry.ImagePublisher;
import io.paas.common.ApiException;
import io.paas.common.AppNames;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.UnpackException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The git remote of every app, {@code /git/<app>.git}, over git's smart HTTP protocol: authenticates the pusher
 * (the API token is the basic-auth password), receives the push with JGit and deploys it before the branch moves.
 * Only pushes: clone and fetch are refused. Request bodies are streamed, so no BodyHandler may run on these routes.
 */
public final class GitReceiveService {
  private static final Logger LOG = LoggerFactory.getLogger(GitReceiveService.class);
  private static final String RECEIVE_PACK = "git-receive-pack";
  private static final String REQUEST_TYPE = "application/x-git-receive-pack-request";
  private static final String RESULT_TYPE = "application/x-git-receive-pack-result";
  private static final String ADVERTISEMENT_TYPE = "application/x-git-receive-pack-advertisement";
  private static final String REPO_PATH = "/git/(?<app>[^/]+)\\.git";
  private static final int PUSH_THREADS = 8;
  private static final int REFS_THREADS = 4;
  private static final long LINGER_MILLIS = 2000;

  private final Vertx vertx;
  private final RepoStore repos;
  private final ImageBuilder images;
  private final ControllerPort controller;
  private final Optional<ImagePublisher> registry;
  private final long maxPushBytes;
  // Two pools: a push holds its thread for the whole build and release; advertising refs takes milliseconds and
  // should never queue behind builds.
  private final WorkerExecutor pushes;
  private final WorkerExecutor refs;
  private final Set<String> deploying = ConcurrentHashMap.newKeySet();

  public GitReceiveService(Vertx vertx, RepoStore repos, ImageBuilder images, ControllerPort controller,
      long maxPushBytes) {
    this(vertx, repos, images, controller, maxPushBytes, Optional.empty());
  }

  /** Pushes every built image to {@code registry}, when there is one, before it is released. */
  public GitReceiveService(Vertx vertx, RepoStore repos, ImageBuilder images, ControllerPort controller,
      long maxPushBytes, Optional<ImagePublisher> registry) {
    this.registry = registry;
    this.vertx = vertx;
    this.repos = repos;
    this.images = images;
    this.controller = controller;
    this.maxPushBytes = maxPushBytes;
    this.pushes = vertx.createSharedWorkerExecutor("paas-git-push", PUSH_THREADS);
    this.refs = vertx.createSharedWorkerExecutor("paas-git-refs", REFS_THREADS);
  }

  public void mount(Router router) {
    router.getWithRegex(REPO_PATH + "/info/refs").handler(this::advertiseRefs);
    router.postWithRegex(REPO_PATH + "/" + RECEIVE_PACK).handler(this::receivePack);
  }

  private void advertiseRefs(RoutingContext rc) {
    if (!RECEIVE_PACK.equals(rc.request().getParam("service"))) {
      refuse(rc, ApiException.forbidden("This remote only takes pushes (git push); clone and fetch are not offered."));
      return;
    }
    String app = rc.pathParam("app");
    authorize(rc, app)
        .compose(pusher -> refs.executeBlocking(() -> advertisement(app), false))
        .onSuccess(body -> rc.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, ADVERTISEMENT_TYPE)
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
            .end(body))
        .onFailure(err -> refuse(rc, err));
  }

  private void receivePack(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    request.pause(); // the body waits in the socket until we know the pusher may send it
    if (!REQUEST_TYPE.equalsIgnoreCase(mediaType(request.getHeader(HttpHeaders.CONTENT_TYPE)))) {
      refuse(rc, new ApiException(415, "unsupported_media_type", "Expected " + REQUEST_TYPE + "."));
      return;
    }
    String app = rc.pathParam("app");
    Context context = vertx.getOrCreateContext();
    authorize(rc, app)
        .compose(pusher -> acceptBody(request).map(file -> new Push(app, pusher, file)))
        .onSuccess(push -> respond(rc, context, push))
        .onFailure(err -> refuse(rc, err));
  }

  private record Push(String app, Pusher pusher, Path body) {
  }

  private Future<Pusher> authorize(RoutingContext rc, String app) {
    return GitCredentials.token(rc.request().getHeader(HttpHeaders.AUTHORIZATION))
        .map(token -> AppNames.isValid(app)
            ? controller.authorize(token, app, address(rc))
            : Future.<Pusher>failedFuture(ApiException.notFound("No app named " + app + ".")))
        .orElseGet(() -> Future.failedFuture(
            ApiException.unauthorized("Log in: use your API token as the password for this remote.")));
  }

  private static String address(RoutingContext rc) {
    return rc.request().remoteAddress() == null ? null : rc.request().remoteAddress().hostAddress();
  }

  private Future<Path> acceptBody(HttpServerRequest request) {
    String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    boolean tooLarge = declared != null && parseLength(declared) > maxPushBytes;
    if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
      if (tooLarge) {
        return Future.failedFuture(new PushTooLarge(maxPushBytes, Buffer.buffer())); // never invite a refused body
      }
      request.response().writeContinue();
    }
    return tooLarge ? PushBody.refuse(request, maxPushBytes) : PushBody.store(vertx, request, maxPushBytes);
  }

  private void respond(RoutingContext rc, Context context, Push push) {
    HttpServerResponse response = rc.response()
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, RESULT_TYPE)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    ResponseOutputStream out = new ResponseOutputStream(context, response);
    pushes.executeBlocking(() -> receive(push, out), false).onComplete(ar -> {
      if (ar.failed() && !response.headWritten()) {
        refuse(rc, ar.cause());
      } else if (!response.closed()) {
        response.end(); // after a failure mid-answer git sees it cut short, which is the truth
      }
    });
  }

  /** Runs JGit's receive-pack over the stored body, streaming its answer (and the deploy's output) into out. */
  private Void receive(Push push, ResponseOutputStream out) throws IOException {
    try (Repository repo = repos.open(push.app());
        InputStream in = new BufferedInputStream(Files.newInputStream(push.body()));
        DeployHook deploy = new DeployHook(push.app(), push.pusher(), images, controller, deploying,
            registry)) {
      ReceivePack rp = newReceivePack(repo);
      rp.setRefLogIdent(new PersonIdent(push.pusher().email(), push.pusher().email()));
      rp.setPreReceiveHook(deploy);
      receive(rp, in, out);
    } finally {
      Files.deleteIfExists(push.body());
    }
    out.close();
    return null;
  }

  private static void receive(ReceivePack rp, InputStream in, ResponseOutputStream out) {
    try {
      rp.receive(in, out, null);
    } catch (UnpackException e) {
      // Already told to git in its status report ("unpack error ..."); the response itself is complete.
      LOG.info("Push to {} not unpacked: {}", rp.getRepository().getDirectory().getName(), e.getMessage());
    } catch (IOException e) {
      // The body is a local file by now: what fails here is the request itself, or the pusher hung up.
      throw ApiException.badRequest("Not a git push request: " + e.getMessage());
    }
  }

  private Buffer advertisement(String app) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    try (Repository repo = repos.open(app)) {
      PacketLineOut out = new PacketLineOut(body);
      out.writeString("# service=" + RECEIVE_PACK + "\n");
      out.end();
      newReceivePack(repo).sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(out));
    }
    return Buffer.buffer(body.toByteArray());
  }

  /** The same settings for advertising and receiving, so the capabilities git is offered are the ones it gets. */
  private ReceivePack newReceivePack(Repository repo) {
    ReceivePack rp = new ReceivePack(repo);
    rp.setBiDirectionalPipe(false);
    rp.setCheckReceivedObjects(true); // rejects malformed trees (e.g. ".." names) before they become a build context
    rp.setMaxPackSizeLimit(maxPushBytes);
    return rp;
  }

  /**
   * Tells git why a push is too large in its own protocol when it can (a 200 whose report marks every ref {@code ng}),
   * then drops what the pusher still sends for a moment before closing, so the answer is read rather than lost to a
   * reset; git keeps sending after a 200 (it stops at once after an HTTP error, which it shows without our text).
   */
  private boolean refuseInGit(RoutingContext rc, PushTooLarge tooLarge) {
    Optional<Buffer> answer = PushRefusal.of(tooLarge.head(), tooLarge.getMessage(), "push too large");
    HttpServerRequest request = rc.request();
    if (answer.isEmpty() || rc.response().headWritten() || request.version() == HttpVersion.HTTP_2) {
      return false;
    }
    rc.response()
        .putHeader(HttpHeaders.CONTENT_TYPE, RESULT_TYPE)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .end(answer.get());
    if (!request.isEnded()) {
      long linger = vertx.setTimer(LINGER_MILLIS, id -> request.connection().close());
      request.handler(dropped -> { });
      request.exceptionHandler(gone -> vertx.cancelTimer(linger));
      request.endHandler(end -> vertx.cancelTimer(linger));
      request.resume();
    }
    return true;
  }

  /** Answers an error as plain text, which git shows to the user; a body not read by then is never read. */
  private void refuse(RoutingContext rc, Throwable err) {
    if (err instanceof PushTooLarge tooLarge) {
      LOG.info("Push to {} refused: larger than {} bytes", rc.pathParam("app"), maxPushBytes);
      if (refuseInGit(rc, tooLarge)) {
        return;
      }
    }
    ApiException error = err instanceof ApiException api ? api : internalError(err);
    HttpServerResponse response = rc.response();
    if (response.headWritten() || response.closed()) {
      return;
    }
    response.setChunked(false).setStatusCode(error.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8");
    if (error.status() == 401) {
      response.putHeader("WWW-Authenticate", "Basic realm=\"paas\"");
    }
    // HTTP/1 can only skip an unread body by closing the connection; HTTP/2 flow control bounds it per stream.
    boolean bodyUnread = hasBody(rc.request()) && !rc.request().isEnded()
        && rc.request().version() != HttpVersion.HTTP_2;
    if (bodyUnread) {
      response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
    }
    response.end(error.getMessage() + "\n").onComplete(ar -> {
      if (bodyUnread) {
        rc.request().connection().close();
      }
    });
  }

  private static ApiException internalError(Throwable err) {
    LOG.error("Git request failed", err);
    return new ApiException(500, "internal_error", "The push could not be handled; try again.");
  }

  private static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return request.headers().contains(HttpHeaders.TRANSFER_ENCODING) || length != null && parseLength(length) > 0;
  }

  private static String mediaType(String contentType) {
    return contentType == null ? "" : contentType.split(";", 2)[0].trim();
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE; // a length we cannot read is not one we accept
    }
  }
}

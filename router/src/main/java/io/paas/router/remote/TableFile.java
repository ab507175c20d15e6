package io.paas.router.remote;

import io.paas.router.remote.TableJson.Versioned;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.CopyOptions;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The last table the router received, on disk, so a router restarted while the controller is down still serves the
 * apps it knew. Written to a temporary file and moved into place, so a crash mid-write never leaves half a table.
 */
public final class TableFile {
  private final Vertx vertx;
  private final String path;
  private final String temporary;

  public TableFile(Vertx vertx, Path dataDir) {
    this.vertx = vertx;
    this.path = dataDir.resolve("routing-table.json").toString();
    this.temporary = path + ".tmp";
  }

  /** The saved table; empty if there is none. Fails if the file is not a table. */
  public Future<Optional<Versioned>> load() {
    return vertx.fileSystem().exists(path).compose(exists -> !exists ? Future.succeededFuture(Optional.empty())
        : vertx.fileSystem().readFile(path).map(bytes -> Optional.of(TableJson.read(bytes.toJsonObject()))));
  }

  public Future<Void> save(Versioned table) {
    return vertx.fileSystem().writeFile(temporary, Buffer.buffer(TableJson.write(table).encode()))
        .compose(v -> vertx.fileSystem().move(temporary, path,
            new CopyOptions().setAtomicMove(true).setReplaceExisting(true)));
  }
}

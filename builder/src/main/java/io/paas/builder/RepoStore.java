package io.paas.builder;

import io.paas.common.AppNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FileUtils;

/** One bare git repository per app, at {@code root/<app>.git}. */
public final class RepoStore {
  private final Path root;

  public RepoStore(Path root) {
    this.root = root;
  }

  /** Opens the app's repository, creating it on first use; the caller closes it. */
  public Repository open(String app) throws IOException {
    Path dir = dir(app);
    // Serialised so two first pushes to one app cannot both run the creation.
    synchronized (this) {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(root);
        try (Repository created = build(dir)) {
          created.create(true);
          created.getRefDatabase().newUpdate(Constants.HEAD, false).link("refs/heads/main");
        }
      }
    }
    return build(dir);
  }

  /** Removes the app's repository; a missing one is fine. */
  public void delete(String app) throws IOException {
    FileUtils.delete(dir(app).toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING);
  }

  // The name becomes a path: only valid app names can be, so no name reaches outside root.
  private Path dir(String app) {
    if (!AppNames.isValid(app)) {
      throw new IllegalArgumentException("Not an app name: " + app);
    }
    return root.resolve(app + ".git");
  }

  private static Repository build(Path dir) throws IOException {
    return new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
  }
}

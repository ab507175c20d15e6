package io.paas.builder.image;

import io.paas.builder.BuildFailedException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** A commit's tree as a Docker build context: a tar straight from the object database, no checkout. */
final class BuildContext {
  private static final String DOCKERFILE = "Dockerfile";

  private BuildContext() {
  }

  /** Writes the tree of {@code commit} as a tar to {@code out}; fails if it has no Dockerfile at its root. */
  static void write(Repository repo, ObjectId commit, OutputStream out) throws IOException, BuildFailedException {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit rev = walk.parseCommit(commit);
      if (!hasDockerfile(repo, rev)) {
        throw new BuildFailedException("No Dockerfile found at the root of the repository; add one that builds "
            + "the app, e.g. FROM a base image, COPY . /app and a CMD.");
      }
      // The commit time rather than now, so the same commit gives the same context (and Docker's cache hits).
      FileTime time = FileTime.fromMillis(rev.getCommitTime() * 1000L);
      TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      try (TreeWalk tree = new TreeWalk(repo)) {
        tree.addTree(rev.getTree());
        tree.setRecursive(true);
        while (tree.next()) {
          addEntry(repo, tree, time, tar);
        }
      }
      tar.finish();
    }
  }

  private static boolean hasDockerfile(Repository repo, RevCommit commit) throws IOException {
    try (TreeWalk found = TreeWalk.forPath(repo, DOCKERFILE, commit.getTree())) {
      return found != null && (found.getRawMode(0) & FileMode.TYPE_MASK) == FileMode.TYPE_FILE;
    }
  }

  private static void addEntry(Repository repo, TreeWalk tree, FileTime time, TarArchiveOutputStream tar)
      throws IOException {
    FileMode mode = tree.getFileMode(0);
    if (mode == FileMode.GITLINK) {
      return; // a submodule's commit is not in this repository; there is nothing to put in the context
    }
    ObjectLoader blob = repo.open(tree.getObjectId(0));
    TarArchiveEntry entry;
    if (mode == FileMode.SYMLINK) {
      entry = new TarArchiveEntry(tree.getPathString(), TarConstants.LF_SYMLINK);
      entry.setLinkName(new String(blob.getBytes(), StandardCharsets.UTF_8));
    } else {
      entry = new TarArchiveEntry(tree.getPathString());
      entry.setMode(mode == FileMode.EXECUTABLE_FILE ? 0100755 : 0100644);
      entry.setSize(blob.getSize());
    }
    entry.setModTime(time);
    tar.putArchiveEntry(entry);
    if (mode != FileMode.SYMLINK) {
      blob.copyTo(tar);
    }
    tar.closeArchiveEntry();
  }
}

package io.paas.builder.image;

import io.paas.builder.plan.PlanException;
import io.paas.builder.plan.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** A commit's files straight from the object database (no checkout): what planning reads and the context holds. */
final class CommitTree implements SourceTree {
  /** Manifests are small; anything bigger than this is not read into memory to be planned from. */
  private static final int MAX_READ_BYTES = 1 << 20;

  record Entry(String path, ObjectId blob, FileMode mode) {
  }

  private final Repository repo;
  private final int commitTime;
  private final Map<String, Entry> entries;
  private final Set<String> directories;

  private CommitTree(Repository repo, int commitTime, Map<String, Entry> entries, Set<String> directories) {
    this.repo = repo;
    this.commitTime = commitTime;
    this.entries = entries;
    this.directories = directories;
  }

  /** Lists the commit's files; submodules are left out, their commits are not in this repository. */
  static CommitTree read(Repository repo, ObjectId commit) throws IOException {
    Map<String, Entry> entries = new LinkedHashMap<>();
    Set<String> directories = new HashSet<>();
    try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
      RevCommit rev = walk.parseCommit(commit);
      tree.addTree(rev.getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        FileMode mode = tree.getFileMode(0);
        if (mode == FileMode.GITLINK) {
          continue;
        }
        String path = tree.getPathString();
        entries.put(path, new Entry(path, tree.getObjectId(0), mode));
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
          directories.add(path.substring(0, slash));
        }
      }
      return new CommitTree(repo, rev.getCommitTime(), entries, directories);
    }
  }

  /** Seconds since the epoch, as git records them. */
  int commitTime() {
    return commitTime;
  }

  Iterable<Entry> entries() {
    return entries.values();
  }

  ObjectLoader open(Entry entry) throws IOException {
    return repo.open(entry.blob());
  }

  @Override
  public List<String> files() {
    return List.copyOf(entries.keySet());
  }

  @Override
  public boolean isFile(String path) {
    Entry entry = entries.get(path);
    return entry != null && (entry.mode() == FileMode.REGULAR_FILE || entry.mode() == FileMode.EXECUTABLE_FILE);
  }

  @Override
  public boolean isDirectory(String path) {
    return directories.contains(path);
  }

  @Override
  public Optional<String> read(String path) throws PlanException {
    if (!isFile(path)) {
      return Optional.empty();
    }
    try {
      byte[] bytes = open(entries.get(path)).getCachedBytes(MAX_READ_BYTES);
      return Optional.of(new String(bytes, StandardCharsets.UTF_8));
    } catch (LargeObjectException e) {
      throw new PlanException(path + " is larger than " + (MAX_READ_BYTES >> 20) + " MB; it is not read.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

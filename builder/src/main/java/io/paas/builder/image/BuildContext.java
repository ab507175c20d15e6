package io.paas.builder.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;

/** A Docker build context as a tar: a commit's tree and files the builder adds (a generated Dockerfile). */
final class BuildContext {
  private BuildContext() {
  }

  /**
   * Writes the tree, with {@code added} files in place of any the tree has at the same paths. Every file gets the
   * commit time: the engine's cache ignores modification times, and a server that derives ETags from them (busybox
   * httpd) sees changed files change.
   */
  static void write(CommitTree tree, Map<String, byte[]> added, OutputStream out) throws IOException {
    FileTime time = FileTime.fromMillis(tree.commitTime() * 1000L);
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    for (CommitTree.Entry entry : tree.entries()) {
      if (!added.containsKey(entry.path())) {
        addEntry(tree, entry, time, tar);
      }
    }
    for (Map.Entry<String, byte[]> file : added.entrySet()) {
      addFile(tar, file.getKey(), file.getValue(), time);
    }
    tar.finish();
  }

  /** Writes only {@code files}: the context of a build that needs nothing from a repository. */
  static void write(Map<String, byte[]> files, OutputStream out) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      addFile(tar, file.getKey(), file.getValue(), FileTime.fromMillis(0));
    }
    tar.finish();
  }

  private static void addFile(TarArchiveOutputStream tar, String path, byte[] content, FileTime time)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(path);
    entry.setMode(0100644);
    entry.setSize(content.length);
    entry.setModTime(time);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  private static void addEntry(CommitTree tree, CommitTree.Entry file, FileTime time, TarArchiveOutputStream tar)
      throws IOException {
    ObjectLoader blob = tree.open(file);
    TarArchiveEntry entry;
    if (file.mode() == FileMode.SYMLINK) {
      entry = new TarArchiveEntry(file.path(), TarConstants.LF_SYMLINK);
      entry.setLinkName(new String(blob.getBytes(), StandardCharsets.UTF_8));
    } else {
      entry = new TarArchiveEntry(file.path());
      entry.setMode(file.mode() == FileMode.EXECUTABLE_FILE ? 0100755 : 0100644);
      entry.setSize(blob.getSize());
    }
    entry.setModTime(time);
    tar.putArchiveEntry(entry);
    if (file.mode() != FileMode.SYMLINK) {
      blob.copyTo(tar);
    }
    tar.closeArchiveEntry();
  }
}

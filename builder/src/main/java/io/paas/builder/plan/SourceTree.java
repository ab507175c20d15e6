package io.paas.builder.plan;

import java.util.List;
import java.util.Optional;

/** The files of the pushed commit, as detection and planning see them: paths use {@code /}, relative to the root. */
public interface SourceTree {
  /** Every file's path (symlinks included), in the tree's order. */
  List<String> files();

  boolean isFile(String path);

  /** True when some file lies below {@code path}: git has no empty directories. */
  boolean isDirectory(String path);

  /** The regular file's text (UTF-8), if there is one; fails with the reason when it is too large to read. */
  Optional<String> read(String path) throws PlanException;
}

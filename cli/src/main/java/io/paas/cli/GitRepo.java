package io.paas.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The git repo around a directory, driven through the {@code git} command so the user's own git config applies. */
public final class GitRepo {
  /** The platform serves every app's repo at {@code {API_URL}/git/{app}.git}. */
  private static final Pattern APP_URL = Pattern.compile("/git/([^/]+)\\.git/?$");

  private final Path dir;
  private final String home;

  /** {@code home} is the HOME git sees (its global config lives there); null keeps the process's own. */
  public GitRepo(Path dir, String home) {
    this.dir = dir;
    this.home = home;
  }

  /** The app a platform git URL belongs to. */
  public static Optional<String> appOf(String remoteUrl) {
    Matcher matcher = APP_URL.matcher(remoteUrl);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** False as well when git is not installed: then there is no repo to work with either. */
  public boolean isWorkTree() {
    Result result = git("rev-parse", "--is-inside-work-tree");
    return result.ok() && result.output().equals("true");
  }

  public Optional<String> remoteUrl(String remote) {
    Result result = git("remote", "get-url", remote);
    return result.ok() ? Optional.of(result.output()) : Optional.empty();
  }

  /** Points the remote at the URL; returns true when it was added, false when an existing one was changed. */
  public boolean setRemote(String remote, String url) {
    boolean exists = remoteUrl(remote).isPresent();
    check(exists ? git("remote", "set-url", remote, url) : git("remote", "add", remote, url));
    return !exists;
  }

  /** Sets a key in the user's global git config, replacing earlier values; false when git is missing or fails. */
  public boolean setGlobal(String key, String value) {
    return git("config", "--global", "--replace-all", key, value).ok();
  }

  public void removeRemote(String remote) {
    check(git("remote", "remove", remote));
  }

  private static void check(Result result) {
    if (!result.ok()) {
      throw new CliException("git failed: " + result.output());
    }
  }

  private Result git(String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      if (home != null) {
        builder.environment().put("HOME", home);
      }
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return new Result(process.waitFor(), output);
    } catch (IOException e) {
      return new Result(-1, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
  }

  private record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }
}

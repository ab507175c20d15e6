package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRepoTest {
  @Test
  void readsTheAppFromAPlatformGitUrl() {
    assertThat(GitRepo.appOf("http://127.0.0.1:5000/git/blog.git")).contains("blog");
    assertThat(GitRepo.appOf("http://paas:t0k@example.com/git/shop-2.git/")).contains("shop-2");
    assertThat(GitRepo.appOf("git@github.com:me/blog.git")).isEmpty();
  }

  @Test
  void aPlainDirectoryIsNoWorkTree(@TempDir Path dir) {
    GitRepo git = new GitRepo(dir, null);

    assertThat(git.isWorkTree()).isFalse();
    assertThat(git.remoteUrl("paas")).isEmpty();
  }
}

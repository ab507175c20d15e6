package io.paas.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoStoreTest {
  @TempDir
  Path root;

  @Test
  void opensABareRepositoryPerAppCreatingItOnce() throws Exception {
    RepoStore store = new RepoStore(root);
    try (Repository first = store.open("my-app")) {
      assertThat(first.isBare()).isTrue();
      assertThat(first.getDirectory().toPath()).isEqualTo(root.resolve("my-app.git"));
      assertThat(first.getFullBranch()).isEqualTo("refs/heads/main");
    }
    try (Repository again = store.open("my-app")) {
      assertThat(again.getObjectDatabase().exists()).isTrue();
    }
  }

  @Test
  void deleteRemovesTheRepositoryAndToleratesAMissingOne() throws Exception {
    RepoStore store = new RepoStore(root);
    store.open("my-app").close();

    store.delete("my-app");
    store.delete("my-app");

    assertThat(root.resolve("my-app.git")).doesNotExist();
  }

  @Test
  void namesThatAreNotAppNamesNeverBecomePaths() {
    RepoStore store = new RepoStore(root);
    assertThatThrownBy(() -> store.open("../escape")).isInstanceOf(IllegalArgumentException.class);
  }
}

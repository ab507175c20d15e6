package io.paas.controller.api;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One platform per test class: its own embedded PostgreSQL in a temp dir, and a client logged in as the admin. */
abstract class ApiTestBase {
  @TempDir
  static Path dataDir;
  static ApiFixture platform;
  static ApiCalls api;

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = new ApiFixture(dataDir);
    api = new ApiCalls(platform.port);
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    platform.close();
  }
}

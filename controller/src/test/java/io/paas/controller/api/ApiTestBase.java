package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.builder.BuildResult;
import io.paas.controller.store.App;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * One platform per test class: its own embedded PostgreSQL in a temp dir, and a client logged in as the admin. Sign-up
 * is closed, as a server's is by default, unless the class is marked {@link OpenSignUp}.
 */
abstract class ApiTestBase {
  /** The class's platform runs as {@code paas-server --open-signup} does. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface OpenSignUp {
  }

  @TempDir
  static Path dataDir;
  static ApiFixture platform;
  static ApiCalls api;

  @BeforeAll
  static void startPlatform(TestInfo test) throws Exception {
    platform = new ApiFixture(dataDir, test.getTestClass().orElseThrow().isAnnotationPresent(OpenSignUp.class));
    api = new ApiCalls(platform.port);
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    platform.close();
  }

  /** Releases a build of the image with these process types, as a push would, and waits until it serves. */
  static void deploy(String app, String image, Map<String, String> processTypes, String releaseCommand)
      throws Exception {
    App found = platform.apps.byName(app).await(10, TimeUnit.SECONDS).orElseThrow();
    long build = platform.builds.insert(found.id(), 1, "abc1234").await(10, TimeUnit.SECONDS);
    platform.releases.deploy(found, build, "abc1234", new BuildResult(image, processTypes, releaseCommand), 1,
        ApiFixture.ADMIN_EMAIL, line -> { }).await(30, TimeUnit.SECONDS);
  }

  static void eventually(BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("condition met within 20 s").isBefore(deadline);
      Thread.sleep(50);
    }
  }
}

package io.paas.cli;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tests of commands run against a {@link FakePlatform}: before each test the platform starts on a free port, {@link #cli}
 * is logged in to it through the environment, with its own config directory and an empty {@link #work} directory, and
 * then {@link #seed()} adds what every test of the class starts with.
 */
@ExtendWith(VertxExtension.class)
abstract class CliTest {
  protected final FakePlatform platform = new FakePlatform();
  protected CliRunner cli;
  /** The CLI's working directory, empty at the start of each test. */
  protected Path work;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx, @TempDir Path config, @TempDir Path work) {
    this.work = work;
    platform.start(vertx).onComplete(ctx.succeeding(started -> {
      cli = platform.loggedInCli(config, work);
      seed();
      ctx.completeNow();
    }));
  }

  /** Runs once the platform is up and {@link #cli} is set, before each test; adds nothing unless overridden. */
  protected void seed() {
  }
}

package io.paas.e2e;

import java.io.IOException;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Saves the browser's screenshot, page and console log when a test fails, named after the test. */
final class BrowserFailures implements TestWatcher {
  private final Supplier<Browser> browser;

  BrowserFailures(Supplier<Browser> browser) {
    this.browser = browser;
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    Browser current = browser.get();
    if (current == null) {
      return;
    }
    try {
      current.saveFailure(context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName()
          .replaceAll("[^A-Za-z0-9_-]", ""));
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}

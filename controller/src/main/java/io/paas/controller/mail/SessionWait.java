package io.paas.controller.mail;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.RejectException;

/**
 * Waits for the store on an SMTP session's own thread, never an event loop: the SMTP library's sessions are
 * blocking. A failure is a temporary 451, which senders retry.
 */
final class SessionWait {
  private static final Logger LOG = LoggerFactory.getLogger(SessionWait.class);
  private static final long TIMEOUT_SECONDS = 30;

  private SessionWait() {
  }

  static <T> T await(Future<T> future) throws RejectException {
    try {
      return future.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.error("SMTP session failed on the store", e);
      throw new RejectException(451, "4.3.0 Temporary failure, try again later");
    }
  }
}

package io.paas.controller.deploy;

import java.util.Set;

/**
 * The TLS front's side of the controller: it is told every host name that needs HTTPS -- each app's
 * {@code APP.DOMAIN} and each custom domain -- at start-up and whenever that set changes (an app created or
 * destroyed, a domain added or removed). Each call carries the whole set, so an implementation replaces what it
 * serves rather than patching it. Calls come one after another, on an event loop: an implementation must not block.
 */
@FunctionalInterface
public interface HttpsHosts {
  /** For installations without a TLS front. */
  HttpsHosts NONE = hostnames -> { };

  void serve(Set<String> hostnames);
}

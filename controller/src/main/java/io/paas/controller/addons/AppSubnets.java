package io.paas.controller.addons;

import io.vertx.core.Future;

/** The address range of an app's own container network on this machine, made if missing ({@code 10.214.3.0/24}). */
public interface AppSubnets {
  Future<String> subnet(String app);
}

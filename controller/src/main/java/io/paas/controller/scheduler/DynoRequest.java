package io.paas.controller.scheduler;

import java.util.Objects;

/** A dyno the formations ask for: {@code name} is its dyno name ({@code web.1}), {@code type} its process type. */
public record DynoRequest(String app, String name, String type, DynoSize size) {
  public DynoRequest {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(size, "size");
  }
}

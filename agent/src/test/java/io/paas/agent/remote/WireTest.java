package io.paas.agent.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paas.agent.DynoSpec;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WireTest {
  private static DynoSpec spec(String healthCheckPath) {
    return new DynoSpec("shop", "web.1", 4, "shop:v4", "serve", Map.of("COLOR", "blue"), 512L << 20, 1.5,
        healthCheckPath);
  }

  @Test
  void aSpecCrossesTheWireWithItsHealthCheckPath() {
    DynoSpec spec = spec("/health");

    JsonObject json = new JsonObject(Wire.spec(spec).encode());

    assertThat(json.getString("health_check_path")).isEqualTo("/health");
    assertThat(Wire.spec(json)).isEqualTo(spec);
  }

  @Test
  void aSpecWithoutAPathOrFromAControllerThatSendsNoneUsesTheDefaultCheck() {
    assertThat(Wire.spec(new JsonObject(Wire.spec(spec(null)).encode()))).isEqualTo(spec(null));

    JsonObject older = Wire.spec(spec(null));
    older.remove("health_check_path");
    assertThat(Wire.spec(older).healthCheckPath()).isNull();
  }

  @Test
  void aPathThatWouldBreakTheRequestLineIsRefused() {
    JsonObject json = Wire.spec(spec(null)).put("health_check_path", "/ok HTTP/1.1\r\nHost: evil");

    assertThatThrownBy(() -> Wire.spec(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Health check path of web.1");
  }
}

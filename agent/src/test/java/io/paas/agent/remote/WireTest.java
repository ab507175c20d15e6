package io.paas.agent.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paas.agent.DynoMemory;
import io.paas.agent.DynoSpec;
import io.paas.agent.DynoStatus;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
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
  void aStatusCrossesTheWireWithItsMemorySample() {
    DynoStatus sampled = new DynoStatus("shop", "web.1", 4, DynoStatus.UP, 0, Instant.parse("2026-11-27T07:00:00Z"),
        "c1", "127.0.0.1", 40000, new DynoMemory(12345678, 536870912, Instant.parse("2026-11-27T07:01:10Z")));

    JsonObject json = new JsonObject(Wire.status(sampled).encode());

    assertThat(json.getJsonObject("memory")).isEqualTo(new JsonObject().put("bytes", 12345678)
        .put("limit_bytes", 536870912).put("at", "2026-11-27T07:01:10Z"));
    assertThat(Wire.status(json)).isEqualTo(sampled);
    assertThat(Wire.status(Wire.status(sampled.withMemory(null))).memory()).isNull();
  }

  @Test
  void aPathThatWouldBreakTheRequestLineIsRefused() {
    JsonObject json = Wire.spec(spec(null)).put("health_check_path", "/ok HTTP/1.1\r\nHost: evil");

    assertThatThrownBy(() -> Wire.spec(json)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Health check path of web.1");
  }
}

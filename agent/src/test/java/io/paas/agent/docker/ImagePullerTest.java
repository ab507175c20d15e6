package io.paas.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImagePullerTest {
  @Test
  void pullsOnlyNamesThatNameARegistry() {
    assertThat(ImagePuller.fromRegistry("127.0.0.1:5001/paas/app:build-3")).isTrue();
    assertThat(ImagePuller.fromRegistry("registry.example.com/paas/app:build-3")).isTrue();
    assertThat(ImagePuller.fromRegistry("localhost/paas/app:1")).isTrue();
    assertThat(ImagePuller.fromRegistry("paas/app:build-3")).isFalse();
    assertThat(ImagePuller.fromRegistry("busybox:latest")).isFalse();
  }
}

package io.paas.common;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.time.Duration;

/**
 * Connects to the local Docker engine. The API version is left to negotiation (DOCKER_API_VERSION may pin it)
 * because the Debian engine speaks 1.41 and rejects newer clients that insist on their own version.
 */
public final class DockerClients {
  private DockerClients() {
  }

  public static DockerClient connect() {
    DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();
    ZerodepDockerHttpClient http = new ZerodepDockerHttpClient.Builder()
        .dockerHost(config.getDockerHost())
        .sslConfig(config.getSSLConfig())
        .maxConnections(64)
        .connectionTimeout(Duration.ofSeconds(10))
        .build();
    return DockerClientImpl.getInstance(config, http);
  }
}

package io.paas.builder.registry;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PushResponseItem;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Pushes a built image to the platform's registry, so agents on other hosts can pull it by the reference this
 * returns ({@code 127.0.0.1:5001/paas/app:build-3}). The local image keeps its own tag too.
 */
public final class ImagePublisher {
  private static final Duration PUSH_TIMEOUT = Duration.ofMinutes(15);

  private final DockerClient docker;
  private final String registry;

  public ImagePublisher(DockerClient docker, String registryAddress) {
    this.docker = docker;
    this.registry = registryAddress;
  }

  public String publish(String image, Consumer<String> log) {
    int colon = image.lastIndexOf(':');
    String repository = registry + "/" + image.substring(0, colon);
    String tag = image.substring(colon + 1);
    long started = System.nanoTime();
    docker.tagImageCmd(image, repository, tag).exec();
    try {
      boolean done = docker.pushImageCmd(repository).withTag(tag)
          .exec(new ResultCallback.Adapter<PushResponseItem>() {
            @Override
            public void onNext(PushResponseItem item) {
              if (item.getErrorDetail() != null) {
                throw new IllegalStateException(item.getErrorDetail().getMessage());
              }
            }
          })
          .awaitCompletion(PUSH_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
      if (!done) {
        throw new IllegalStateException("Pushing " + image + " to " + registry + " took over "
            + PUSH_TIMEOUT.toMinutes() + " minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while pushing " + image, e);
    }
    log.accept(String.format("-----> Pushed to the registry %s (%.1f s)", registry,
        (System.nanoTime() - started) / 1e9));
    return repository + ":" + tag;
  }
}

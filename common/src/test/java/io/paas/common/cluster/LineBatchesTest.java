package io.paas.common.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LineBatchesTest {
  private final Vertx vertx = Vertx.vertx();
  private final List<List<Integer>> sent = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aFullBatchGoesWithoutWaitingForTheTick() throws Exception {
    LineBatches<Integer> batches = new LineBatches<>(vertx, 100, 3, Duration.ofHours(1), this::record);

    IntStream.range(0, 4).forEach(batches::add);

    waitFor(1);
    assertThat(sent).containsExactly(List.of(0, 1, 2));
  }

  @Test
  void fewerLinesGoAtTheTick() throws Exception {
    LineBatches<Integer> batches = new LineBatches<>(vertx, 100, 3, Duration.ofMillis(50), this::record);

    batches.add(0);

    waitFor(1);
    assertThat(sent).containsExactly(List.of(0));
  }

  @Test
  void whileTheControllerHoldsABatchTheOldestLinesBeyondTheBoundAreDropped() throws Exception {
    Promise<Void> held = Promise.promise();
    LineBatches<Integer> batches = new LineBatches<>(vertx, 3, 2, Duration.ofHours(1), batch -> {
      sent.add(batch);
      return sent.size() == 1 ? held.future() : Future.succeededFuture();
    });
    batches.add(0);
    batches.add(1);
    waitFor(1);

    IntStream.range(2, 8).forEach(batches::add);
    held.complete();

    waitFor(2);
    assertThat(List.copyOf(sent).subList(0, 2)).containsExactly(List.of(0, 1), List.of(5, 6));
  }

  private Future<Void> record(List<Integer> batch) {
    sent.add(batch);
    return Future.succeededFuture();
  }

  private void waitFor(int batches) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (sent.size() < batches && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}

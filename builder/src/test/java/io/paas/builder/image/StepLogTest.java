package io.paas.builder.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepLogTest {
  private final List<String> lines = new ArrayList<>();

  @Test
  void indentsOutputDropsBookkeepingAndTimesStepsThatRan() {
    StepLog log = StepLog.verbose(lines::add);

    List.of("Step 1/3 : FROM paas/stack-node:bookworm", " ---> 0123456789ab",
        "Step 2/3 : RUN npm ci", " ---> Using cache", " ---> 0123456789ab",
        "Step 3/3 : COPY . ./", " ---> Running in 0123456789ab", "\u001B[91mnpm notice\u001B[0m",
        "Removing intermediate container 0123456789ab", " ---> ba9876543210",
        "Successfully built ba9876543210", "Successfully tagged paas/app:build-1").forEach(log);
    log.succeeded();

    assertThat(lines).hasSize(6);
    assertThat(lines.subList(0, 5)).containsExactly(
        "       Step 1/3 : FROM paas/stack-node:bookworm",
        "       Step 2/3 : RUN npm ci",
        "       ---> Using cache",
        "       Step 3/3 : COPY . ./",
        "       npm notice");
    assertThat(lines.get(5)).matches("       ---> Done in \\d+\\.\\d s");
  }

  @Test
  void aQuietLogShowsStepsAndOnlyOnFailureTheFailingStepsLastLines() {
    StepLog log = StepLog.quiet(lines::add);

    List.of("Step 1/2 : RUN apt-get update", "Get:1 http://deb.debian.org bookworm InRelease",
        "Step 2/2 : RUN apt-get install -y nodejs", "E: Unable to locate package nodejs").forEach(log);
    log.failed();

    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("       Step 1/2 : RUN apt-get update");
    assertThat(lines.get(1)).startsWith("       ---> Done in ");
    assertThat(lines.subList(2, 4)).containsExactly("       Step 2/2 : RUN apt-get install -y nodejs",
        "       E: Unable to locate package nodejs");
  }
}

package io.paas.router.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class CaddyLogTest {

  @Test
  void logsEachLineAtTheLevelCaddyGaveIt() {
    assertThat(CaddyLog.levelOf("{\"level\":\"info\",\"ts\":1.5,\"msg\":\"serving initial configuration\"}"))
        .isEqualTo(Level.INFO);
    assertThat(CaddyLog.levelOf("{\"level\":\"warn\",\"logger\":\"http\",\"msg\":\"redirects are disabled\"}"))
        .isEqualTo(Level.WARN);
    assertThat(CaddyLog.levelOf("{\"level\":\"error\",\"msg\":\"obtaining certificate\"}")).isEqualTo(Level.ERROR);
    assertThat(CaddyLog.levelOf("{\"level\":\"fatal\",\"msg\":\"exiting\"}")).isEqualTo(Level.ERROR);
    assertThat(CaddyLog.levelOf("{\"level\":\"debug\",\"msg\":\"matched\"}")).isEqualTo(Level.DEBUG);
  }

  @Test
  void logsALineThatIsNotCaddysJsonAsAWarning() {
    assertThat(CaddyLog.levelOf("Error: loading initial config: listen tcp: address already in use"))
        .isEqualTo(Level.WARN);
  }
}

package io.paas.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DynoUserTest {
  @Test
  void anImageWithoutAUserOrWithRootRunsAsTheUnprivilegedUidWithHomeInTmp() {
    for (String root : new String[] {null, "", " ", "root", "0", "00", "0:0", "root:staff", ":1000"}) {
      assertThat(DynoUser.of(root)).as("USER %s", root)
          .isEqualTo(new DynoUser("10001:10001", Map.of("HOME", "/tmp")));
    }
  }

  @Test
  void anyOtherUserTheImageNamesIsKeptWithItsOwnHome() {
    for (String user : new String[] {"node", "1000", "1000:1000", "app:0", "10"}) {
      assertThat(DynoUser.of(user)).as("USER %s", user).isEqualTo(new DynoUser(user, Map.of()));
    }
  }
}

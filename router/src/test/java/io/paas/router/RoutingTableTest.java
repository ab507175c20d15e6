package io.paas.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTableTest {
  private final RoutingTable table = new RoutingTable();
  private final Backend web1 = new Backend("web.1", "127.0.0.1", 5001);

  @Test
  void knowsAnAppOnlyFromPutToRemove() {
    assertThat(table.backends("alpha")).isEmpty();

    table.put("alpha", List.of(web1));
    assertThat(table.backends("alpha")).contains(List.of(web1));

    table.remove("alpha");
    assertThat(table.backends("alpha")).isEmpty();
  }

  @Test
  void keepsAnAppWithNoBackendsApartFromAnUnknownOne() {
    table.put("alpha", List.of());

    assertThat(table.backends("alpha")).contains(List.of());
  }

  @Test
  void keepsItsOwnCopyOfTheBackends() {
    List<Backend> backends = new ArrayList<>(List.of(web1));
    table.put("alpha", backends);

    backends.clear();

    assertThat(table.backends("alpha")).contains(List.of(web1));
  }
}

package io.paas.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.router.RoutingSnapshot.AppRoute;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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

  @Test
  void everyChangeRaisesTheVersionAndTellsTheListenersButARepeatDoesNot() {
    AtomicInteger told = new AtomicInteger();
    table.onChange(told::incrementAndGet);

    table.put("alpha", List.of(web1));
    table.put("alpha", List.of(web1));
    table.settings("alpha", new RouteSettings(true, Duration.ofSeconds(5)));
    table.settings("alpha", new RouteSettings(true, Duration.ofSeconds(5)));
    table.domains("alpha", Set.of("www.example.com"));
    table.remove("alpha");

    assertThat(table.version()).isEqualTo(4);
    assertThat(told).hasValue(4);
  }

  @Test
  void aSnapshotReplacesAnotherTablesRoutesSettingsAndDomainsWholesale() {
    RouteSettings maintenance = new RouteSettings(true, Duration.ofSeconds(7));
    table.put("alpha", List.of(web1));
    table.settings("alpha", maintenance);
    table.domains("alpha", Set.of("www.example.com"));
    table.put("idle", List.of());
    RoutingTable other = new RoutingTable();
    other.put("gone", List.of(web1));
    other.domains("gone", Set.of("old.example.com"));

    RoutingSnapshot snapshot = table.snapshot();
    other.replace(snapshot);

    assertThat(snapshot.version()).isEqualTo(table.version());
    assertThat(snapshot.apps()).isEqualTo(Map.of(
        "alpha", new AppRoute(List.of(web1), maintenance, Set.of("www.example.com")),
        "idle", new AppRoute(List.of(), RouteSettings.DEFAULT, Set.of())));
    assertThat(other.snapshot().apps()).isEqualTo(snapshot.apps());
    assertThat(other.backends("gone")).isEmpty();
    assertThat(other.appOfDomain("old.example.com")).isEmpty();
    assertThat(other.appOfDomain("www.example.com")).contains("alpha");
  }
}

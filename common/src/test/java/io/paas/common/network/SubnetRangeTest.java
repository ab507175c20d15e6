package io.paas.common.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubnetRangeTest {
  @Test
  void cutsTheRangeIntoSlash24sInOrder() {
    List<String> free = SubnetRange.parse("10.208.0.0/22").free(List.of());

    assertThat(free).containsExactly("10.208.0.0/24", "10.208.1.0/24", "10.208.2.0/24", "10.208.3.0/24");
  }

  @Test
  void skipsSubnetsThatOverlapTakenOnesOfAnySize() {
    List<String> free = SubnetRange.parse("10.208.0.0/22")
        .free(List.of("10.208.1.0/24", "10.208.2.128/25", "172.17.0.0/16", "fd00::/64"));

    assertThat(free).containsExactly("10.208.0.0/24", "10.208.3.0/24");
  }

  @Test
  void aTakenRangeCoveringEverythingLeavesNothing() {
    assertThat(SubnetRange.parse("10.208.0.0/22").free(List.of("10.0.0.0/8"))).isEmpty();
  }

  @Test
  void theGatewayIsTheFirstHost() {
    assertThat(SubnetRange.gateway("10.208.7.0/24")).isEqualTo("10.208.7.1");
  }

  @Test
  void refusesRangesItCannotCut() {
    assertThatThrownBy(() -> SubnetRange.parse("10.208.0.0/25")).hasMessageContaining("/8 to /24");
    assertThatThrownBy(() -> SubnetRange.parse("10.208.0.1/16")).hasMessageContaining("did you mean 10.208.0.0/16");
    assertThatThrownBy(() -> SubnetRange.parse("10.208.0.0")).hasMessageContaining("Not a CIDR");
    assertThatThrownBy(() -> SubnetRange.parse("10.300.0.0/16")).hasMessageContaining("Not an IPv4");
  }
}

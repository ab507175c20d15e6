package io.paas.controller.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DynoSizeTest {
  private static final long MB = 1024L * 1024;

  @Test
  void offersThreeSizesSmallestFirst() {
    assertThat(DynoSize.all()).containsExactly(
        new DynoSize("basic", 256 * MB, 0.5),
        new DynoSize("standard", 512 * MB, 1),
        new DynoSize("performance", 2048 * MB, 2));
  }

  @Test
  void dynosAreStandardUnlessToldOtherwise() {
    assertThat(DynoSize.DEFAULT).isEqualTo(DynoSize.STANDARD);
  }

  @Test
  void findsASizeByNameWhateverItsCase() {
    assertThat(DynoSize.named("Performance")).contains(DynoSize.PERFORMANCE);
    assertThat(DynoSize.named("basic")).contains(DynoSize.BASIC);
  }

  @Test
  void knowsNoOtherSize() {
    assertThat(DynoSize.named("huge")).isEmpty();
    assertThat(DynoSize.named(null)).isEmpty();
  }
}

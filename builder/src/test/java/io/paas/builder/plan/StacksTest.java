package io.paas.builder.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StacksTest {
  @Test
  void theDefaultsAreThePlatformsOwnImages() {
    Stacks stacks = Stacks.defaults();

    assertThat(stacks.images()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "base", "paas/stack-base:bookworm",
        "java-17", "paas/stack-java:17",
        "java-17-runtime", "paas/stack-java-runtime:17",
        "node", "paas/stack-node:bookworm",
        "static", "paas/stack-static:bookworm"));
    assertThat(stacks.images().keySet()).allMatch(stacks::isPlatformMade);
    assertThat(stacks.javaVersions()).containsExactly(17);
  }

  @Test
  void environmentVariablesPointStacksAtOtherImagesAndAddJavaVersions() {
    Stacks stacks = Stacks.fromEnvironment(Map.of(
        "PAAS_STACK_NODE", "registry:5000/node:20",
        "PAAS_STACK_JAVA_21", "registry:5000/jdk:21",
        "PAAS_STACK_JAVA_21_RUNTIME", "registry:5000/jre:21",
        "PAAS_STACK_STATIC", " ",
        "HOME", "/root"));

    assertThat(stacks.image("node")).isEqualTo("registry:5000/node:20");
    assertThat(stacks.isPlatformMade("node")).isFalse();
    assertThat(stacks.isPlatformMade("static")).isTrue();
    assertThat(stacks.isPlatformMade("java-21")).isFalse();
    assertThat(stacks.javaVersions()).containsExactly(17, 21);
    assertThat(stacks.keyOf("registry:5000/jre:21")).hasValue("java-21-runtime");
  }

  @Test
  void aJavaVersionNeedsBothItsBuildAndRuntimeImages() {
    assertThat(Stacks.defaults().with("java-21", "registry:5000/jdk:21").javaVersions()).containsExactly(17);
  }
}

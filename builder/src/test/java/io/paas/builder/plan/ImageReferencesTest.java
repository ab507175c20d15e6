package io.paas.builder.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageReferencesTest {
  @Test
  void findsEveryBaseAndCopySourceButNotEarlierStages() {
    String dockerfile = """
        FROM --platform=linux/amd64 paas/stack-java:17 AS build
        RUN mvn package
        from paas/stack-java-runtime:17
        COPY --from=build /app/target/app.jar /app.jar
        COPY --from=0 /x /x
        COPY --chown=1:1 --from=paas/other:build-3 /app /stolen
        ADD --from=registry.example.com/tools:1 /bin/tool /bin/tool
        """;

    assertThat(ImageReferences.of(dockerfile)).containsExactly("paas/stack-java:17",
        "paas/stack-java-runtime:17", "paas/other:build-3", "registry.example.com/tools:1");
  }

  @Test
  void aStageNamedLikeAnImageLaterIsStillTheStage() {
    assertThat(ImageReferences.of("FROM paas/busybox:latest AS Base\nFROM base\nCOPY --from=BASE /a /a\n"))
        .containsExactly("paas/busybox:latest");
  }

  @Test
  void argDefaultsAreSubstitutedAndUnknownOnesLeftForTheCheck() {
    assertThat(ImageReferences.of("ARG BASE=paas/other:build-1\nARG TAG=\"3\"\nFROM ${BASE}\n"
        + "COPY --from=paas/x:build-$TAG /a /a\nFROM $UNSET\n"))
        .containsExactly("paas/other:build-1", "paas/x:build-3", "$UNSET");
  }
}

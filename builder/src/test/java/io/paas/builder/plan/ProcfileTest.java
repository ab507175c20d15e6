package io.paas.builder.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcfileTest {
  @Test
  void readsProcessTypesInOrderWithCommentsAndBlankLines() throws Exception {
    Procfile procfile = Procfile.parse("""
        # how this app runs
        web: java -jar app.jar --port $PORT

        worker:   bin/work --queue=default
          clock_2-b: sh -c 'while true; do date; sleep 60; done'
        """);

    assertThat(procfile.processTypes()).containsExactly(
        entry("web", "java -jar app.jar --port $PORT"),
        entry("worker", "bin/work --queue=default"),
        entry("clock_2-b", "sh -c 'while true; do date; sleep 60; done'"));
    assertThat(procfile.releaseCommand()).isNull();
  }

  @Test
  void releaseIsTheReleaseCommandNotAProcessType() throws Exception {
    Procfile procfile = Procfile.parse("release: ./migrate.sh\nweb: ./serve\n");

    assertThat(procfile.processTypes()).containsExactly(entry("web", "./serve"));
    assertThat(procfile.releaseCommand()).isEqualTo("./migrate.sh");
    assertThat(procfile.names()).containsExactly("release", "web");
  }

  @Test
  void toleratesWindowsLineEndingsAByteOrderMarkAndColonsInCommands() throws Exception {
    Procfile procfile = Procfile.parse("\uFEFFweb: java -cp a.jar:b.jar Main\r\nworker: x\r\n");

    assertThat(procfile.processTypes()).containsExactly(entry("web", "java -cp a.jar:b.jar Main"),
        entry("worker", "x"));
  }

  @Test
  void anEmptyProcfileDeclaresNothing() throws Exception {
    assertThat(Procfile.parse("# nothing yet\n\n").names()).isEmpty();
  }

  @Test
  void aLineWithoutNameAndColonIsRejectedWithItsNumber() {
    assertThatThrownBy(() -> Procfile.parse("web: ./serve\n\nworker sleep 60\n"))
        .isInstanceOf(ProcfileException.class)
        .hasMessage("Procfile line 3: expected 'name: command', got 'worker sleep 60'");
  }

  @Test
  void aNameWithOtherCharactersIsRejected() {
    assertThatThrownBy(() -> Procfile.parse("web: ./serve\nmy worker: ./work\n"))
        .isInstanceOf(ProcfileException.class)
        .hasMessage("Procfile line 2: 'my worker' is not a process type name (use letters, digits, '_' and '-')");
  }

  @Test
  void aNameWithoutCommandIsRejected() {
    assertThatThrownBy(() -> Procfile.parse("web:   \n"))
        .isInstanceOf(ProcfileException.class)
        .hasMessage("Procfile line 1: 'web' has no command");
  }

  @Test
  void aNameDeclaredTwiceIsRejected() {
    assertThatThrownBy(() -> Procfile.parse("web: a\n# again\nweb: b\n"))
        .isInstanceOf(ProcfileException.class)
        .hasMessage("Procfile line 3: 'web' is already declared on line 1");
  }

  private static java.util.Map.Entry<String, String> entry(String name, String command) {
    return java.util.Map.entry(name, command);
  }
}

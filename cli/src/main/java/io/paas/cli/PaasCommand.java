package io.paas.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A {@code paas} subcommand. Turns a {@link CliException} into {@code ERROR: message} on stderr and exit status 1
 * here rather than in a handler on the {@code CommandLine}, so every way of running the command behaves the same.
 */
public abstract class PaasCommand implements Callable<Integer> {
  @ParentCommand
  protected Paas paas;

  @Spec
  protected CommandSpec spec;

  private int exitStatus;

  protected abstract void run();

  /** The status to exit with once {@link #run()} returns, for a command that passes on another's (paas run). */
  protected void setExitStatus(int status) {
    this.exitStatus = status;
  }

  @Override
  public final Integer call() {
    try {
      run();
      return exitStatus;
    } catch (CliException e) {
      spec.commandLine().getOut().flush();
      spec.commandLine().getErr().println("ERROR: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    }
  }

  protected Output out() {
    return new Output(spec.commandLine().getOut());
  }

  /** For what is said about the output rather than part of it, so that a script reading stdout gets only that. */
  protected Output err() {
    return new Output(spec.commandLine().getErr());
  }
}

package io.paas.builder.plan;

/** One kind of project the builder knows: how to recognise it and how to build it. */
public interface Buildpack {
  /** The PORT an image gets when run on its own; the platform sets its own (the same, for now). */
  String DEFAULT_PORT = "5000";

  /** What it looks for, for the message that lists what is supported: {@code Maven (pom.xml)}. */
  String supports();

  boolean detect(SourceTree tree) throws PlanException;

  /** The plan for a detected project; fails with the reason when the project asks for what cannot be built. */
  BuildPlan plan(SourceTree tree, Procfile procfile, Stacks stacks) throws PlanException;
}

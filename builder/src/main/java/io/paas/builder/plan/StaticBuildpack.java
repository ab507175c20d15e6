package io.paas.builder.plan;

import java.util.List;
import java.util.Map;

/** A static site: the root's index.html, else {@code public/}, served by busybox httpd. */
final class StaticBuildpack implements Buildpack {
  private static final String INDEX = "index.html";
  private static final String PUBLIC = "public";

  @Override
  public String supports() {
    return "a static site (index.html or public/)";
  }

  @Override
  public boolean detect(SourceTree tree) {
    return tree.isFile(INDEX) || tree.isDirectory(PUBLIC);
  }

  @Override
  public BuildPlan plan(SourceTree tree, Procfile procfile, Stacks stacks) {
    String root = tree.isFile(INDEX) ? "/app" : "/app/" + PUBLIC;
    String web = "httpd -f -p $PORT -h " + root;
    Dockerfile dockerfile = new Dockerfile()
        .from(stacks.image(Stacks.STATIC))
        .workdir("/app")
        .copy(".", "./")
        .env("PORT", DEFAULT_PORT)
        .cmd(procfile.commandOr(Procfile.WEB, web));
    return new BuildPlan("Static site", "Static site detected", dockerfile, List.of(Stacks.STATIC),
        Map.of(Procfile.WEB, web), procfile);
  }
}

package io.paas.router;

/** One place the router may send an app's requests: a web dyno's published address. */
public record Backend(String dyno, String host, int port) {
}

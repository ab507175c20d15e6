package io.paas.controller.deploy;

/** One line of an app's formation: a process type, its command (null: the image's own), how many and how big. */
public record ProcessScale(String type, String command, int quantity, String size) {
}

package io.paas.controller.addons;

/**
 * One provisioned addon as its provider sees it: a platform-unique name ({@code postgres-amber-48213}) the provider
 * derives its own resource names from, the owning app and the chosen plan.
 */
public record AddonInstance(String name, String app, String service, String plan) {
}

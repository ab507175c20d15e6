package io.paas.controller.addons;

/** A plan of an addon service, as {@code GET /addon-services} lists it; its limits belong to its provider. */
public record AddonPlan(String name, String description) {
}

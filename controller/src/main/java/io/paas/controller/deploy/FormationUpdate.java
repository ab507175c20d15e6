package io.paas.controller.deploy;

/** A requested change to one process type; a null quantity or size keeps what the type has. */
public record FormationUpdate(String type, Integer quantity, String size) {
}

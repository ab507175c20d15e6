package io.paas.controller.audit;

/** Which events to list, newest first: a null field matches any. {@code user} is the actor's email. */
public record AuditFilter(String user, String app, String action, int limit) {
}

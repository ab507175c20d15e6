package io.paas.controller.metrics;

/**
 * An app at a glance: how many of the dynos its formation asks for are up, and its responses with a status of 500
 * or more in the last hour.
 */
public record AppSummary(int dynosUp, int dynosTotal, int errorsLastHour) {
}

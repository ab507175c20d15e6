package io.paas.controller.logs.drains;

import io.paas.controller.store.LogDrain;

/** A drain as its owner sees it: {@code url} with any credentials masked, and how delivery is going. */
public record DrainReport(LogDrain drain, String url, DrainStatus status) {
}

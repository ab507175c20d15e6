package io.paas.controller.addons.postgres;

import io.vertx.sqlclient.Row;
import java.util.LinkedHashMap;
import java.util.Map;

/** What {@code pg:info} shows of a tenant, as {@link TenantSql#FACTS} reads it. */
record TenantFacts(long bytes, String size, long connections, int connectionLimit, String version) {
  static TenantFacts from(Row row) {
    return new TenantFacts(row.getLong("bytes"), row.getString("size"), row.getLong("connections"),
        row.getInteger("connection_limit"), row.getString("version"));
  }

  Map<String, String> describe(PostgresPlan plan) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("plan", plan.name());
    facts.put("data_size", size);
    facts.put("connections", connections + "/" + connectionLimit);
    facts.put("version", "PostgreSQL " + version);
    if (bytes > plan.warningBytes()) {
      facts.put("warning", "The data size is above the " + plan.warningGigabytes() + " GB of the " + plan.name()
          + " plan; consider a larger plan");
    }
    return facts;
  }
}

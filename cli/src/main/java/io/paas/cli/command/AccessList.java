package io.paas.cli.command;

import io.paas.cli.Output;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Prints who has access, as Heroku's access and members do: a header, then each email with its role. */
final class AccessList {
  private AccessList() {
  }

  static void print(Output out, String title, JsonArray members) {
    out.header(title);
    out.table(members.stream().map(JsonObject.class::cast)
        .map(member -> List.of(member.getString("email"), member.getString("role"))).toList());
  }
}

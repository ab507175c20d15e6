package io.paas.controller.api;

import static io.paas.controller.api.ApiCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.AccessMatrixTest.Level;
import io.paas.controller.api.AccessMatrixTest.Probe;
import io.paas.controller.api.ApiCalls.Response;
import io.paas.controller.api.RawHttp.Answer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route of the API port (the access matrix's list, so a new route is fuzzed as soon as it is mounted) gets
 * garbage: random bytes, truncated and deeply nested JSON, huge strings, each known field with each wrong type,
 * numbers out of range, NUL and unicode in path parameters, broken percent-encoding, repeated query parameters.
 * None may answer 5xx or hang; every API error is {"id","message"}; afterwards the server still answers and the
 * data made before is intact. Cases come from a seeded generator: {@code -Dfuzz.seed=N} replays a failing run.
 */
class ApiFuzzTest extends ApiTestBase {
  private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
  private static final int RANDOM_CASES_PER_ROUTE = 12;
  /** The fields the API reads from request bodies; random ones of them get random wrong values on every route. */
  private static final List<String> FIELDS = List.of("name", "team", "email", "password", "role", "to", "hostname",
      "plan", "url", "release", "updates", "type", "quantity", "size", "command", "attach", "expires_in_days",
      "description", "maintenance", "request_timeout", "user", "apps", "memory", "cpus", "app", "dynos", "lines",
      "exit", "host", "port", "admin", "PORT");
  private static final List<String> WRONG_VALUES = List.of("null", "true", "0", "-1", "1.5", "1e309", "-1e309",
      "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999", "\"\"", "\"x\"", "[]", "{}",
      "[1,{\"a\":null}]", "\"\\u0000\"", "\"\\ud800\"", "\"é✓😀\"");
  private static final List<String> ODD_SEGMENTS = List.of("%00", "a%00b", "%zz", "%", "%e9", "%c3%28", "%ff%fe",
      "..", "%2e%2e", "%2F", "é", "%F0%9F%98%80", "a;b", "a%20b", "-1", "0", "9223372036854775808", "1e3", "x".repeat(300));
  /** Statuses the API answers errors with; anything else (a 5xx above all) is a finding. */
  private static final Set<Integer> API_ERRORS = Set.of(400, 401, 403, 404, 405, 409, 413, 414, 415, 422, 429, 431);

  private static String owner;
  private static String app;
  private static String team;
  private static String keeper;

  @BeforeAll
  static void makeData() throws Exception {
    owner = api.newUser();
    app = api.newApp(owner);
    team = "fuzz-" + Long.toHexString(SEED & 0xffffff);
    assertThat(api.call("POST", "/teams", owner, body("name", team)).status()).isEqualTo(201);
    keeper = api.newApp(owner);
    assertThat(api.call("PATCH", "/apps/" + keeper + "/config-vars", owner, "{\"KEEP\": \"me\"}").status())
        .isEqualTo(200);
  }

  @Test
  void everyRouteAnswersGarbageWithA4xxAndTheServerKeepsItsData() throws Exception {
    Random random = new Random(SEED);
    List<String> findings = new ArrayList<>();
    int cases = 0;
    for (Probe probe : AccessMatrixTest.MATRIX) {
      for (Case fuzz : cases(probe, random)) {
        cases++;
        Answer answer = RawHttp.send(platform.port, head(probe, fuzz), fuzz.body());
        String finding = judge(probe, answer);
        if (finding != null) {
          findings.add(probe.route + " with " + fuzz.what() + ": " + finding);
        }
      }
    }
    System.out.println("API fuzz: " + cases + " cases, seed " + SEED);
    assertThat(findings).as("answers that were not a clean 4xx (replay with -Dfuzz.seed=" + SEED + ")").isEmpty();
    assertStillServing();
  }

  /** One request: a path (with its query), a body and what it is, for the report. */
  record Case(String what, String path, byte[] body) {
  }

  private static List<Case> cases(Probe probe, Random random) {
    String path = probe.path.replace("{app}", app).replace("{team}", team);
    List<Case> cases = new ArrayList<>();
    for (String segment : ODD_SEGMENTS) {
      cases.add(new Case("path segment " + segment, oddPath(probe, segment), bytes(probe.body)));
    }
    if (probe.fresh || probe.spendsToken) {
      return cases; // only paths that name nothing: the call destroys what it is called on
    }
    cases.add(new Case("repeated query parameters", path + (path.contains("?") ? "&" : "?")
        + "service=git-receive-pack&service=x&after=1&after=-1&tail=1&tail=x&lines=5&lines=-5&show_credentials=true"
        + "&show_credentials=false&epoch=a&epoch=b&type=web&type=web", bytes(probe.body)));
    if (probe.method().equals("GET")) {
      return cases; // bodies only go where they are read
    }
    cases.add(new Case("100k '['", path, "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII)));
    cases.add(new Case("30k '['", path, "[".repeat(30_000).getBytes(StandardCharsets.US_ASCII)));
    cases.add(new Case("30k '{\"a\":'", path, "{\"a\":".repeat(10_000).getBytes(StandardCharsets.US_ASCII)));
    for (String field : ownFields(probe)) {
      for (String value : WRONG_VALUES) {
        cases.add(new Case(field + "=" + value, path, withField(probe, field, value)));
      }
      cases.add(new Case(field + " huge", path, withField(probe, field, '"' + "x".repeat(60_000) + '"')));
    }
    for (int i = 0; i < RANDOM_CASES_PER_ROUTE; i++) {
      String field = FIELDS.get(random.nextInt(FIELDS.size()));
      String value = WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size()));
      cases.add(new Case(field + "=" + value, path, withField(probe, field, value)));
      cases.add(random.nextBoolean() ? randomBytes(path, random) : truncated(probe, path, random));
    }
    return cases;
  }

  /** The fields of the probe's own (valid-shaped) body: each gets every wrong value. */
  private static Set<String> ownFields(Probe probe) {
    return probe.body == null || !probe.body.startsWith("{") ? Set.of() : new JsonObject(probe.body).fieldNames();
  }

  /** The probe's path with {@code segment} for one of its parameters, or appended when it has none. */
  private static String oddPath(Probe probe, String segment) {
    String concrete = probe.path.replace("{app}", app).replace("{team}", team);
    int query = concrete.indexOf('?');
    List<String> segments = new ArrayList<>(List.of((query < 0 ? concrete : concrete.substring(0, query)).split("/")));
    String[] route = probe.route.substring(probe.route.indexOf(' ') + 1).split("/");
    int param = IntStream.range(0, Math.min(route.length, segments.size()))
        .filter(i -> route[i].startsWith(":") || route[i].startsWith("(?<")).findFirst().orElse(-1);
    if (param < 0) {
      segments.add(segment);
    } else {
      segments.set(param, route[param].startsWith("(?<") ? segment + ".git" : segment);
    }
    return String.join("/", segments) + (query < 0 ? "" : concrete.substring(query));
  }

  private static byte[] withField(Probe probe, String field, String value) {
    JsonObject base = probe.body == null || !probe.body.startsWith("{") ? new JsonObject() : new JsonObject(probe.body);
    base.remove(field);
    String rest = base.encode().replace("{team}", team);
    String json = "{\"" + field + "\":" + value + (rest.length() > 2 ? "," + rest.substring(1) : "}");
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static Case randomBytes(String path, Random random) {
    byte[] body = new byte[random.nextInt(4096)];
    random.nextBytes(body);
    return new Case("random " + body.length + " bytes", path, body);
  }

  private static Case truncated(Probe probe, String path, Random random) {
    byte[] whole = withField(probe, FIELDS.get(random.nextInt(FIELDS.size())), "\"" + "é".repeat(20) + "\"");
    int length = random.nextInt(whole.length);
    byte[] cut = new byte[length];
    System.arraycopy(whole, 0, cut, 0, length);
    return new Case("JSON cut at " + length, path, cut);
  }

  private static byte[] bytes(String body) {
    return body == null ? new byte[0] : body.replace("{team}", team).getBytes(StandardCharsets.UTF_8);
  }

  private static String head(Probe probe, Case fuzz) {
    String auth = switch (probe.level) {
      case PUBLIC -> null;
      case CLUSTER -> "Bearer " + ApiFixture.AGENT_TOKEN;
      case PLATFORM_ADMIN -> "Bearer " + api.adminToken;
      case GIT -> "Basic " + Base64.getEncoder().encodeToString(("git:" + owner).getBytes(StandardCharsets.UTF_8));
      default -> "Bearer " + owner;
    };
    return probe.method() + " " + fuzz.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + probe.contentType
        + (auth == null ? "" : "\r\nAuthorization: " + auth);
  }

  /** Null when the answer is a clean one: a success, or a 4xx with the API's error body. */
  private static String judge(Probe probe, Answer answer) {
    if (answer.status() < 0) {
      return "connection closed without an answer";
    }
    if (answer.status() < 400) {
      return null;
    }
    if (!API_ERRORS.contains(answer.status())) {
      return answer.status() + " " + answer.body();
    }
    if (probe.route.contains(" /git/")) {
      return null; // git shows a plain-text error to the user as it is
    }
    try {
      JsonObject error = new JsonObject(answer.body());
      return error.getValue("id") instanceof String && error.getValue("message") instanceof String ? null
          : answer.status() + " without id and message: " + answer.body();
    } catch (RuntimeException notJson) {
      return answer.status() + " not JSON (" + answer.contentType() + "): " + answer.body();
    }
  }

  private static void assertStillServing() throws Exception {
    assertThat(api.call("GET", "/health", null, null).status()).isEqualTo(200);
    Response kept = api.call("GET", "/apps/" + keeper + "/config-vars", owner, null);
    assertThat(kept.status()).isEqualTo(200);
    assertThat(kept.json().getString("KEEP")).isEqualTo("me");
    assertThat(api.call("GET", "/apps/" + app, owner, null).status()).isEqualTo(200);
    assertThat(api.newApp(owner)).isNotBlank();
  }
}

package io.paas.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Blocking JSON calls to the Platform API; every failure becomes a {@link CliException} worded for the user. */
public final class ApiClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(CONNECT_TIMEOUT)
      .build();
  private final String apiUrl;
  private final String token;

  /** A null token makes unauthenticated calls ({@code POST /auth/login}). */
  public ApiClient(String apiUrl, String token) {
    this.apiUrl = apiUrl;
    this.token = token;
  }

  /** Encodes one path segment, so a name can never change which resource is addressed. */
  public static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public JsonObject get(String path) {
    return object(send("GET", path, null));
  }

  public JsonArray getArray(String path) {
    return array(send("GET", path, null));
  }

  public JsonObject post(String path, JsonObject body) {
    return object(send("POST", path, body));
  }

  public JsonObject patch(String path, JsonObject body) {
    return object(send("PATCH", path, body));
  }

  public JsonArray patchArray(String path, JsonObject body) {
    return array(send("PATCH", path, body));
  }

  public JsonObject delete(String path) {
    return object(send("DELETE", path, null));
  }

  /**
   * A plain-text GET whose lines go to {@code onLine} as they arrive, until the server ends the response or
   * {@code onLine} returns false. No timeout: a tailed stream may stay quiet for as long as the app does.
   */
  public void streamLines(String path, Predicate<String> onLine) {
    stream(request("GET", path, null).header("Accept", "text/plain"), onLine);
  }

  /**
   * A POST answered with newline-delimited JSON: each object goes to {@code onObject} as it arrives, until the
   * server ends the response or {@code onObject} returns false. No timeout, as for {@link #streamLines}.
   */
  public void streamJson(String path, JsonObject body, Predicate<JsonObject> onObject) {
    stream(request("POST", path, body).header("Accept", "application/x-ndjson"),
        line -> line.isBlank() || onObject.test(object(line)));
  }

  private void stream(HttpRequest.Builder request, Predicate<String> onLine) {
    HttpResponse<Stream<String>> response = execute(request, HttpResponse.BodyHandlers.ofLines());
    try (Stream<String> lines = response.body()) {
      if (response.statusCode() >= 400) {
        throw new ApiError(response.statusCode(), errorMessage(response.statusCode(),
            lines.collect(Collectors.joining("\n"))));
      }
      Iterator<String> it = lines.iterator();
      boolean reading = true;
      while (reading && it.hasNext()) {
        reading = onLine.test(it.next());
      }
    } catch (UncheckedIOException e) {
      throw new CliException("lost the connection to the platform at " + apiUrl + ": " + e.getCause().getMessage());
    }
  }

  private String send(String method, String path, JsonObject body) {
    HttpRequest.Builder request = request(method, path, body)
        .timeout(REQUEST_TIMEOUT)
        .header("Accept", "application/json");
    HttpResponse<String> response = execute(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() >= 400) {
      throw new ApiError(response.statusCode(), errorMessage(response.statusCode(), response.body()));
    }
    return response.body();
  }

  private HttpRequest.Builder request(String method, String path, JsonObject body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  private <T> HttpResponse<T> execute(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
    try {
      return http.send(request.build(), handler);
    } catch (ConnectException e) {
      throw new CliException("cannot reach the platform at " + apiUrl);
    } catch (HttpTimeoutException e) {
      throw new CliException("the platform at " + apiUrl + " did not answer in time");
    } catch (IOException e) {
      throw new CliException("cannot reach the platform at " + apiUrl + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted");
    }
  }

  private URI uri(String path) {
    try {
      return URI.create(apiUrl + path);
    } catch (IllegalArgumentException e) {
      throw new CliException("invalid API URL " + apiUrl + ": " + e.getMessage());
    }
  }

  /** The API's own message; on 401 with a token sent, the token is stale or revoked, so say how to get a new one. */
  private String errorMessage(int status, String body) {
    String message;
    try {
      message = new JsonObject(body).getString("message");
    } catch (DecodeException | ClassCastException e) {
      message = null;
    }
    if (message == null || message.isBlank()) {
      message = "the platform answered HTTP " + status;
    }
    if (status == 401 && token != null) {
      message = message.endsWith(".") ? message + " Run paas login." : message + ". Run paas login.";
    }
    return message;
  }

  /** An empty body, as a 202 may have, reads as an empty object. */
  private JsonObject object(String body) {
    if (body.isBlank()) {
      return new JsonObject();
    }
    try {
      return new JsonObject(body);
    } catch (DecodeException e) {
      throw unexpectedAnswer();
    }
  }

  private JsonArray array(String body) {
    try {
      return new JsonArray(body);
    } catch (DecodeException e) {
      throw unexpectedAnswer();
    }
  }

  private CliException unexpectedAnswer() {
    return new CliException("unexpected answer from the platform at " + apiUrl);
  }
}

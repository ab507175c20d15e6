package io.paas.common;

import io.vertx.core.json.JsonObject;

/**
 * A failure with the HTTP status and the {@code {"id","message"}} body the Platform API answers with.
 * Thrown or used to fail a future anywhere on the request path; the API edge turns it into the response.
 */
public class ApiException extends RuntimeException {
  private final int status;
  private final String id;

  public ApiException(int status, String id, String message) {
    super(message);
    this.status = status;
    this.id = id;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "unauthorized", message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "forbidden", message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "not_found", message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, "conflict", message);
  }

  public static ApiException invalid(String message) {
    return new ApiException(422, "invalid_params", message);
  }

  public int status() {
    return status;
  }

  public String id() {
    return id;
  }

  public JsonObject toJson() {
    return new JsonObject().put("id", id).put("message", getMessage());
  }
}

package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The console's files come with the headers that keep its token's page to itself, and every answer with nosniff. */
class ConsoleFilesTest extends ApiTestBase {
  @Test
  void theConsolePageRunsOnlyItsOwnScriptsCannotBeFramedAndIsRevalidated() throws Exception {
    for (String path : new String[] {"/", "/index.html"}) {
      Response page = api.call("GET", path, null, null);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.body()).contains("<html");
      HttpHeaders headers = page.headers();
      assertThat(headers.firstValue("Content-Type")).get().asString().startsWith("text/html");
      assertThat(headers.allValues("Content-Security-Policy")).containsExactly("default-src 'self'; "
          + "script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
          + "base-uri 'none'; form-action 'self'");
      assertThat(headers.allValues("X-Content-Type-Options")).containsExactly("nosniff");
      assertThat(headers.allValues("Referrer-Policy")).containsExactly("no-referrer");
      assertThat(headers.allValues("X-Frame-Options")).containsExactly("DENY");
      assertThat(headers.allValues("Cache-Control")).as(path).containsExactly("no-cache");

      HttpRequest revalidate = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port + path))
          .header("If-Modified-Since", headers.firstValue("Last-Modified").orElseThrow()).build();
      HttpResponse<String> unchanged = ApiCalls.http().send(revalidate, HttpResponse.BodyHandlers.ofString());
      assertThat(unchanged.statusCode()).as("an unchanged page is not sent again").isEqualTo(304);
      assertThat(unchanged.headers().allValues("Cache-Control")).containsExactly("no-cache");
    }
  }

  @Test
  void apiAnswersAndErrorsAreNotSniffed() throws Exception {
    Response apps = api.call("GET", "/apps", api.adminToken, null);
    assertThat(apps.status()).isEqualTo(200);
    assertThat(apps.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    Response unauthorized = api.call("GET", "/apps", null, null);
    assertThat(unauthorized.status()).isEqualTo(401);
    assertThat(unauthorized.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(unauthorized.headers().firstValue("Content-Type")).contains("application/json");
  }
}

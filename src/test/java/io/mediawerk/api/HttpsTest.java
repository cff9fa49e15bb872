package io.mediawerk.api;

import static io.mediawerk.testing.Api.admin;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Production's HTTPS rule, with this machine as the trusted TLS-terminating proxy. */
@Tag("stack")
@QuarkusTest
@TestProfile(HttpsTest.RequireHttps.class)
class HttpsTest {

    public static class RequireHttps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mediawerk.http.require-https", "true", "mediawerk.http.trusted-proxies", "127.0.0.1/32");
        }
    }

    @Test
    void plainHttpIsRefused() {
        admin().get("/projects")
                .then()
                .statusCode(403)
                .body("error.code", equalTo("https_required"))
                .body("meta.type", equalTo("error"));
    }

    @Test
    void httpsForwardedByATrustedProxyIsAccepted() {
        admin().header("X-Forwarded-Proto", "https").get("/projects").then().statusCode(200);
        admin().header("X-Forwarded-Proto", "http").get("/projects").then().statusCode(403);
    }
}

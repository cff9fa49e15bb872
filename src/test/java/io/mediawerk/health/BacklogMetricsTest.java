package io.mediawerk.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The backlog gauges are on /q/metrics with the values PostgreSQL holds. */
@Tag("stack")
@QuarkusTest
class BacklogMetricsTest {

    @Test
    void theBacklogIsOnTheMetricsPage() {
        await().atMost(Duration.ofSeconds(30)).until(() -> value("mediawerk_workflow_runs_running") >= 0);
        String page = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(page)
                .contains(
                        "mediawerk_outbox_waiting",
                        "mediawerk_outbox_oldest_seconds",
                        "mediawerk_tasks_pending",
                        "mediawerk_tasks_processing",
                        "mediawerk_tasks_oldest_pending_seconds",
                        "mediawerk_webhook_deliveries_waiting");
    }

    private static double value(String gauge) {
        Matcher matcher = Pattern.compile("(?m)^" + gauge + "(\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(given().get("/q/metrics").asString());
        return matcher.find() ? Double.parseDouble(matcher.group(2)) : -1;
    }
}

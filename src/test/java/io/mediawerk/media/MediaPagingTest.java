package io.mediawerk.media;

import static io.mediawerk.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.mediawerk.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The media list pages by cursor: its links lead through every item once, both ways; totals stay cheap. */
@QuarkusTest
class MediaPagingTest {

    @Test
    void linksLeadThroughEveryItemOnceForwardAndBack() {
        Api.TestProject project = Api.newProject("Cursor paging");
        seed(project.id(), 7);
        List<String> all = as(project.key()).get("/media?limit=100").path("data.id");
        assertThat(all).hasSize(7);

        List<String> forward = new ArrayList<>();
        Response page = as(project.key()).get("/media?limit=3");
        page.then()
                .body("links.prev", nullValue())
                .body("meta.total", equalTo(7))
                .body("meta.page", nullValue());
        List<String> pages = new ArrayList<>();
        while (true) {
            forward.addAll(page.path("data.id"));
            String next = page.path("links.next");
            if (next == null) {
                break;
            }
            assertThat(next).contains("after=").doesNotContain("page=");
            pages.add(next);
            page = as(project.key()).get(pathOf(next));
        }
        assertThat(forward).isEqualTo(all);

        List<String> backward = new ArrayList<>(page.path("data.id"));
        while (page.path("links.prev") != null) {
            page = as(project.key()).get(pathOf(page.path("links.prev")));
            backward.addAll(0, page.path("data.id"));
        }
        assertThat(backward).isEqualTo(all);

        List<String> ascending =
                as(project.key()).get("/media?limit=4&order=asc").path("data.id");
        String next = as(project.key()).get("/media?limit=4&order=asc").path("links.next");
        ascending.addAll(as(project.key()).get(pathOf(next)).path("data.id"));
        List<String> reversed = new ArrayList<>(all);
        java.util.Collections.reverse(reversed);
        assertThat(ascending).isEqualTo(reversed);
    }

    @Test
    void cursorsAreCheckedAndNumberedPagesStillWork() {
        Api.TestProject project = Api.newProject("Cursor checks");
        seed(project.id(), 3);
        String first = as(project.key()).get("/media").path("data[0].id");
        as(project.key()).get("/media?after=nonsense").then().statusCode(400).body("error.param", equalTo("after"));
        as(project.key())
                .get("/media?after=med_0000000000000000")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("after"));
        as(project.key())
                .get("/media?after=" + first + "&before=" + first)
                .then()
                .statusCode(400);
        as(project.key())
                .get("/media?after=" + first + "&page=2")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("after"));
        as(project.key())
                .get("/media?after=" + first + "&sort=filesize")
                .then()
                .statusCode(400)
                .body("error.param", equalTo("after"));
        as(project.key())
                .get("/media?limit=1&page=2")
                .then()
                .statusCode(200)
                .body("meta.page", equalTo(2))
                .body("links.next", org.hamcrest.Matchers.endsWith("limit=1&page=3"));
    }

    @Test
    void pastTenThousandTheTotalIsAnEstimateAndDeepPagesStillFollow() {
        Api.TestProject project = Api.newProject("Many media");
        seed(project.id(), MediaPages.EXACT_UP_TO + 500);
        execute("analyze media");
        Response first = as(project.key()).get("/media?limit=250");
        int total = first.path("meta.total");
        assertThat(total).isBetween(MediaPages.EXACT_UP_TO + 1, (MediaPages.EXACT_UP_TO + 500) * 2);
        Response page = first;
        int seen = 0;
        for (int i = 0; i < 41 && page.path("links.next") != null; i++) {
            seen += page.<List<String>>path("data.id").size();
            page = as(project.key()).get(pathOf(page.path("links.next")));
        }
        seen += page.<List<String>>path("data.id").size();
        assertThat(seen).isEqualTo(MediaPages.EXACT_UP_TO + 500);
        assertThat(page.<String>path("links.next")).isNull();
    }

    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** Ready media made with SQL, a second apart (as bench/seed-media.sql makes them). */
    private static void seed(String projectId, int count) {
        execute("""
                insert into media (id, project_id, kind, status, title, filesize, created, updated)
                select 'med_' || substr(md5(i::text || ?), 1, 16), ?, 'image', 'ready', 'seeded ' || i, 4096,
                       now() - make_interval(secs => i), now() - make_interval(secs => i)
                from generate_series(1, ?) as i""", projectId, projectId, count);
    }

    private static void execute(String sql, Object... parameters) {
        String url = "jdbc:" + ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.url", String.class);
        String user = ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class);
        try (Connection db = DriverManager.getConnection(url, user, "");
                PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.mediawerk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.mediawerk.testing.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The generated clients' quickstart examples, run as a user would against this instance: each uploads an image,
 * waits for it, makes a WebP of it and prints its URL. A client that does not build or an example that fails fails
 * here. Needs Node and npm (the TypeScript compiler comes from npm) and Python 3 with pydantic 2 ({@code
 * bin/check-tools}).
 */
@Tag("stack")
@QuarkusTest
class ClientExamplesTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void theTypeScriptQuickstartRunsAgainstTheApi() throws Exception {
        File client = new File("clients/typescript");
        run(client, List.of("npm", "install", "--no-audit", "--no-fund"), null);
        String output = run(
                client,
                List.of("node", "examples/quickstart.mjs"),
                Api.newProject("ts-client").key());
        assertThat(output).containsPattern("transform tsk_\\w+ completed: http\\S+\\.webp");
    }

    @Test
    void thePythonQuickstartRunsAgainstTheApi() throws Exception {
        String output = run(
                new File("clients/python"),
                List.of("python3", "examples/quickstart.py"),
                Api.newProject("python-client").key());
        assertThat(output).containsPattern("transform tsk_\\w+ completed: http\\S+\\.webp");
    }

    /** Runs the command in the directory (with the instance's URL and {@code key} when given); its output. */
    private String run(File directory, List<String> command, String key) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory).redirectErrorStream(true);
        builder.environment().put("PYTHONPATH", ".");
        if (key != null) {
            builder.environment().put("MEDIAWERK_BASE_URL", base.toString().replaceAll("/$", ""));
            builder.environment().put("MEDIAWERK_API_KEY", key);
        }
        Process process = builder.start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 300 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue())
                .as(String.join(" ", command) + " in " + directory + " answered:\n" + output)
                .isZero();
        return output;
    }
}

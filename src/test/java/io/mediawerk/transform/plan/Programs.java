package io.mediawerk.transform.plan;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs programs the way the pipeline does: an argument list, no shell, stdout and stderr kept apart. */
final class Programs {

    /** What a run left: its exit code, its stdout (ffmpeg's progress) and its stderr. */
    record Result(int exitCode, String stdout, String stderr) {}

    private Programs() {}

    static Result run(List<String> command, Path workDir) {
        try {
            Files.createDirectories(workDir);
            Path stdout = Files.createTempFile(workDir, "stdout", ".txt");
            Path stderr = Files.createTempFile(workDir, "stderr", ".txt");
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .redirectInput(new File("/dev/null"))
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", command));
            }
            Result result = new Result(
                    process.exitValue(),
                    Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
            Files.delete(stdout);
            Files.delete(stderr);
            return result;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command that must succeed, such as one making test media. */
    static void runOrFail(List<String> command, Path workDir) {
        Result result = run(command, workDir);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    "Failed (" + result.exitCode() + "): " + String.join(" ", command) + "\n" + result.stderr());
        }
    }

    /**
     * Runs every step of a plan in order, then writes its text files into {@code outputDir}, as the pipeline does.
     *
     * @return the results of the steps
     */
    static List<Result> execute(Plan plan, Path outputDir, Path logDir) {
        List<Result> results = new ArrayList<>();
        for (Step step : plan.steps()) {
            Result result = run(step.command(), logDir);
            results.add(result);
            if (result.exitCode() != 0) {
                throw new AssertionError("Step failed (" + result.exitCode() + ", '"
                        + FfmpegErrors.relevantLine(result.stderr()) + "'): " + String.join(" ", step.command())
                        + "\n" + result.stderr());
            }
        }
        try {
            for (var file : plan.output().textFiles().entrySet()) {
                Files.writeString(outputDir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return results;
    }
}

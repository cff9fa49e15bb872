package io.mediawerk.transform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validates, plans and runs a transform the way the pipeline does, in folders of a test's temporary directory. */
final class Transforms {

    private static final Pattern OUT_TIME = Pattern.compile("(?m)^out_time_us=(\\d+)$");

    /** A finished transform: its plan, the output folder and what each step wrote. */
    record Done(Plan plan, Path outputDir, Path logDir, List<Programs.Result> results) {

        Path main() {
            return outputDir.resolve(plan.output().mainFile());
        }

        Path file(String relativePath) {
            return outputDir.resolve(relativePath);
        }

        Probed probe() {
            return Probed.of(outputDir.resolve(plan.output().probeFile()), logDir);
        }

        Probed probe(String relativePath) {
            return Probed.of(outputDir.resolve(relativePath), logDir);
        }

        /** The last out_time the last step reported on stdout, in seconds. */
        double lastProgressSeconds() {
            Matcher matcher = OUT_TIME.matcher(results.get(results.size() - 1).stdout());
            long micros = -1;
            while (matcher.find()) {
                micros = Long.parseLong(matcher.group(1));
            }
            return micros / 1e6;
        }
    }

    private Transforms() {}

    static Done run(String kind, String options, Samples.Sample sample, Path tempDir) {
        return run(kind, options, sample.path(), sample.facts(), tempDir);
    }

    static Done run(String kind, String options, String input, InputFacts facts, Path tempDir) {
        TransformSpec spec = TransformOptions.validate(kind, TransformOptionsTest.json(options), facts);
        try {
            Path scratch = Files.createDirectories(tempDir.resolve("scratch"));
            Path output = Files.createDirectories(tempDir.resolve("output"));
            Path logs = Files.createDirectories(tempDir.resolve("logs"));
            Plan plan = Planner.plan(spec, facts, input, scratch, output);
            double weights = plan.steps().stream().mapToDouble(Step::weight).sum();
            assertThat(weights).isCloseTo(1.0, within(1e-9));
            return new Done(plan, output, logs, Programs.execute(plan, output, logs));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

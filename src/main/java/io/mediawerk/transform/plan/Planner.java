package io.mediawerk.transform.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns a validated transform into the programs to run and describes what they leave in the output folder. */
public final class Planner {

    /** Threads per encoder when the caller does not say. */
    public static final int DEFAULT_THREADS = 2;
    /** The share of a HEIC transform's progress that decoding the HEIC file takes. */
    static final double DECODE_WEIGHT = 0.3;

    private static final String DECODED = "decoded";

    private Planner() {}

    /**
     * True when ffmpeg cannot read the input from a URL, so it must be downloaded first: ffmpeg 5.1 cannot decode
     * HEIC; the plan's first step turns it into a PNG with heif-convert.
     */
    public static boolean needsLocalInput(InputFacts input) {
        return "heif".equals(input.container());
    }

    /**
     * @param input an http(s) URL, such as a presigned S3 GET, or a local file path; a local path when
     *     {@link #needsLocalInput} is true
     * @param scratchDir a private folder for intermediate files, not uploaded
     * @param outputDir an empty folder: everything in it after the steps, plus {@link Output#textFiles()}, is the
     *     output
     */
    public static Plan plan(TransformSpec spec, InputFacts facts, String input, Path scratchDir, Path outputDir) {
        return plan(spec, facts, input, scratchDir, outputDir, DEFAULT_THREADS);
    }

    /** As {@link #plan(TransformSpec, InputFacts, String, Path, Path)}, with the threads each encoder may use. */
    public static Plan plan(
            TransformSpec spec, InputFacts facts, String input, Path scratchDir, Path outputDir, int threads) {
        Step decode = null;
        FfmpegInput source;
        if (needsLocalInput(facts)) {
            if (input.toLowerCase(Locale.ROOT).matches("^https?://.*")) {
                throw new IllegalArgumentException("A " + facts.container() + " input must be downloaded first");
            }
            Path decoded = scratchDir.toAbsolutePath().normalize().resolve(DECODED + ".png");
            decode = new Step(
                    List.of(
                            "heif-convert",
                            "--quiet",
                            Path.of(input).toAbsolutePath().normalize().toString(),
                            decoded.toString()),
                    null,
                    DECODE_WEIGHT);
            source = FfmpegInput.firstPng(scratchDir, DECODED);
        } else {
            source = FfmpegInput.of(input, facts.container());
        }
        Workspace workspace = new Workspace(source, outputDir, Math.max(1, threads));
        Settings options = new Settings(spec.options());
        Plan plan = switch (spec.kind()) {
            case VideoOptions.KIND -> VideoPlan.plan(options, facts, workspace);
            case ImageOptions.KIND -> ImagePlan.plan(options, facts, workspace);
            case AudioOptions.KIND -> AudioPlan.plan(options, facts, workspace);
            case ThumbnailsOptions.KIND -> ThumbnailsPlan.plan(options, facts, workspace);
            case AnimationOptions.KIND -> AnimationPlan.plan(options, facts, workspace);
            default -> throw new IllegalArgumentException("Unknown transform kind " + spec.kind());
        };
        return decode == null ? plan : after(decode, plan);
    }

    /** The plan with {@code first} run before its steps, which share what progress {@code first} leaves. */
    private static Plan after(Step first, Plan plan) {
        List<Step> steps = new ArrayList<>(List.of(first));
        for (Step step : plan.steps()) {
            steps.add(step.withWeight(step.weight() * (1 - first.weight())));
        }
        return new Plan(steps, plan.output());
    }
}

package io.mediawerk.transform.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Plans an HLS ladder in two stages so that it is playable early: first one rendition — a stream copy of the input
 * when {@link CopyGate} allows it, else the lowest rung with a fast preset — then the other rungs in one pass that
 * decodes the input once. Every rung cuts its segments at the same times (the copy's keyframes, or every four
 * seconds), so players can switch between them. H.264 goes to MPEG-TS segments, H.265 to fragmented MP4. The master
 * playlist is written by the caller ({@link MasterPlaylist}) as rungs are stored.
 */
public final class HlsPlan {

    public static final String MASTER = "master.m3u8";
    /** A fragmented-MP4 rung's init file, in its folder. */
    public static final String INIT = "init.mp4";

    static final int SEGMENT_SECONDS = 4;
    static final double TIMESTAMP_HEADROOM = 1;
    /** Forced keyframes only: the encoder adds none of its own between the cuts. */
    private static final String NO_OWN_KEYFRAMES = "1000";
    /** The share of a ladder's progress its first stage stands for: a copy, or the lowest rung. */
    private static final double COPY_SHARE = 0.05;

    private static final double FAST_SHARE = 0.25;

    /**
     * One rendition: its folder in the output, its picture, and its peak video bitrate (bits per second; for a
     * copy, what the input has).
     */
    public record Rung(String folder, int width, int height, int bitrate, boolean copy) {

        public String playlist() {
            return folder + "/index.m3u8";
        }

        FrameSize size() {
            return new FrameSize(width, height);
        }
    }

    /** The first stage's program and the rung it makes; the rungs left for {@link #rest}. */
    public record Start(Step step, Rung rung, List<Rung> left) {}

    private HlsPlan() {}

    public static boolean isHls(TransformSpec spec) {
        return VideoOptions.KIND.equals(spec.kind())
                && "hls".equals(spec.options().get("format"));
    }

    /** Whether the ladder's segments are fragmented MP4 (H.265) rather than MPEG-TS (H.264). */
    public static boolean fragmentedMp4(TransformSpec spec) {
        return codec(spec) == VideoCodec.H265;
    }

    /** The ladder's video codec: H.264 unless the options ask for H.265. */
    static VideoCodec codec(TransformSpec spec) {
        return VideoCodec.of(new Settings(spec.options()).text("codec", VideoCodec.H264.id()));
    }

    /**
     * Plans the first stage. With {@code copy} the top rung is the input itself (its keyframes, its bitrate), the
     * encoded rungs are the lines below it; without, the lowest rung goes first.
     *
     * @param location the input: an http(s) URL (a presigned S3 GET) or a local path
     */
    public static Start start(
            TransformSpec spec,
            InputFacts input,
            String location,
            Path outputDir,
            int threads,
            CopyGate.Decision gate) {
        Settings options = new Settings(spec.options());
        Workspace workspace = workspace(input, location, outputDir, threads);
        List<Rung> ladder = ladder(options, input, gate.copy());
        if (gate.copy()) {
            Rung top = ladder.get(0);
            Step copy = copyStep(options, input, workspace, top, gate.copyAudio(), codec(spec));
            return new Start(copy, top, ladder.subList(1, ladder.size()));
        }
        Rung lowest = ladder.get(ladder.size() - 1);
        Step step = encodeStep(options, codec(spec), input, workspace, List.of(lowest), null, true, null);
        return new Start(step, lowest, ladder.subList(0, ladder.size() - 1));
    }

    /**
     * Plans the other rungs in one pass.
     *
     * @param cuts the seconds at which the first rung's segments start (after 0), or null for every four seconds
     */
    public static Step rest(
            TransformSpec spec,
            InputFacts input,
            String location,
            Path outputDir,
            int threads,
            List<Rung> rungs,
            List<Double> cuts) {
        Settings options = new Settings(spec.options());
        Workspace workspace = workspace(input, location, outputDir, threads);
        return encodeStep(options, codec(spec), input, workspace, rungs, cuts, false, null);
    }

    /**
     * Plans one chunk of the other rungs: the input's stretch {@code span}, encoded for every rung as a video-only
     * MPEG-TS file ({@link HlsChunks#chunkFile}) on the input's timeline, with keyframes at the ladder's cuts.
     */
    public static Step chunk(
            TransformSpec spec,
            InputFacts input,
            String location,
            Path outputDir,
            int threads,
            List<Rung> rungs,
            HlsChunks.Span span) {
        Settings options = new Settings(spec.options());
        Workspace workspace = workspace(input, location, outputDir, threads);
        return encodeStep(options, codec(spec), input, workspace, rungs, span.keyframes(), false, span);
    }

    private static Workspace workspace(InputFacts input, String location, Path outputDir, int threads) {
        return new Workspace(FfmpegInput.of(location, input.container()), outputDir, threads);
    }

    /** ffprobe reading the input's streams as ffmpeg will open it (same demuxer, same protocols). */
    public static List<String> probeCommand(String location, String container) {
        List<String> command = new ArrayList<>(List.of("ffprobe", "-hide_banner", "-v", "error"));
        command.addAll(FfmpegInput.of(location, container).arguments(null, null));
        command.addAll(List.of("-print_format", "json", "-show_streams"));
        return command;
    }

    static List<Rung> ladder(Settings options, InputFacts input, boolean copy) {
        Frame frame = VideoPlan.frame(options, input);
        List<HlsLadder.Rendition> lines = HlsLadder.renditions(frame.size());
        List<Rung> rungs = new ArrayList<>();
        if (copy) {
            FrameSize size = frame.size();
            rungs.add(new Rung("v0", size.width(), size.height(), 0, true));
            lines = lines.stream()
                    .filter(line -> line.size().shortSide() < size.shortSide())
                    .limit(HlsLadder.MAX_RENDITIONS - 1)
                    .toList();
        }
        for (HlsLadder.Rendition line : lines) {
            FrameSize size = line.size();
            rungs.add(new Rung("v" + rungs.size(), size.width(), size.height(), line.bitrate(), false));
        }
        return rungs;
    }

    private static Step copyStep(
            Settings options, InputFacts input, Workspace workspace, Rung rung, boolean copyAudio, VideoCodec codec) {
        // a copy passes damage on as it is: a corrupt packet (a truncated file) stops it with ffmpeg's reason
        FfmpegCommand command =
                FfmpegCommand.reading(workspace.source(), null, null).add("-xerror", "-map", "0:v:0");
        boolean audio = HlsChunks.carriesAudio(options, input);
        if (audio) {
            command.add("-map", "0:a:0", "-c:v", "copy");
            command.add(copyAudio ? List.of("-c:a", "copy") : audioEncoding());
        } else {
            command.add("-c:v", "copy", "-an");
        }
        boolean fmp4 = codec == VideoCodec.H265;
        if (fmp4) {
            command.add("-tag:v", "hvc1");
        }
        command.withoutMetadata();
        HlsMuxer.add(command, workspace, rung, fmp4, TIMESTAMP_HEADROOM);
        return command.step(input.duration()).withWeight(COPY_SHARE);
    }

    private static Step encodeStep(
            Settings options,
            VideoCodec codec,
            InputFacts input,
            Workspace workspace,
            List<Rung> rungs,
            List<Double> cuts,
            boolean fast,
            HlsChunks.Span span) {
        Trim trim = Trim.of(options);
        Frame frame = VideoPlan.frame(options, input);
        boolean audio = span == null && HlsChunks.carriesAudio(options, input);
        Double fps = options.number("fps");
        FfmpegCommand command = FfmpegCommand.reading(
                        workspace.source(),
                        span == null ? trim.seek() : Double.valueOf(span.start()),
                        span == null ? trim.length() : Double.valueOf(span.length()))
                .add("-filter_complex", filterGraph(options, input, frame, rungs));
        if (span != null) {
            HlsChunks.onInputTimeline(command);
        }
        String keyframes = cuts == null
                ? "expr:gte(t,n_forced*" + SEGMENT_SECONDS + ")"
                : cuts.isEmpty()
                        ? "0"
                        : cuts.stream()
                                .map(cut -> Numbers.text(Numbers.justBefore(cut)))
                                .collect(Collectors.joining(","));
        for (int i = 0; i < rungs.size(); i++) {
            Rung rung = rungs.get(i);
            command.add("-map", "[v" + i + "]");
            if (audio) {
                command.add("-map", "0:a:0");
            }
            List<String> encoder = new ArrayList<>(codec.encoderOptions(
                    options.integer("quality", VideoOptions.DEFAULT_QUALITY), workspace.threads()));
            if (fast && codec == VideoCodec.H264) {
                encoder.set(encoder.indexOf("veryfast"), "superfast");
            }
            command.add(encoder);
            if (codec == VideoCodec.H264) {
                command.add("-sc_threshold", "0", "-g", NO_OWN_KEYFRAMES);
            }
            int kilobits = rung.bitrate() / 1000;
            command.add("-force_key_frames", keyframes, "-maxrate", kilobits + "k", "-bufsize", 2 * kilobits + "k");
            if (fps == null) {
                command.add("-fps_mode", "passthrough");
            }
            command.add(audio ? audioEncoding() : List.of("-an"));
            command.withoutMetadata()
                    .threads(workspace.threads())
                    .add("-max_muxing_queue_size", VideoPlan.MUXING_QUEUE);
            if (span == null) {
                HlsMuxer.add(command, workspace, rung, codec == VideoCodec.H265, TIMESTAMP_HEADROOM);
            } else {
                HlsChunks.chunkOutput(command, workspace, rung);
            }
        }
        if (span != null) {
            return command.step(span.length());
        }
        double share = fast ? FAST_SHARE : 1 - (cuts == null ? FAST_SHARE : COPY_SHARE);
        return command.step(trim.outputSeconds(input)).withWeight(share);
    }

    static List<String> audioEncoding() {
        return VideoFormat.HLS.audioOptions();
    }

    private static String filterGraph(Settings options, InputFacts input, Frame frame, List<Rung> rungs) {
        List<String> common = new ArrayList<>();
        VideoPlan.fpsFilter(options.number("fps"), input).ifPresent(common::add);
        if (frame.crop() != null) {
            common.add(frame.crop().filter());
        }
        StringBuilder graph = new StringBuilder("[0:v]");
        if (rungs.size() == 1) {
            common.add(Frame.scale(rungs.get(0).size()));
            return graph.append(String.join(",", common)).append("[v0]").toString();
        }
        common.add("split=" + rungs.size());
        graph.append(String.join(",", common));
        for (int i = 0; i < rungs.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < rungs.size(); i++) {
            graph.append(";[s")
                    .append(i)
                    .append(']')
                    .append(Frame.scale(rungs.get(i).size()))
                    .append("[v")
                    .append(i)
                    .append(']');
        }
        return graph.toString();
    }
}

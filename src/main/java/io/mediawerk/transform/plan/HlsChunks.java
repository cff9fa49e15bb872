package io.mediawerk.transform.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Splits the encoded rungs of a long HLS ladder into chunks that any worker can encode. A chunk is a stretch of the
 * input between two of the ladder's segment cuts, encoded for every rung into a video-only MPEG-TS file that keeps
 * the input's timeline; a rung is then joined by putting its chunk files one after the other beside the audio,
 * encoded once for the whole input, and cutting the result into segments — all without re-encoding, so a join is
 * neither a gap nor a click, and the segments are those a single pass makes.
 */
public final class HlsChunks {

    /** Chunk and audio files carry the input's time plus this, so that no frame of a later chunk starts below 0. */
    private static final double TIMELINE_OFFSET = 10;

    /** The audio {@link #audio} makes, in its output folder. */
    public static final String AUDIO_FILE = "audio.ts";

    /**
     * One chunk: its place among the chunks, the input's seconds it covers, and the cuts inside it, where keyframes are
     * forced (on the input's timeline; the first frame is always one).
     */
    public record Span(int position, double start, double length, List<Double> keyframes) {}

    private HlsChunks() {}

    /**
     * Whether a ladder's encoded rungs are made in chunks: an H.264 ladder of an input longer than {@code
     * chunkSeconds}, read whole at its own frame rate (a trimmed or re-timed input is encoded in one pass).
     */
    public static boolean applies(TransformSpec spec, InputFacts input, double chunkSeconds) {
        Settings options = new Settings(spec.options());
        Trim trim = Trim.of(options);
        return input.duration() != null
                && input.duration() > chunkSeconds
                && trim.seek() == null
                && trim.length() == null
                && options.number("fps") == null
                && HlsPlan.codec(spec) == VideoCodec.H264;
    }

    /**
     * The times every rung's segments start at after 0: those of the copied rendition when there is one, else every
     * {@value HlsPlan#SEGMENT_SECONDS} seconds.
     */
    public static List<Double> cuts(List<Double> copied, double duration) {
        if (copied != null) {
            return copied;
        }
        List<Double> every = new ArrayList<>();
        for (double at = HlsPlan.SEGMENT_SECONDS; at < duration; at += HlsPlan.SEGMENT_SECONDS) {
            every.add(at);
        }
        return every;
    }

    /**
     * Cuts the input into chunks of about {@code chunkSeconds}, each starting at one of the {@code cuts} (so that a
     * join falls between two segments), as even as the cuts allow.
     */
    public static List<Span> split(List<Double> cuts, double duration, double chunkSeconds) {
        int count = (int) Math.ceil(duration / chunkSeconds);
        List<Double> starts = new ArrayList<>(List.of(0.0));
        for (int i = 1; i < count; i++) {
            double target = duration * i / count;
            double previous = starts.get(starts.size() - 1);
            cuts.stream()
                    .filter(cut -> cut > previous)
                    .min((a, b) -> Double.compare(Math.abs(a - target), Math.abs(b - target)))
                    .ifPresent(starts::add);
        }
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            double cut = starts.get(i);
            double start = i == 0 ? 0 : Numbers.justBefore(cut);
            boolean last = i + 1 == starts.size();
            double next = last ? duration : starts.get(i + 1);
            // the last chunk reads to the end of the input, however long the container says it is
            double length = last ? duration + 1 - start : Numbers.justBefore(next) - start;
            List<Double> inside =
                    cuts.stream().filter(at -> at > cut && at < next).toList();
            spans.add(new Span(i, start, Numbers.millis(length), inside));
        }
        return spans;
    }

    /** The file a chunk makes for a rung, in the chunk's output folder. */
    public static String chunkFile(HlsPlan.Rung rung) {
        return rung.folder() + ".ts";
    }

    /**
     * Reading on the input's own timeline (its first timestamp at 0, as a single pass has it): without, ffmpeg would
     * start a chunk's first frame at 0 wherever it lies.
     */
    static void onInputTimeline(FfmpegCommand command) {
        command.add("-copyts", "-start_at_zero");
    }

    /** A chunk's output for one rung. */
    static void chunkOutput(FfmpegCommand command, Workspace workspace, HlsPlan.Rung rung) {
        timelineOutput(command, workspace.output(chunkFile(rung)));
    }

    /** MPEG-TS on the input's timeline (plus the offset), no muxing delay: how chunks and the audio are written. */
    private static void timelineOutput(FfmpegCommand command, String file) {
        command.add(
                "-output_ts_offset",
                Numbers.text(TIMELINE_OFFSET),
                "-muxdelay",
                "0",
                "-muxpreload",
                "0",
                "-f",
                "mpegts",
                file);
    }

    /** Whether the ladder carries the input's audio (then {@link #audio} makes it). */
    public static boolean carriesAudio(TransformSpec spec, InputFacts input) {
        return carriesAudio(new Settings(spec.options()), input);
    }

    static boolean carriesAudio(Settings options, InputFacts input) {
        return options.bool("audio", true) && input.hasAudio();
    }

    /** Encodes the input's first audio stream once, for every rung, on the same timeline as the chunks. */
    public static Step audio(InputFacts input, String location, Path outputDir) {
        FfmpegCommand command = FfmpegCommand.reading(FfmpegInput.of(location, input.container()), null, null);
        onInputTimeline(command);
        command.add("-map", "0:a:0", "-vn").add(HlsPlan.audioEncoding()).withoutMetadata();
        timelineOutput(command, outputDir.resolve(AUDIO_FILE).toAbsolutePath().toString());
        return command.step(input.duration());
    }

    /**
     * Joins a rung: its chunk files in order and the audio (null when there is none), copied into the rung's segments
     * and playlist in {@code outputDir}, on the timeline a single pass gives.
     */
    public static Step join(HlsPlan.Rung rung, List<Path> chunkFiles, Path audio, Path outputDir, double seconds) {
        String chunks = chunkFiles.stream()
                .map(file -> file.toAbsolutePath().toString())
                .collect(Collectors.joining("|", "concat:", ""));
        FfmpegCommand command = new FfmpegCommand().add("-copyts", "-i", chunks);
        if (audio != null) {
            command.add("-i", audio.toAbsolutePath().toString());
        }
        command.add("-map", "0:v:0");
        if (audio != null) {
            command.add("-map", "1:a:0");
        }
        command.add("-c", "copy").withoutMetadata();
        HlsMuxer.add(
                command, new Workspace(null, outputDir, 1), rung, false, HlsPlan.TIMESTAMP_HEADROOM - TIMELINE_OFFSET);
        return command.step(seconds);
    }
}

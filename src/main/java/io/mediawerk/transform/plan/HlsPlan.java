package io.mediawerk.transform.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans an HLS ladder in one ffmpeg run: the picture is split and scaled once per rendition, each rendition with its
 * own audio, keyframes every four seconds in all of them so that segments line up. H.264 goes to MPEG-TS segments,
 * H.265 to fragmented MP4 with an init file per rendition. Every playlist URI is relative.
 */
final class HlsPlan {

    static final String MASTER = "master.m3u8";
    static final int SEGMENT_SECONDS = 4;

    private HlsPlan() {}

    static Plan plan(Settings options, InputFacts input, Workspace workspace) {
        VideoCodec codec = VideoCodec.of(options.text("codec", VideoCodec.H264.id()));
        Frame frame = VideoPlan.frame(options, input);
        List<HlsLadder.Rendition> renditions = HlsLadder.renditions(frame.size());
        Trim trim = Trim.of(options);
        boolean audio = options.bool("audio", true) && input.hasAudio();
        boolean fmp4 = codec == VideoCodec.H265;

        FfmpegCommand command = FfmpegCommand.reading(workspace.source(), trim.seek(), trim.length())
                .add("-filter_complex", filterGraph(options, input, frame, renditions));
        for (int i = 0; i < renditions.size(); i++) {
            command.add("-map", "[v" + i + "]");
            if (audio) {
                command.add("-map", "0:a:0");
            }
        }
        command.add(
                codec.encoderOptions(options.integer("quality", VideoOptions.DEFAULT_QUALITY), workspace.threads()));
        command.add("-force_key_frames", "expr:gte(t,n_forced*" + SEGMENT_SECONDS + ")");
        for (int i = 0; i < renditions.size(); i++) {
            int kilobits = renditions.get(i).bitrate() / 1000;
            command.add("-maxrate:v:" + i, kilobits + "k", "-bufsize:v:" + i, 2 * kilobits + "k");
        }
        command.add(audio ? VideoFormat.HLS.audioOptions() : List.of("-an"));
        command.withoutMetadata().threads(workspace.threads()).add("-max_muxing_queue_size", VideoPlan.MUXING_QUEUE);
        command.add(
                "-f",
                "hls",
                "-hls_time",
                Integer.toString(SEGMENT_SECONDS),
                "-hls_playlist_type",
                "vod",
                "-hls_flags",
                "independent_segments",
                "-master_pl_name",
                MASTER);
        if (fmp4) {
            command.add("-hls_segment_type", "fmp4", "-hls_fmp4_init_filename", "init.mp4");
        }
        command.add(
                "-hls_segment_filename",
                workspace.output("v%v/seg_%03d." + (fmp4 ? "m4s" : "ts")),
                "-var_stream_map",
                streamMap(renditions.size(), audio),
                workspace.output("v%v/index.m3u8"));

        Output output = new Output(
                MASTER,
                "v0/index.m3u8",
                "video",
                "hls",
                VideoFormat.HLS.mimeType(),
                "m3u8",
                true,
                Map.of(),
                Map.of("renditions", describe(renditions)));
        return new Plan(List.of(command.step(trim.outputSeconds(input))), output);
    }

    private static String filterGraph(
            Settings options, InputFacts input, Frame frame, List<HlsLadder.Rendition> renditions) {
        List<String> common = new ArrayList<>();
        VideoPlan.fpsFilter(options.number("fps"), input).ifPresent(common::add);
        if (frame.crop() != null) {
            common.add(frame.crop().filter());
        }
        StringBuilder graph = new StringBuilder("[0:v]");
        if (renditions.size() == 1) {
            common.add(Frame.scale(renditions.get(0).size()));
            return graph.append(String.join(",", common)).append("[v0]").toString();
        }
        common.add("split=" + renditions.size());
        graph.append(String.join(",", common));
        for (int i = 0; i < renditions.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < renditions.size(); i++) {
            graph.append(";[s")
                    .append(i)
                    .append(']')
                    .append(Frame.scale(renditions.get(i).size()))
                    .append("[v")
                    .append(i)
                    .append(']');
        }
        return graph.toString();
    }

    /** "v:0,a:0 v:1,a:1": rendition i is video stream i with audio stream i. */
    private static String streamMap(int renditions, boolean audio) {
        List<String> variants = new ArrayList<>();
        for (int i = 0; i < renditions; i++) {
            variants.add(audio ? "v:" + i + ",a:" + i : "v:" + i);
        }
        return String.join(" ", variants);
    }

    private static List<Map<String, Object>> describe(List<HlsLadder.Rendition> renditions) {
        List<Map<String, Object>> described = new ArrayList<>();
        for (int i = 0; i < renditions.size(); i++) {
            HlsLadder.Rendition rendition = renditions.get(i);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("width", rendition.size().width());
            entry.put("height", rendition.size().height());
            entry.put("bitrate", rendition.bitrate());
            entry.put("playlist", "v" + i + "/index.m3u8");
            described.add(entry);
        }
        return described;
    }
}

package io.mediawerk.transform.plan;

import java.util.List;

/** The video containers a transform writes, the codecs each holds and how its audio is encoded. */
enum VideoFormat {
    MP4("mp4", "video/mp4", List.of(VideoCodec.H264, VideoCodec.H265, VideoCodec.AV1)),
    // ffmpeg 5.1 writes AV1 only to MP4, not to QuickTime
    MOV("mov", "video/quicktime", List.of(VideoCodec.H264, VideoCodec.H265)),
    WEBM("webm", "video/webm", List.of(VideoCodec.VP9, VideoCodec.AV1)),
    HLS("hls", "application/vnd.apple.mpegurl", List.of(VideoCodec.H264, VideoCodec.H265));

    static final List<String> IDS = List.of("mp4", "webm", "mov", "hls");

    private final String id;
    private final String mimeType;
    private final List<VideoCodec> codecs;

    VideoFormat(String id, String mimeType, List<VideoCodec> codecs) {
        this.id = id;
        this.mimeType = mimeType;
        this.codecs = codecs;
    }

    static VideoFormat of(String id) {
        for (VideoFormat format : values()) {
            if (format.id.equals(id)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Unknown video format " + id);
    }

    String id() {
        return id;
    }

    String mimeType() {
        return mimeType;
    }

    List<VideoCodec> codecs() {
        return codecs;
    }

    /** The first codec listed: h264, or vp9 for WebM. */
    VideoCodec defaultCodec() {
        return codecs.get(0);
    }

    List<String> codecIds() {
        return codecs.stream().map(VideoCodec::id).toList();
    }

    /** The audio encoder options: Opus in WebM, AAC elsewhere; at most two channels. */
    List<String> audioOptions() {
        if (this == WEBM) {
            return List.of("-c:a", "libopus", "-b:a", "96k", "-af", AudioFormat.AT_MOST_STEREO);
        }
        return List.of("-c:a", "aac", "-b:a", "128k", "-af", AudioFormat.AT_MOST_STEREO);
    }
}

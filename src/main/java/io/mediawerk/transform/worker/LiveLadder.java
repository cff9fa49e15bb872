package io.mediawerk.transform.worker;

import com.fasterxml.jackson.databind.JsonNode;
import io.mediawerk.source.Source;
import io.mediawerk.source.SourceFiles;
import io.mediawerk.source.SourceFormat;
import io.mediawerk.storage.S3Upload;
import io.mediawerk.task.Task;
import io.mediawerk.task.TaskOutputs;
import io.mediawerk.task.worker.OutputFiles;
import io.mediawerk.task.worker.WorkFolders;
import io.mediawerk.transform.plan.CopyGate;
import io.mediawerk.transform.plan.HlsPlan;
import io.mediawerk.transform.plan.MasterPlaylist;
import io.mediawerk.transform.plan.MediaPlaylist;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HLS ladder as its rungs arrive: each finished rung is measured and stored, then the master playlist is written
 * again naming every stored rung and stored over the old one (one S3 PUT: a reader gets the old or the new master,
 * never part of one). The playlists and segments of a rung never change once stored.
 */
final class LiveLadder {

    private static final SourceFormat HLS = new SourceFormat("video", "application/vnd.apple.mpegurl", "hls", "m3u8");

    private final Task task;
    private final Path out;
    private final OutputFiles outputs;
    private final List<HlsPlan.Rung> rungs = new ArrayList<>();
    private final Map<String, Measured> stored = new LinkedHashMap<>();
    private final Map<String, Long> files = new LinkedHashMap<>();
    private CopyGate.Decision gate;
    private String masterEtag;

    /** A stored rung: its variant in the master, its codecs and its length. */
    private record Measured(MasterPlaylist.Variant variant, String videoCodec, String audioCodec, double seconds) {}

    LiveLadder(Task task, Path out, OutputFiles outputs) {
        this.task = task;
        this.out = out;
        this.outputs = outputs;
    }

    /** The rungs to come, the first one first. */
    void planned(CopyGate.Decision decision, HlsPlan.Rung first, List<HlsPlan.Rung> left) {
        gate = decision;
        rungs.clear();
        rungs.add(first);
        rungs.addAll(left);
    }

    MediaPlaylist playlistOf(HlsPlan.Rung rung) throws IOException {
        return MediaPlaylist.parse(Files.readString(out.resolve(rung.playlist()), StandardCharsets.UTF_8));
    }

    /**
     * Stores a finished rung, then the master that names it.
     *
     * @param streams what ffprobe says of the rung's streams when that is known already (a copy's are the input's);
     *     null to probe the rung
     */
    void add(HlsPlan.Rung rung, JsonNode streams) throws IOException {
        Path folder = out.resolve(rung.folder());
        MediaPlaylist playlist = playlistOf(rung);
        // through the rung's playlist: a fragmented MP4 segment cannot be read without its init file
        JsonNode known = streams != null
                ? streams
                : OutputProbe.read(folder.resolve("index.m3u8")).path("streams");
        Measured measured = measure(rung, folder, playlist, known);
        for (Map.Entry<String, S3Upload.Stored> file :
                outputs.storeGrowing(task, out, WorkFolders.filesOf(folder)).entrySet()) {
            files.put(file.getKey(), file.getValue().size());
        }
        stored.put(rung.folder(), measured);
        Path master = out.resolve(HlsPlan.MASTER);
        List<MasterPlaylist.Variant> variants =
                stored.values().stream().map(Measured::variant).toList();
        Files.writeString(master, MasterPlaylist.write(variants), StandardCharsets.UTF_8);
        S3Upload.Stored written =
                outputs.storeGrowing(task, out, List.of(master)).get(HlsPlan.MASTER);
        files.put(HlsPlan.MASTER, written.size());
        masterEtag = written.etag();
    }

    boolean complete() {
        return stored.size() == rungs.size();
    }

    /** The source as it stands: {@code processing} while rungs are missing, {@code ready} once all are stored. */
    Source source() {
        String prefix = TaskOutputs.growingPrefix(task);
        long size = files.values().stream().mapToLong(Long::longValue).sum();
        Source source = OutputFiles.sourceOf(
                task,
                task.outputSourceId,
                task.label,
                HLS,
                new SourceFiles(
                        prefix.substring(0, prefix.length() - 1),
                        new HashMap<>(files),
                        HlsPlan.MASTER,
                        size,
                        masterEtag));
        Measured measured = stored.values().stream()
                .max((a, b) -> Long.compare(a.variant().bandwidth(), b.variant().bandwidth()))
                .orElseThrow();
        MasterPlaylist.Variant top = measured.variant();
        source.videoCodec = measured.videoCodec();
        source.audioCodec = measured.audioCodec();
        source.width = top.width();
        source.height = top.height();
        source.duration = Math.round(measured.seconds() * 1000) / 1000.0;
        source.fps = top.fps();
        source.bitrate = top.averageBandwidth();
        source.status = complete() ? Source.READY : Source.PROCESSING;
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("renditions", renditions());
        metadata.put("fast_start", gate.copy() ? "copy" : "encode");
        if (gate.reason() != null) {
            metadata.put("fast_start_reason", gate.reason());
        }
        source.metadata = metadata;
        return source;
    }

    private List<Map<String, Object>> renditions() {
        List<Map<String, Object>> described = new ArrayList<>();
        for (HlsPlan.Rung rung : rungs) {
            Measured measured = stored.get(rung.folder());
            MasterPlaylist.Variant variant = measured == null ? null : measured.variant();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("width", variant == null ? rung.width() : variant.width());
            entry.put("height", variant == null ? rung.height() : variant.height());
            entry.put("bitrate", variant == null ? rung.bitrate() : variant.bandwidth());
            entry.put("playlist", rung.playlist());
            entry.put("copy", rung.copy());
            entry.put("status", variant == null ? Source.PROCESSING : Source.READY);
            described.add(entry);
        }
        return described;
    }

    private static Measured measure(HlsPlan.Rung rung, Path folder, MediaPlaylist playlist, JsonNode streams)
            throws IOException {
        long peak = 0;
        long bytes = 0;
        for (MediaPlaylist.Segment segment : playlist.segments()) {
            long size = Files.size(folder.resolve(segment.uri()));
            bytes += size;
            if (segment.seconds() > 0) {
                peak = Math.max(peak, Math.round(size * 8 / segment.seconds()));
            }
        }
        long average = playlist.seconds() > 0 ? Math.round(bytes * 8 / playlist.seconds()) : peak;
        int width = rung.width();
        int height = rung.height();
        Double fps = null;
        String videoCodec = null;
        String audioCodec = null;
        for (JsonNode stream : streams) {
            if ("audio".equals(stream.path("codec_type").asText()) && audioCodec == null) {
                audioCodec = stream.path("codec_name").asText();
            }
            if ("video".equals(stream.path("codec_type").asText()) && videoCodec == null) {
                videoCodec = stream.path("codec_name").asText();
                width = stream.path("width").asInt(width);
                height = stream.path("height").asInt(height);
                fps = OutputProbe.frameRate(stream.path("avg_frame_rate").asText(null));
                if (fps == null) {
                    fps = OutputProbe.frameRate(stream.path("r_frame_rate").asText(null));
                }
            }
        }
        MasterPlaylist.Variant variant = new MasterPlaylist.Variant(
                rung.playlist(),
                Math.max(peak, 1),
                Math.max(average, 1),
                width,
                height,
                fps,
                MasterPlaylist.codecs(streams));
        return new Measured(variant, videoCodec, audioCodec, playlist.seconds());
    }
}

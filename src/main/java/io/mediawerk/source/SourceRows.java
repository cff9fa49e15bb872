package io.mediawerk.source;

import io.mediawerk.database.RowReader;

/** A {@link Source} read from the pooled client's row: every column, in the order of {@link #columns}. */
public final class SourceRows {

    private SourceRows() {}

    public static final int COUNT = 25;

    public static String columns(String alias) {
        return RowReader.select(
                alias,
                "id",
                "media_id",
                "project_id",
                "kind",
                "label",
                "mime_type",
                "container",
                "extension",
                "video_codec",
                "audio_codec",
                "width",
                "height",
                "duration",
                "fps",
                "bitrate",
                "filesize",
                "storage_key",
                "files::text",
                "main_file",
                "etag",
                "status",
                "task_id",
                "metadata::text",
                "created",
                "updated");
    }

    public static Source read(RowReader row) {
        Source source = new Source();
        source.id = row.string();
        source.mediaId = row.string();
        source.projectId = row.string();
        source.kind = row.string();
        source.label = row.string();
        source.mimeType = row.string();
        source.container = row.string();
        source.extension = row.string();
        source.videoCodec = row.string();
        source.audioCodec = row.string();
        source.width = row.integer();
        source.height = row.integer();
        source.duration = row.decimal();
        source.fps = row.decimal();
        source.bitrate = row.number();
        source.filesize = row.number();
        source.storageKey = row.string();
        source.files = row.sizes();
        source.mainFile = row.string();
        source.etag = row.string();
        source.status = row.string();
        source.taskId = row.string();
        source.metadata = row.object();
        source.created = row.instant();
        source.updated = row.instant();
        return source;
    }
}

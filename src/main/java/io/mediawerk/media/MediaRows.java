package io.mediawerk.media;

import io.mediawerk.database.RowReader;

/** A {@link Media} read from the pooled client's row: every column, in the order of {@link #columns}. */
final class MediaRows {

    private MediaRows() {}

    static final int COUNT = 22;

    static String columns(String alias) {
        return RowReader.select(
                alias,
                "id",
                "project_id",
                "kind",
                "status",
                "title",
                "alt",
                "width",
                "height",
                "duration",
                "filesize",
                "metadata::text",
                "intelligence::text",
                "workflow_id",
                "private_delivery",
                "error_code",
                "error",
                "ingest_url",
                "attempts",
                "expires",
                "created",
                "updated",
                "deleted");
    }

    static Media read(RowReader row) {
        Media media = new Media();
        media.id = row.string();
        media.projectId = row.string();
        media.kind = row.string();
        media.status = row.string();
        media.title = row.string();
        media.alt = row.string();
        media.width = row.integer();
        media.height = row.integer();
        media.duration = row.decimal();
        media.filesize = row.number();
        media.metadata = row.object();
        media.intelligence = row.object();
        media.workflowId = row.string();
        media.privateDelivery = row.bool();
        media.errorCode = row.string();
        media.error = row.string();
        media.ingestUrl = row.string();
        media.attempts = row.integer();
        media.expires = row.instant();
        media.created = row.instant();
        media.updated = row.instant();
        media.deleted = row.instant();
        return media;
    }
}

package io.mediawerk.testing;

import io.mediawerk.storage.BufferBudget;
import io.mediawerk.storage.S3Upload;
import io.mediawerk.storage.Storage;
import io.quarkus.arc.Arc;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;

/** Writes an object straight to the test bucket, as the app's own upload path does (for files a test fakes). */
public final class StoredObjects {

    private StoredObjects() {}

    public static S3Upload.Stored put(String key, String contentType, byte[] bytes) {
        Storage storage = Arc.container().instance(Storage.class).get();
        BufferBudget memory = Arc.container().instance(BufferBudget.class).get();
        return memory.reserve(bytes.length)
                .chain(lease -> {
                    S3Upload writer = storage.startUpload(key, contentType, lease);
                    return writer.write(Buffer.buffer(bytes)).chain(writer::finish);
                })
                .await()
                .atMost(Duration.ofSeconds(30));
    }
}

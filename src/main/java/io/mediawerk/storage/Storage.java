package io.mediawerk.storage;

import io.mediawerk.config.MediawerkConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3 bucket that holds every stored file. */
@ApplicationScoped
public class Storage {

    private final S3AsyncClient s3;
    private final String bucket;
    private final boolean createBucket;

    public Storage(S3AsyncClient s3, MediawerkConfig config) {
        this.s3 = s3;
        this.bucket = config.storage().bucket();
        this.createBucket = config.storage().createBucket();
    }

    public String bucket() {
        return bucket;
    }

    /** Whether the bucket answers; used by readiness. */
    public Uni<Void> ping(Duration timeout) {
        return Uni.createFrom().completionStage(() -> s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build()))
                .ifNoItem().after(timeout).fail()
                .replaceWithVoid();
    }

    /** Creates the bucket when it is missing and creation is allowed; otherwise fails with what to do. */
    public void ensureBucket(Duration timeout) {
        try {
            ping(timeout).await().atMost(timeout.plusSeconds(1));
        } catch (RuntimeException e) {
            if (!isMissingBucket(e)) {
                throw new IllegalStateException("S3 bucket '" + bucket + "' cannot be reached: " + e.getMessage(), e);
            }
            if (!createBucket) {
                throw new IllegalStateException("S3 bucket '" + bucket + "' does not exist. Create it, or set "
                        + "MEDIAWERK_STORAGE_CREATE_BUCKET=true to let Mediawerk create it.", e);
            }
            s3.createBucket(CreateBucketRequest.builder().bucket(bucket).build()).join();
            Log.infof("Created S3 bucket %s", bucket);
        }
    }

    private static boolean isMissingBucket(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoSuchBucketException || t instanceof S3Exception s3e && s3e.statusCode() == 404) {
                return true;
            }
        }
        return false;
    }
}

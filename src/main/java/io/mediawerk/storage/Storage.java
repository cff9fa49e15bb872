package io.mediawerk.storage;

import io.mediawerk.config.StorageSettings;
import io.mediawerk.reactive.InTurn;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.AbortMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/** The S3 bucket that holds every stored file. */
@ApplicationScoped
public class Storage {

    private final S3AsyncClient s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final boolean createBucket;
    private final int partSize;
    private final int partsInFlight;

    public Storage(S3AsyncClient s3, S3Presigner presigner, StorageSettings storageSettings) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = storageSettings.bucket();
        this.createBucket = storageSettings.createBucket();
        int partSizeMib = storageSettings.partSizeMib();
        if (partSizeMib < 5 || partSizeMib > 512) {
            throw new IllegalStateException("MEDIAWERK_STORAGE_PART_SIZE_MIB must be from 5 to 512 (S3 parts are at "
                    + "least 5 MiB); it is " + partSizeMib + ".");
        }
        this.partSize = partSizeMib * 1024 * 1024;
        this.partsInFlight = storageSettings.partsInFlight();
    }

    public String bucket() {
        return bucket;
    }

    /** Starts writing a new object from a stream, in parts held in the lease's memory (see {@link S3Upload}). */
    public S3Upload startUpload(String key, String contentType, BufferBudget.Lease lease) {
        return new S3Upload(s3, bucket, key, contentType, partSize, partsInFlight, lease, null);
    }

    /** Continues an object written one chunk per request. */
    public S3Upload resumeUpload(String key, String contentType, BufferBudget.Lease lease, S3Upload.State state) {
        return new S3Upload(s3, bucket, key, contentType, partSize, partsInFlight, lease, state);
    }

    /** Starts writing a new object from a local file, part by part from disk ({@link S3Upload#offerFile}). */
    public S3Upload startFileUpload(String key, String contentType) {
        return new S3Upload(s3, bucket, key, contentType, partSize, partsInFlight, null, null);
    }

    /** Stores a local file of at most one part with one PUT, read from disk as it is sent. */
    public Uni<S3Upload.Stored> putFile(String key, String contentType, Path file, long size) {
        PutObjectRequest request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType(contentType)
                .contentLength(size)
                .build();
        return OnCallerContext.uni(() -> s3.putObject(request, AsyncRequestBody.fromFile(file))
                .thenApply(response -> new S3Upload.Stored(key, size, response.eTag())));
    }

    public int partSize() {
        return partSize;
    }

    /** A short-lived GET URL for a child process (ffprobe, ffmpeg) or a delivery redirect. */
    public String presignGet(String key, Duration validity) {
        GetObjectPresignRequest request = GetObjectPresignRequest.builder()
                .signatureDuration(validity)
                .getObjectRequest(
                        GetObjectRequest.builder().bucket(bucket).key(key).build())
                .build();
        return presigner.presignGetObject(request).url().toString();
    }

    /** The first bytes of an object (for sniffing its format). */
    public Uni<byte[]> readHead(String key, int length) {
        GetObjectRequest request = GetObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .range("bytes=0-" + (length - 1))
                .build();
        return OnCallerContext.uni(() -> s3.getObject(request, AsyncResponseTransformer.toBytes()))
                .map(bytes -> bytes.asByteArray());
    }

    public Uni<HeadObjectResponse> head(String key) {
        return OnCallerContext.uni(() -> s3.headObject(
                HeadObjectRequest.builder().bucket(bucket).key(key).build()));
    }

    /** Whether an object exists (tests and checks; a missing object is not an error). */
    public Uni<Boolean> exists(String key) {
        return head(key).map(response -> true).onFailure(e -> isMissing(e)).recoverWithItem(false);
    }

    public Uni<Void> delete(String key) {
        return OnCallerContext.uni(() -> s3.deleteObject(
                        DeleteObjectRequest.builder().bucket(bucket).key(key).build()))
                .replaceWithVoid();
    }

    /** Deletes every object whose key starts with the prefix. */
    public Uni<Void> deletePrefix(String prefix) {
        ListObjectsV2Request request =
                ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
        return OnCallerContext.uni(() -> s3.listObjectsV2(request))
                .chain(listing -> InTurn.each(listing.contents(), object -> delete(object.key()))
                        .chain(() -> Boolean.TRUE.equals(listing.isTruncated())
                                ? deletePrefix(prefix)
                                : Uni.createFrom().voidItem()));
    }

    public Uni<Void> abortMultipart(String key, String multipartId) {
        return OnCallerContext.uni(() -> s3.abortMultipartUpload(AbortMultipartUploadRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .uploadId(multipartId)
                        .build()))
                .replaceWithVoid()
                .onFailure(e -> isMissing(e))
                .recoverWithNull();
    }

    /** A 404 from S3 (no such key, bucket or upload), wherever it sits in the cause chain. */
    public static boolean isMissing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoSuchKeyException
                    || t instanceof NoSuchUploadException
                    || t instanceof S3Exception s3e && s3e.statusCode() == 404) {
                return true;
            }
        }
        return false;
    }

    /** Whether the bucket answers; used by readiness. */
    public Uni<Void> ping(Duration timeout) {
        return OnCallerContext.uni(() ->
                        s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build()))
                .ifNoItem()
                .after(timeout)
                .fail()
                .replaceWithVoid();
    }

    /** Creates the bucket when it is missing and creation is allowed; otherwise fails with what to do. */
    public void ensureBucket(Duration timeout) {
        try {
            ping(timeout).await().atMost(timeout.plusSeconds(1));
        } catch (RuntimeException e) {
            if (!isMissing(e)) {
                throw new IllegalStateException("S3 bucket '" + bucket + "' cannot be reached: " + e.getMessage(), e);
            }
            if (!createBucket) {
                throw new IllegalStateException(
                        "S3 bucket '" + bucket + "' does not exist. Create it, or set "
                                + "MEDIAWERK_STORAGE_CREATE_BUCKET=true to let Mediawerk create it.",
                        e);
            }
            try {
                s3.createBucket(CreateBucketRequest.builder().bucket(bucket).build())
                        .join();
                Log.infof("Created S3 bucket %s", bucket);
            } catch (CompletionException created) {
                // instances starting together race to create it; the one that loses finds it made
                if (!(created.getCause() instanceof BucketAlreadyOwnedByYouException)) {
                    throw created;
                }
            }
        }
    }
}

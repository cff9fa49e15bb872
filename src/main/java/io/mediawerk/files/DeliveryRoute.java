package io.mediawerk.files;

import io.mediawerk.api.ApiErrors;
import io.mediawerk.api.ApiException;
import io.mediawerk.api.CallContext;
import io.mediawerk.api.Ids;
import io.mediawerk.api.RawResponses;
import io.mediawerk.api.Times;
import io.mediawerk.config.FileDeliverySettings;
import io.mediawerk.domain.ActiveDomains;
import io.mediawerk.domain.CustomHosts;
import io.mediawerk.storage.S3Downloads;
import io.mediawerk.storage.Storage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Serves source files at {@code /files/<source id>.<ext>} (and {@code /files/<source id>/<file>} of sources made of
 * several files): Range requests (206), ETag and If-None-Match (304), Last-Modified, long-lived caching, HEAD; small
 * files that cannot change from memory ({@link SmallFiles}), others streamed from S3 with back-pressure, or
 * redirected to a short-lived presigned S3 URL. A file of a deleted media or project is a 404 at once, so is another
 * project's file asked for through a project's custom domain. Private media need a signed URL ({@link SignedUrls}).
 * Every delivery is counted.
 */
@ApplicationScoped
public class DeliveryRoute {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final DeliverableFiles files;
    private final Storage storage;
    private static final String PUBLIC_CACHING = "public, max-age=31536000, immutable";
    /** A master playlist that gains rungs: players that start now should see the next ones soon. */
    private static final String GROWING_CACHING = "public, max-age=2";

    private final S3Downloads downloads;
    private final SmallFiles smallFiles;
    private final DeliveryCounter counter;
    private final SignedUrls signedUrls;
    private final ActiveDomains domains;
    private final RawResponses raw;
    private final boolean redirect;
    private final java.time.Duration redirectValidity;

    public DeliveryRoute(
            DeliverableFiles files,
            Storage storage,
            S3Downloads downloads,
            SmallFiles smallFiles,
            DeliveryCounter counter,
            RawResponses raw,
            SignedUrls signedUrls,
            ActiveDomains domains,
            FileDeliverySettings fileDelivery) {
        this.signedUrls = signedUrls;
        this.domains = domains;
        this.files = files;
        this.storage = storage;
        this.downloads = downloads;
        this.smallFiles = smallFiles;
        this.counter = counter;
        this.raw = raw;
        this.redirect = "redirect".equalsIgnoreCase(fileDelivery.mode());
        this.redirectValidity = fileDelivery.redirectValidity();
    }

    void register(@Observes Router router) {
        router.route(SignedUrls.PREFIX + ":expires/:signature/:name")
                .order(-101)
                .handler(ctx -> raw.onSafeContext(ctx, () -> handle(ctx, null, signatureOf(ctx))));
        router.route(SignedUrls.PREFIX + ":expires/:signature/:name/*")
                .order(-101)
                .handler(ctx -> raw.onSafeContext(
                        ctx, () -> handle(ctx, fileOfSource(ctx, SignedUrls.PREFIX, 3), signatureOf(ctx))));
        router.route(DeliveryUrls.PREFIX + ":name")
                .order(-100)
                .handler(ctx -> raw.onSafeContext(ctx, () -> handle(ctx, null, null)));
        router.route(DeliveryUrls.PREFIX + ":name/*")
                .order(-100)
                .handler(ctx ->
                        raw.onSafeContext(ctx, () -> handle(ctx, fileOfSource(ctx, DeliveryUrls.PREFIX, 1), null)));
    }

    /** The signature a signed URL's path carries. */
    private record Signature(String expires, String value) {}

    private static Signature signatureOf(RoutingContext ctx) {
        return new Signature(ctx.pathParam("expires"), ctx.pathParam("signature"));
    }

    /**
     * The file's path inside its source: what follows the route's prefix and its first {@code segments} segments
     * (the source id, after the expiry and signature of a signed URL), from the normalised path.
     */
    private static String fileOfSource(RoutingContext ctx, String prefix, int segments) {
        String path = ctx.normalizedPath();
        int start = prefix.length() - 1;
        for (int i = 0; i < segments && start >= 0; i++) {
            start = path.indexOf('/', start + 1);
        }
        return start < 0 ? "" : path.substring(start + 1);
    }

    private void handle(RoutingContext ctx, String fileOfSource, Signature signature) {
        CallContext call = raw.callOf(ctx, null);
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            raw.fail(ctx, call, new ApiException(405, "method_not_allowed", "Files are read with GET or HEAD.", null));
            return;
        }
        String name = ctx.pathParam("name");
        int dot = name.indexOf('.');
        String sourceId = dot < 0 ? name : name.substring(0, dot);
        if (!Ids.looksLike(sourceId, "src")) {
            raw.fail(ctx, call, ApiErrors.noSuchFile());
            return;
        }
        files.deliverable(sourceId)
                .subscribe()
                .with(
                        found -> {
                            DeliveredFile file = found == null ? null : DeliveredFile.of(found, fileOfSource);
                            String hostProject = domains.projectOf(CustomHosts.hostOf(ctx));
                            ApiException refused =
                                    file == null || hostProject != null && !hostProject.equals(found.projectId())
                                            ? ApiErrors.noSuchFile()
                                            : refusal(found, signature);
                            if (refused != null) {
                                raw.fail(ctx, call, refused);
                            } else if (redirect) {
                                counter.record(found.id(), found.mediaId(), found.projectId(), 0);
                                ctx.response()
                                        .setStatusCode(302)
                                        .putHeader("Cache-Control", "private, no-store")
                                        .putHeader("Location", storage.presignGet(file.key(), redirectValidity))
                                        .end();
                            } else {
                                serve(
                                        ctx,
                                        call,
                                        file,
                                        file.mayChange()
                                                ? GROWING_CACHING
                                                : signature == null
                                                        ? PUBLIC_CACHING
                                                        : "private, max-age="
                                                                + Math.max(
                                                                        0,
                                                                        Long.parseLong(signature.expires())
                                                                                - Times.now()
                                                                                        .getEpochSecond()));
                            }
                        },
                        e -> raw.fail(ctx, call, e));
    }

    /** Why this request may not have the file: a private media without a valid signature; null when it may. */
    private ApiException refusal(DeliverableFiles.Deliverable found, Signature signature) {
        if (signature == null) {
            return found.isPrivate()
                    ? new ApiException(
                            403,
                            "signature_required",
                            "This media is delivered " + "privately: use a signed URL (POST /sources/{id}/signed-url).",
                            null)
                    : null;
        }
        return switch (signedUrls.check(found.id(), signature.expires(), signature.value(), Times.now())) {
            case VALID -> null;
            case EXPIRED ->
                new ApiException(
                        403, "signature_expired", "This signed URL has expired; ask for a new " + "one.", null);
            case WRONG ->
                new ApiException(
                        403, "invalid_signature", "This URL's signature is not valid for this " + "file.", null);
        };
    }

    private void serve(RoutingContext ctx, CallContext call, DeliveredFile file, String caching) {
        HttpServerResponse response = ctx.response();
        DeliverableFiles.Deliverable source = file.source();
        long size = file.size();
        String etag = "\"" + file.etag() + "\"";
        response.putHeader("ETag", etag)
                .putHeader("Last-Modified", HTTP_DATE.format(source.created()))
                .putHeader("Cache-Control", caching)
                .putHeader("Accept-Ranges", "bytes")
                .putHeader("Content-Type", file.mimeType())
                .putHeader("X-Content-Type-Options", "nosniff");
        if (etag.equals(ctx.request().getHeader("If-None-Match"))) {
            counter.record(source.id(), source.mediaId(), source.projectId(), 0);
            response.setStatusCode(304).end();
            return;
        }
        ByteRange range;
        try {
            range = ByteRange.parse(ctx.request().getHeader("Range"), size);
        } catch (ByteRange.Unsatisfiable e) {
            response.setStatusCode(416)
                    .putHeader("Content-Range", "bytes */" + size)
                    .end();
            return;
        }
        long length = range == null ? size : range.length();
        response.setStatusCode(range == null ? 200 : 206).putHeader("Content-Length", String.valueOf(length));
        if (range != null) {
            response.putHeader("Content-Range", range.contentRange(size));
        }
        if (ctx.request().method() == HttpMethod.HEAD || length == 0) {
            counter.record(source.id(), source.mediaId(), source.projectId(), 0);
            response.end();
            return;
        }
        if (smallFiles.keeps(file)) {
            smallFiles.read(file, ctx.vertx().getOrCreateContext()).onComplete(read -> {
                if (read.failed()) {
                    response.headers().clear();
                    raw.fail(ctx, call, read.cause());
                } else if (!response.closed()) {
                    Buffer bytes = read.result();
                    counter.record(source.id(), source.mediaId(), source.projectId(), length);
                    response.end(range == null ? bytes : bytes.slice((int) range.first(), (int) range.last() + 1));
                }
            });
            return;
        }
        downloads.send(
                file.key(),
                range == null ? null : range.s3Range(),
                response,
                sent -> counter.record(source.id(), source.mediaId(), source.projectId(), sent),
                refused -> {
                    response.headers().clear();
                    raw.fail(ctx, call, refused);
                });
    }
}

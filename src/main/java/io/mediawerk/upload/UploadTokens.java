package io.mediawerk.upload;

import io.mediawerk.api.ApiException;
import io.mediawerk.config.SigningSettings;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * The credential inside an upload URL: a short-lived JWT (HS256) naming one upload of one project. It carries no
 * API key, so a browser may hold it; its single use is enforced in PostgreSQL, not by the token.
 */
@ApplicationScoped
public class UploadTokens {

    static final String PURPOSE = "upload";
    private static final int MIN_SECRET_LENGTH = 32;

    /** What a valid token says. */
    public record Claims(String uploadId, String projectId) {}

    private final JWTParser parser;
    private final SecretKey key;
    private final String secret;

    public UploadTokens(JWTParser parser, SigningSettings signing) {
        this.parser = parser;
        this.secret = signing.secret();
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(
                    "MEDIAWERK_SIGNING_SECRET must be at least " + MIN_SECRET_LENGTH + " characters long.");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String issue(String uploadId, String projectId, Instant expires) {
        return Jwt.claims()
                .subject(uploadId)
                .claim("prj", projectId)
                .claim("use", PURPOSE)
                .expiresAt(expires)
                .jws()
                .algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.HS256)
                .sign(key);
    }

    /** The upload a token stands for; 403 when it was tampered with, 410 when it has expired. */
    public Claims verify(String uploadId, String token) {
        if (token == null || token.isBlank()) {
            throw ApiException.forbidden(
                    "invalid_upload_token",
                    "This upload URL has no token. Use the whole url that POST /uploads returned.");
        }
        JsonWebToken jwt;
        try {
            jwt = parser.verify(token, key);
        } catch (ParseException e) {
            if (hasExpired(e)) {
                throw new ApiException(
                        410,
                        "upload_url_expired",
                        "This upload URL has expired. Ask for a new one " + "with POST /uploads.",
                        null);
            }
            throw ApiException.forbidden(
                    "invalid_upload_token",
                    "This upload URL is not valid: its token was altered. Use the url exactly as POST /uploads "
                            + "returned it.");
        }
        String projectId = jwt.getClaim("prj");
        if (!uploadId.equals(jwt.getSubject()) || !PURPOSE.equals(jwt.getClaim("use")) || projectId == null) {
            throw ApiException.forbidden("invalid_upload_token", "This upload URL's token belongs to another upload.");
        }
        return new Claims(uploadId, projectId);
    }

    private static boolean hasExpired(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException invalid && invalid.hasExpired()) {
                return true;
            }
        }
        return false;
    }
}

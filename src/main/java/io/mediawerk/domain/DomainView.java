package io.mediawerk.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.mediawerk.api.ApiObject;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A domain as the API shows it, with how to prove it is the project's: either DNS record or HTTP answer works.
 * {@code last_error} says what the last check found while pending; {@code failure_reason} why it failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Domain")
public record DomainView(
        String id,
        String object,
        String hostname,
        String status,
        Verification verification,
        String verifiedBy,
        Instant verified,
        String lastError,
        String failureReason,
        Instant checkUntil,
        Instant lastChecked,
        Instant created,
        Instant updated)
        implements ApiObject {

    public record Verification(DnsRecord dns, HttpToken http) {}

    public record DnsRecord(String type, String name, String value) {}

    public record HttpToken(String url, String body) {}

    public static DomainView of(Domain domain) {
        Verification verification = new Verification(
                new DnsRecord(
                        "TXT", DomainVerifier.TXT_PREFIX + domain.hostname, DomainVerifier.TXT_VALUE + domain.token),
                new HttpToken("http://" + domain.hostname + DomainVerifier.WELL_KNOWN + domain.token, domain.token));
        return new DomainView(
                domain.id,
                "domain",
                domain.hostname,
                domain.status,
                verification,
                domain.verifiedBy,
                domain.verified,
                Domain.PENDING.equals(domain.status) ? domain.lastError : null,
                domain.failureReason,
                domain.checkUntil,
                domain.lastChecked,
                domain.created,
                domain.updated);
    }

    @Override
    @JsonIgnore
    public String selfPath() {
        return "/domains/" + id;
    }

    @Override
    @JsonIgnore
    public String parentPath() {
        return "/domains";
    }
}

package io.mediawerk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A hostname a project delivers its files under, once it proved it controls it. */
@Entity
@Table(name = "domains")
public class Domain {

    public static final String PENDING = "pending";
    public static final String ACTIVE = "active";
    public static final String FAILED = "failed";

    @Id
    public String id;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(nullable = false)
    public String hostname;

    @Column(nullable = false)
    public String status;

    /** What the TXT record or the HTTP answer must hold. */
    @Column(nullable = false)
    public String token;

    /** dns or http, once active. */
    @Column(name = "verified_by")
    public String verifiedBy;

    public Instant verified;

    @Column(name = "failure_reason")
    public String failureReason;

    /** What the last check found, while pending. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "check_until", nullable = false)
    public Instant checkUntil;

    @Column(name = "last_checked")
    public Instant lastChecked;

    @Column(nullable = false)
    public Instant created;

    @Column(nullable = false)
    public Instant updated;
}

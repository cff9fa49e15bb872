package io.mediawerk.auth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An API key. Only the SHA-256 of the key is stored; the key itself is shown once, when it is made. */
@Entity
@Table(name = "api_keys")
public class ApiKey {

    @Id
    public String id;

    @Column(name = "org_id", nullable = false)
    public String orgId;

    /** Null for an org (admin) key. */
    @Column(name = "project_id")
    public String projectId;

    public String name;

    /** The first characters of the key, enough to tell keys apart in a list. */
    @Column(nullable = false)
    public String prefix;

    @Column(nullable = false, unique = true)
    public String hash;

    @Column(nullable = false)
    public Instant created;

    @Column(nullable = false)
    public Instant updated;

    public Instant revoked;
}

package io.mediawerk.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The first answer to a POST that carried an Idempotency-Key; null status while that request still runs. */
@Entity
@Table(name = "idempotency_records")
public class IdempotencyRecord {

    /** The caller's project (or org) and the key, joined: keys of different projects never meet. */
    @Id
    public String id;

    @Column(nullable = false)
    public String fingerprint;

    public Integer status;

    public String body;

    @Column(name = "self_path")
    public String selfPath;

    @Column(name = "parent_path")
    public String parentPath;

    @Column(nullable = false)
    public Instant created;
}

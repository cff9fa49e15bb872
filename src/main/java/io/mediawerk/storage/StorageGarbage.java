package io.mediawerk.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An S3 object (or unfinished multipart upload) that the database no longer refers to. */
@Entity
@Table(name = "storage_garbage")
public class StorageGarbage {

    @Id
    public String key;

    @Column(name = "multipart_id")
    public String multipartId;

    @Column(nullable = false)
    public Instant created;

    @Column(nullable = false)
    public int attempts;
}

package io.mediawerk.project;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A project: the unit that owns media, keys and everything else. Deleted projects are purged later. */
@Entity
@Table(name = "projects")
public class Project {

    @Id
    public String id;

    @Column(name = "org_id", nullable = false)
    public String orgId;

    @Column(nullable = false)
    public String name;

    @Column(name = "default_workflow_id")
    public String defaultWorkflowId;

    /** Whether its media are delivered through signed URLs only (each media may say otherwise). */
    @Column(name = "private_delivery", nullable = false)
    public boolean privateDelivery;

    /** Whether its videos get a playback stream on their own; null: the instance's default. */
    @Column(name = "playback_auto")
    public Boolean playbackAuto;

    /** Requests per second each of its keys may make, and the burst; null: the instance's defaults. */
    @Column(name = "rate_per_second")
    public Integer ratePerSecond;

    @Column(name = "rate_burst")
    public Integer rateBurst;

    @Column(nullable = false)
    public Instant created;

    @Column(nullable = false)
    public Instant updated;

    /** When the project was deleted; it answers 404 from then on and its data is purged in the background. */
    public Instant deleted;
}

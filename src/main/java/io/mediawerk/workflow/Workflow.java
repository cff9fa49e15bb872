package io.mediawerk.workflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Steps a project runs on a media: on every upload that names it, or on every new media as the default. */
@Entity
@Table(name = "workflows")
public class Workflow {

    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";

    @Id
    public String id;

    @Column(name = "project_id", nullable = false)
    public String projectId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public String status;

    /** {@code {"steps": [...]}}, as {@link io.mediawerk.workflow.definition.Definition#json()} gives them. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> definition;

    @Column(nullable = false)
    public Instant created;

    @Column(nullable = false)
    public Instant updated;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}

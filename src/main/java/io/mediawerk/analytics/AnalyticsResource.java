package io.mediawerk.analytics;

import io.mediawerk.api.CallContext;
import io.mediawerk.project.ProjectService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/analytics")
@Tag(
        name = "Analytics",
        description = "Usage figures from what Mediawerk recorded: media, storage, tasks, uploads "
                + "and deliveries, day by day over from/to (YYYY-MM-DD, by default the last 30 days, at most 366).")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    private final AnalyticsService analytics;
    private final ProjectService projects;
    private final CallContext call;

    public AnalyticsResource(AnalyticsService analytics, ProjectService projects, CallContext call) {
        this.analytics = analytics;
        this.projects = projects;
        this.call = call;
    }

    @GET
    @Operation(summary = "Get Stats", description = "Returns project level stats (the key's project).")
    public Uni<AnalyticsView> project(@QueryParam("from") String from, @QueryParam("to") String to) {
        return analytics.ofProject(call.projectId(), from, to, "/analytics");
    }

    @GET
    @Path("/media/{id}")
    @Operation(
            summary = "Get Media Stats",
            description = "Returns stats for a specific Media object, also once " + "it is deleted.")
    public Uni<AnalyticsView> media(
            @PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return analytics.ofMedia(call.projectId(), id, from, to);
    }

    @GET
    @Path("/projects/{id}")
    @Operation(
            summary = "Get Project Stats",
            description = "Returns stats for a specific Project of the org key's " + "organisation.")
    public Uni<AnalyticsView> projectOfOrg(
            @PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        String orgId = call.requireOrgKey();
        return projects.live(orgId, id)
                .chain(project -> analytics.ofProject(project.id, from, to, "/analytics/projects/" + project.id));
    }
}

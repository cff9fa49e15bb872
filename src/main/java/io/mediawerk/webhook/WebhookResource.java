package io.mediawerk.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mediawerk.api.ApiObject;
import io.mediawerk.api.CallContext;
import io.mediawerk.api.Deleted;
import io.mediawerk.api.Page;
import io.mediawerk.api.PageRequest;
import io.mediawerk.idempotency.Idempotency;
import io.mediawerk.webhook.delivery.DeliveryRepository;
import io.mediawerk.webhook.delivery.DeliveryService;
import io.mediawerk.webhook.delivery.DeliveryView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/webhooks")
@Tag(
        name = "Webhooks",
        description = "URLs that receive the project's events as signed POSTs (Standard "
                + "Webhooks), retried for at least a day, every attempt logged.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final Set<String> SORTS = Set.of("created", "updated");

    private final WebhookService webhooks;
    private final DeliveryService deliveries;
    private final CallContext call;
    private final Idempotency idempotency;

    public WebhookResource(
            WebhookService webhooks, DeliveryService deliveries, CallContext call, Idempotency idempotency) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.call = call;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "List Webhooks", description = "Gets a list of all the Webhooks in your project.")
    public Uni<Page<WebhookView>> list(
            @QueryParam("page") String page,
            @QueryParam("limit") String limit,
            @QueryParam("sort") String sort,
            @QueryParam("order") String order) {
        return webhooks.list(call.projectId(), PageRequest.parse(page, limit, sort, order, SORTS, "created"));
    }

    @POST
    @Operation(
            summary = "Create Webhook",
            description = "url (https), events (types, or [\"*\"], the default), "
                    + "description, status. The answer carries the signing secret; it is shown only this once.")
    @APIResponse(
            responseCode = "201",
            description = "The webhook, with its signing secret shown this once.",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Uni<Response> create(
            @RequestBody(content = @Content(schema = @Schema(implementation = WebhookBodies.Create.class)))
                    ObjectNode body) {
        String projectId = call.projectId();
        return idempotency.once(
                body,
                () -> webhooks.create(projectId, body)
                        .map(created -> Response.status(Response.Status.CREATED)
                                .entity(created)
                                .build()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get Webhook", description = "Return a single Webhook object.")
    public Uni<WebhookView> get(@PathParam("id") String id) {
        return webhooks.get(call.projectId(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(
            summary = "Update Webhook",
            description =
                    "url, events, description, status (active or disabled: a "
                            + "disabled webhook gets nothing). Setting a disabled webhook active again clears why it was disabled.")
    public Uni<WebhookView> update(
            @PathParam("id") String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = WebhookBodies.Update.class)))
                    ObjectNode body) {
        return webhooks.update(call.projectId(), id, body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete Webhook", description = "Permanently deletes a Webhook object and its deliveries.")
    @APIResponse(
            responseCode = "200",
            description = "What was deleted.",
            content = @Content(schema = @Schema(implementation = Deleted.class)))
    public Uni<ApiObject> delete(@PathParam("id") String id) {
        return webhooks.delete(call.projectId(), id);
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(
            summary = "Rotate Webhook secret",
            description = "A new signing secret, shown once. The previous "
                    + "one keeps signing beside it for grace_seconds (default a day; 0 stops it at once).")
    @APIResponse(
            responseCode = "200",
            description = "The webhook with its new secret, shown this once.",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    public Uni<Response> rotateSecret(
            @PathParam("id") String id,
            @RequestBody(
                            required = false,
                            content = @Content(schema = @Schema(implementation = WebhookBodies.Rotate.class)))
                    ObjectNode body) {
        String projectId = call.projectId();
        return idempotency.once(
                body,
                () -> webhooks.rotateSecret(projectId, id, body)
                        .map(rotated -> Response.ok(rotated).build()));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(
            summary = "List Webhook deliveries",
            description = "Each event sent to the webhook, with every "
                    + "attempt (time, status code, duration, error); filter by status and event_type.")
    public Uni<Page<DeliveryView>> deliveries(
            @PathParam("id") String id,
            @QueryParam("status") String status,
            @QueryParam("event_type") String eventType,
            @QueryParam("page") String page,
            @QueryParam("limit") String limit,
            @QueryParam("sort") String sort,
            @QueryParam("order") String order) {
        return deliveries.list(
                call.projectId(),
                id,
                new DeliveryRepository.Filter(status, eventType),
                PageRequest.parse(page, limit, sort, order, SORTS, "created"));
    }

    @GET
    @Path("/{id}/deliveries/{delivery}")
    @Operation(summary = "Get Webhook delivery", description = "One delivery with the event sent and its attempts.")
    public Uni<DeliveryView> delivery(@PathParam("id") String id, @PathParam("delivery") String delivery) {
        return deliveries.get(call.projectId(), id, delivery);
    }

    @POST
    @Path("/{id}/deliveries/{delivery}/resend")
    @Operation(
            summary = "Resend Webhook delivery",
            description = "Sends the delivery again at once, with the same "
                    + "body and webhook-id, and retries it as a new one.")
    public Uni<DeliveryView> resend(@PathParam("id") String id, @PathParam("delivery") String delivery) {
        return deliveries.resend(call.projectId(), id, delivery);
    }
}

package io.mediawerk.api;

import io.mediawerk.traffic.RateDecision;
import jakarta.enterprise.context.RequestScoped;
import java.util.function.BiConsumer;

/** What one API request carries from the filters to the resources and back into {@code meta}. */
@RequestScoped
public class CallContext {

    private String requestId;
    private String version = ApiVersions.LATEST;
    private Caller caller;
    private RateDecision rate;

    public String requestId() {
        if (requestId == null) {
            requestId = Ids.newId("req");
        }
        return requestId;
    }

    public String version() {
        return version;
    }

    public void version(String version) {
        this.version = version;
    }

    public Caller caller() {
        return caller;
    }

    public void caller(Caller caller) {
        this.caller = caller;
    }

    /** The caller's turn at its rate limit, whose headers every answer to it carries. */
    public void rate(RateDecision rate) {
        this.rate = rate;
    }

    /** Adds the rate limit headers, when the caller has a rate limit. */
    public void rateHeaders(BiConsumer<String, Object> header) {
        if (rate != null) {
            header.accept(RateDecision.POLICY_HEADER, rate.policy());
            header.accept(RateDecision.HEADER, rate.current());
        }
    }

    /** The project of a project key; org keys must say which project through its own endpoints. */
    public String projectId() {
        if (caller == null || caller.isOrgKey()) {
            throw ApiException.forbidden(
                    "project_key_required",
                    "This endpoint works on one project: call it with that project's API key, not an org key.");
        }
        return caller.projectId();
    }

    /** The organisation of an org (admin) key; project keys cannot manage projects. */
    public String requireOrgKey() {
        if (caller == null || !caller.isOrgKey()) {
            throw ApiException.forbidden(
                    "org_key_required",
                    "This endpoint manages projects: call it with an org (admin) API key, not a project key.");
        }
        return caller.orgId();
    }
}

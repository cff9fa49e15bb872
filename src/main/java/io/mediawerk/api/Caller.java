package io.mediawerk.api;

/**
 * Who is calling: the key's organisation, and its project for a project key (null for an org key).
 */
public record Caller(String keyId, String orgId, String projectId) {

    public boolean isOrgKey() {
        return projectId == null;
    }
}

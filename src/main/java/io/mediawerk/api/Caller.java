package io.mediawerk.api;

/**
 * Who is calling: the key's organisation, and its project for a project key (null for an org key); the rate its
 * project allows each key (null: the instance's default).
 */
public record Caller(String keyId, String orgId, String projectId, RateLimit rateLimit) {

    public boolean isOrgKey() {
        return projectId == null;
    }
}

package io.mediawerk.api;

/** What a DELETE answers: the id and type of what is gone. */
public record Deleted(String id, String object, boolean deleted, String selfPath, String parentPath)
        implements ApiObject {

    public static Deleted of(ApiObject gone) {
        return new Deleted(gone.id(), gone.object(), true, gone.selfPath(), gone.parentPath());
    }

    @Override
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String selfPath() {
        return selfPath;
    }

    @Override
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String parentPath() {
        return parentPath;
    }
}

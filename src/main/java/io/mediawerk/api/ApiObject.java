package io.mediawerk.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A resource as the API shows it: it knows its id, its type name and where it lives. */
public interface ApiObject {

    String id();

    String object();

    /** Path of this object below the public base URL, e.g. {@code /projects/prj_...}. */
    @JsonIgnore
    String selfPath();

    /** Path of the collection or owner this object belongs to. */
    @JsonIgnore
    String parentPath();

    /** This object with anything shown only once (a new key, a signing secret) left out, for storing. */
    default ApiObject withoutSecrets() {
        return this;
    }
}

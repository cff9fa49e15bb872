package io.mediawerk.database;

/** Something that keeps copies of database rows and must drop them when {@link ChangeFeed} says they changed. */
public interface ChangeListener {

    /** A row changed or was deleted: {@code kind} is key (its hash), project, media or source (their ids). */
    void changed(String kind, String id);

    /** Changes may have been missed (the feed was not connected): forget every copy. */
    void forgetAll();
}

package io.mediawerk.project;

import io.mediawerk.api.Ids;
import io.mediawerk.api.Times;
import io.mediawerk.auth.ApiKey;
import io.mediawerk.auth.KeyMaterial;
import io.mediawerk.testing.Db;
import io.quarkus.hibernate.reactive.panache.Panache;

/** A second organisation with its own org key, to check that organisations never see each other. */
final class OtherOrganisation {

    private OtherOrganisation() {}

    static String create() {
        String plain = KeyMaterial.newKey();
        Organization org = new Organization();
        org.id = Ids.newId("org");
        org.name = "Other";
        org.created = Times.now();
        org.updated = org.created;
        ApiKey key = new ApiKey();
        key.id = Ids.newId("key");
        key.orgId = org.id;
        key.prefix = KeyMaterial.displayPrefix(plain);
        key.hash = KeyMaterial.hash(plain);
        key.created = org.created;
        key.updated = org.created;
        Db.inTransaction(() -> Panache.getSession()
                .chain(session -> session.persist(org).chain(session::flush).chain(() -> session.persist(key))));
        return plain;
    }
}

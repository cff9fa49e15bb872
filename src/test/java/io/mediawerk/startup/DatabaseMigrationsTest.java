package io.mediawerk.startup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseMigrationsTest {

    @Test
    void reactiveUrlsBecomeJdbcUrls() {
        assertThat(DatabaseMigrations.jdbcUrl("postgresql://db:5432/media?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db:5432/media?sslmode=require");
        assertThat(DatabaseMigrations.jdbcUrl("vertx-reactive:postgresql://db/media"))
                .isEqualTo("jdbc:postgresql://db/media");
        assertThat(DatabaseMigrations.jdbcUrl("postgres://db/media")).isEqualTo("jdbc:postgresql://db/media");
    }
}

package io.mediawerk.localstack;

import java.nio.file.Path;

/**
 * Where the embedded stack keeps its data and which loopback ports it binds.
 *
 * @param dataDir     folder holding the PostgreSQL cluster, the Kafka log and the S3 objects
 * @param postgresPort PostgreSQL port
 * @param kafkaPort   Kafka broker (client) port
 * @param kafkaControllerPort Kafka KRaft controller port
 * @param s3Port      S3-compatible server port
 * @param s3AccessKey access key the S3 server accepts
 * @param s3SecretKey secret key the S3 server accepts
 */
public record LocalStackSettings(
        Path dataDir,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int s3Port,
        String s3AccessKey,
        String s3SecretKey) {

    public static final String HOST = "127.0.0.1";
    public static final String DATABASE = "postgres";
    public static final String DATABASE_USER = "postgres";

    public String postgresReactiveUrl() {
        return "postgresql://" + HOST + ":" + postgresPort + "/" + DATABASE;
    }

    public String kafkaBootstrapServers() {
        return HOST + ":" + kafkaPort;
    }

    public String s3Endpoint() {
        return "http://" + HOST + ":" + s3Port;
    }
}

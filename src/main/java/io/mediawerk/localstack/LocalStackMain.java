package io.mediawerk.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.jboss.logmanager.LogContext;

/**
 * Runs only the embedded stack, in its own JVM, until killed: for benchmarks that must measure Mediawerk's memory
 * apart from the servers it talks to. Arguments: data folder, then the PostgreSQL, Kafka, Kafka controller and S3
 * ports.
 */
public final class LocalStackMain {

    private LocalStackMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5) {
            System.err.println(
                    "usage: LocalStackMain <data dir> <postgres port> <kafka port> <controller port> <s3 port>");
            System.exit(2);
        }
        quietLogging();
        LocalStack.ensureStarted(new LocalStackSettings(
                Path.of(args[0]),
                Integer.parseInt(args[1]),
                Integer.parseInt(args[2]),
                Integer.parseInt(args[3]),
                Integer.parseInt(args[4]),
                "mediawerk-local",
                "mediawerk-local-secret"));
        System.out.println("local stack ready");
        Thread.currentThread().join();
    }

    /**
     * The levels the application's configuration gives these servers when it embeds them. Unconfigured, the shaded
     * Jetty of S3Proxy builds debug text for every buffer it reads: most of its CPU went to that, and S3 writes ran at
     * less than half their speed.
     */
    private static void quietLogging() {
        LogContext context = LogContext.getLogContext();
        context.getLogger("").setLevel(Level.INFO);
        for (String noisy : List.of("org.gaul", "org.jclouds", "org.eclipse.jetty", "org.apache.kafka", "kafka")) {
            context.getLogger(noisy).setLevel(Level.WARNING);
        }
    }
}

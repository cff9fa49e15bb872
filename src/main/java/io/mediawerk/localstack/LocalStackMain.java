package io.mediawerk.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logmanager.LogContext;

/**
 * Runs only the embedded stack, in its own JVM, until killed: for benchmarks that must measure Mediawerk's memory
 * apart from the servers it talks to. Arguments: data folder, then the PostgreSQL, Kafka, Kafka controller and S3
 * ports.
 */
public final class LocalStackMain {

    private static final Pattern CATEGORY_LEVEL = Pattern.compile("quarkus\\.log\\.category\\.\"([^\"]+)\"\\.level");

    private LocalStackMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5) {
            System.err.println(
                    "usage: LocalStackMain <data dir> <postgres port> <kafka port> <controller port> <s3 port>");
            System.exit(2);
        }
        logAsTheApplicationDoes();
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
     * The log levels the application's configuration ({@code quarkus.log.category."…".level} in
     * {@code application.properties}) gives these servers when it embeds them. Unconfigured, the shaded Jetty of
     * S3Proxy builds debug text for every buffer it reads: most of its CPU went to that, and S3 writes ran at less than
     * half their speed.
     */
    private static void logAsTheApplicationDoes() {
        Properties properties = new Properties();
        try (InputStream in = LocalStackMain.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("application.properties could not be read", e);
        }
        LogContext context = LogContext.getLogContext();
        context.getLogger("").setLevel(context.getLevelForName("INFO"));
        for (String name : properties.stringPropertyNames()) {
            Matcher category = CATEGORY_LEVEL.matcher(name);
            if (category.matches()) {
                context.getLogger(category.group(1))
                        .setLevel(context.getLevelForName(
                                properties.getProperty(name).strip()));
            }
        }
    }
}

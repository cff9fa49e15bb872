package io.mediawerk.localstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/** A real S3 API (S3Proxy over the filesystem) on 127.0.0.1, checking SigV4 signatures. */
final class EmbeddedS3Server implements EmbeddedServer {

    private final Path baseDir;
    private final int port;
    private final String accessKey;
    private final String secretKey;
    private S3Proxy proxy;
    private BlobStoreContext context;

    EmbeddedS3Server(Path baseDir, int port, String accessKey, String secretKey) {
        this.baseDir = baseDir;
        this.port = port;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    @Override
    public String name() {
        return "s3";
    }

    @Override
    public synchronized void start() {
        if (proxy != null) {
            return;
        }
        Ports.requireFree(port, "S3 server", "MEDIAWERK_LOCAL_STACK_S3_PORT");
        try {
            Files.createDirectories(baseDir);
            Properties overrides = new Properties();
            overrides.setProperty("jclouds.filesystem.basedir", baseDir.toString());
            context = ContextBuilder.newBuilder("filesystem")
                    .credentials(accessKey, secretKey)
                    .overrides(overrides)
                    .build(BlobStoreContext.class);
            proxy = S3Proxy.builder()
                    .blobStore(context.getBlobStore())
                    .endpoint(URI.create("http://" + LocalStackSettings.HOST + ":" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    .ignoreUnknownHeaders(true)
                    .build();
            proxy.start();
            waitUntilStarted();
        } catch (Exception e) {
            stop();
            throw new LocalStackException("The S3 server did not start in " + baseDir + ": " + e.getMessage(), e);
        }
    }

    private void waitUntilStarted() throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy state is still " + proxy.getState());
            }
            Thread.sleep(20);
        }
    }

    @Override
    public synchronized void stop() {
        try {
            if (proxy != null) {
                proxy.stop();
            }
        } catch (Exception e) {
            throw new LocalStackException("The S3 server did not stop cleanly: " + e.getMessage(), e);
        } finally {
            proxy = null;
            if (context != null) {
                context.close();
                context = null;
            }
        }
    }
}

package io.mediawerk.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real photographs for tests, from a Debian package: scikit-image's sample data in {@code python3-skimage} (BSD-3
 * licensed package; {@code astronaut.png} is NASA's public-domain portrait of Eileen Collins, {@code coffee.png} a
 * cup of coffee, no face). The package is fetched with {@code apt-get download} (no root needed) and unpacked under
 * target/, once per run.
 */
public final class DebianPhotos {

    private static final Path DIR = Path.of("target", "debian-photos");
    private static final String DATA = "usr/lib/python3/dist-packages/skimage/data/";

    private DebianPhotos() {}

    /** One face. */
    public static Path astronaut() {
        return photo("astronaut.png");
    }

    /** No face. */
    public static Path coffee() {
        return photo("coffee.png");
    }

    private static synchronized Path photo(String name) {
        Path photo = DIR.resolve("unpacked").resolve(DATA + name);
        if (Files.exists(photo)) {
            return photo;
        }
        try {
            Files.createDirectories(DIR);
            run(DIR, List.of("apt-get", "download", "python3-skimage"));
            try (var debs = Files.list(DIR)) {
                Path deb = debs.filter(file -> file.getFileName().toString().startsWith("python3-skimage_"))
                        .findFirst()
                        .orElseThrow(() -> new IllegalStateException(
                                "apt-get download python3-skimage " + "left no package in " + DIR));
                run(DIR, List.of("dpkg-deb", "-x", deb.getFileName().toString(), "unpacked"));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return photo;
    }

    private static void run(Path dir, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (the test photographs come "
                        + "from Debian's python3-skimage package): " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

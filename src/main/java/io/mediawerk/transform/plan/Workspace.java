package io.mediawerk.transform.plan;

import java.nio.file.Path;

/** What a plan reads, where it writes, and how many threads an encoder may use. */
record Workspace(FfmpegInput source, Path outputDir, int threads) {

    /** The absolute path of a file in the output folder. */
    String output(String relativePath) {
        return outputDir.resolve(relativePath).toAbsolutePath().normalize().toString();
    }
}

package io.mediawerk.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL runs as its own process, so a local run that dies without its shutdown hooks (kill -9, a
 * terminal closed hard) leaves it running on its data folder and port. The JVM that starts it records itself as the
 * owner beside the folder; at the next start a server whose owner is gone is stopped, and the data is used again.
 */
final class StalePostgres {

    private static final Logger LOG = Logger.getLogger(StalePostgres.class);

    private StalePostgres() {}

    /** Stops the PostgreSQL left running on {@code dataDir} by a dead owner; fails if a live one still uses it. */
    static void stopIfOrphaned(Path dataDir) {
        Optional<ProcessHandle> postmaster = runningPostmaster(dataDir);
        if (postmaster.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> owner = pidIn(ownerFile(dataDir))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandEndsWith(p, "java"));
        if (owner.isPresent() && owner.get().pid() != ProcessHandle.current().pid()) {
            throw new LocalStackException("The PostgreSQL in " + dataDir + " belongs to another running process (pid "
                    + owner.get().pid() + "). Stop that Mediawerk first, or use another folder with "
                    + "MEDIAWERK_LOCAL_STACK_DATA_DIR.");
        }
        ProcessHandle server = postmaster.get();
        LOG.infof(
                "Stopping the PostgreSQL (pid %d) that a local run which died left running on %s",
                server.pid(), dataDir);
        server.destroy();
        if (!waitForExit(server, 30)) {
            server.destroyForcibly();
            waitForExit(server, 10);
        }
    }

    /** Records this JVM as the owner of the PostgreSQL it is about to start on {@code dataDir}. */
    static void recordOwner(Path dataDir) {
        try {
            Files.writeString(ownerFile(dataDir), ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new LocalStackException("Cannot write " + ownerFile(dataDir) + ": " + e.getMessage(), e);
        }
    }

    /** The live postgres process named by the folder's postmaster.pid, if any. */
    static Optional<ProcessHandle> runningPostmaster(Path dataDir) {
        return pidIn(dataDir.resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandEndsWith(p, "postgres"));
    }

    private static Path ownerFile(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".owner");
    }

    private static Optional<Long> pidIn(Path file) {
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean commandEndsWith(ProcessHandle process, String program) {
        return process.info()
                .command()
                .map(command -> command.endsWith("/" + program))
                .orElse(false);
    }

    private static boolean waitForExit(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }
}

package io.mediawerk.ffmpeg;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a child's output stream to its end on its own thread, keeping either the first {@code headLimit} bytes or
 * the last {@code tailLimit} bytes; everything else is read and thrown away so the child never blocks on a full pipe.
 */
final class OutputCollector implements Runnable {

    private final InputStream in;
    private final long headLimit;
    private final int tailLimit;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final byte[] tail;
    private final Consumer<String> lines;
    private long tailWritten;
    private boolean truncated;

    private OutputCollector(InputStream in, long headLimit, int tailLimit, Consumer<String> lines) {
        this.in = in;
        this.headLimit = headLimit;
        this.tailLimit = tailLimit;
        this.tail = new byte[tailLimit];
        this.lines = lines;
    }

    static OutputCollector head(InputStream in, long limit) {
        return new OutputCollector(in, Math.max(0, Math.min(limit, Integer.MAX_VALUE - 8)), 0, null);
    }

    static OutputCollector tail(InputStream in, int limit) {
        return new OutputCollector(in, 0, limit, null);
    }

    /** Hands each line to the listener as it comes (ffmpeg's {@code -progress pipe:1}) and keeps nothing. */
    static OutputCollector lines(InputStream in, Consumer<String> listener) {
        return new OutputCollector(in, 0, 0, listener);
    }

    Thread start(String name) {
        Thread thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        if (lines != null) {
            readLines();
            return;
        }
        byte[] buffer = new byte[8192];
        try (in) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                keep(buffer, read);
            }
        } catch (IOException e) {
            // the stream closes when the process is killed; what was read so far is kept
        }
    }

    private void readLines() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.accept(line);
            }
        } catch (IOException e) {
            // the stream closes when the process is killed
        }
    }

    private synchronized void keep(byte[] buffer, int read) {
        if (tailLimit > 0) {
            int skipped = Math.max(0, read - tailLimit);
            tailWritten += skipped;
            for (int i = skipped; i < read; ) {
                int at = (int) (tailWritten % tailLimit);
                int count = Math.min(read - i, tailLimit - at);
                System.arraycopy(buffer, i, tail, at, count);
                i += count;
                tailWritten += count;
            }
            return;
        }
        int room = (int) Math.min(read, headLimit - head.size());
        if (room > 0) {
            head.write(buffer, 0, room);
        }
        if (room < read) {
            truncated = true;
        }
    }

    synchronized byte[] headBytes() {
        return head.toByteArray();
    }

    synchronized boolean truncated() {
        return truncated;
    }

    synchronized String tailText() {
        int size = (int) Math.min(tailWritten, tailLimit);
        byte[] ordered = new byte[size];
        long first = tailWritten - size;
        for (int i = 0; i < size; i++) {
            ordered[i] = tail[(int) ((first + i) % tailLimit)];
        }
        String text = new String(ordered, StandardCharsets.UTF_8);
        // the tail may start in the middle of a multi-byte character
        return first > 0 ? text.replaceFirst("^\uFFFD+", "") : text;
    }
}

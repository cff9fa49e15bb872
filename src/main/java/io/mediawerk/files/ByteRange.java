package io.mediawerk.files;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One byte range of a {@code Range: bytes=...} request, resolved against the file size (RFC 9110). */
public record ByteRange(long first, long last) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d{0,19})-(\\d{0,19})");

    /** Thrown when the range lies outside the file (answered 416). */
    public static final class Unsatisfiable extends RuntimeException {
        Unsatisfiable() {
            super(null, null, false, false);
        }
    }

    /** Null for "the whole file": no header, or a form this server does not serve as a range (several ranges). */
    public static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return null;
        }
        long first;
        long last;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0) {
                throw new Unsatisfiable();
            }
            first = Math.max(0, size - suffix);
            last = size - 1;
        } else {
            first = Long.parseLong(m.group(1));
            last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (last < first && !m.group(2).isEmpty()) {
                return null;
            }
        }
        if (first >= size) {
            throw new Unsatisfiable();
        }
        return new ByteRange(first, last);
    }

    public long length() {
        return last - first + 1;
    }

    public String s3Range() {
        return "bytes=" + first + "-" + last;
    }

    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}

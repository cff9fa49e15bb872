package io.mediawerk.media.probe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the picture size of a HEIF/HEIC file from its ISO base media file format boxes. ffprobe 5.1 cannot read
 * HEIC, so this is how such images are measured. Every read is bounds-checked: hostile or truncated input gives an
 * empty answer, never an exception.
 */
public final class IsoBmff {

    private static final int MAX_CHILDREN = 4096;

    private IsoBmff() {}

    private record Box(String type, int payload, int end) {}

    /**
     * The displayed size of the primary image: the image spatial extent ({@code ispe}) of the primary item, or the
     * largest one when the primary item cannot be told (the primary image or its grid; thumbnails and grid tiles are
     * smaller), turned by a quarter when the primary item carries a 90° or 270° rotation ({@code irot}).
     */
    public static Optional<Dimensions> heifImageSize(byte[] head, int length) {
        Bytes b = new Bytes(head, length);
        Box meta = first(b, children(b, 0, b.length()), "meta");
        if (meta == null || !b.has(meta.payload(), 4)) {
            return Optional.empty();
        }
        List<Box> metaChildren = children(b, meta.payload() + 4, meta.end());
        Box iprp = first(b, metaChildren, "iprp");
        if (iprp == null) {
            return Optional.empty();
        }
        List<Box> iprpChildren = children(b, iprp.payload(), iprp.end());
        Box ipco = first(b, iprpChildren, "ipco");
        if (ipco == null) {
            return Optional.empty();
        }
        List<Box> properties = children(b, ipco.payload(), ipco.end());
        Set<Integer> primary = primaryProperties(b, first(b, metaChildren, "pitm"), first(b, iprpChildren, "ipma"));

        Dimensions largest = null;
        Dimensions primarySize = null;
        boolean rotated = false;
        for (int i = 0; i < properties.size(); i++) {
            Box property = properties.get(i);
            boolean ofPrimary = primary.contains(i + 1);
            if (property.type().equals("ispe")) {
                Dimensions size = ispe(b, property);
                if (size != null && (largest == null || size.area() > largest.area())) {
                    largest = size;
                }
                if (size != null && ofPrimary) {
                    primarySize = size;
                }
            } else if (property.type().equals("irot") && ofPrimary && b.has(property.payload(), 1)) {
                rotated = (b.u8(property.payload()) & 0x01) == 1;
            }
        }
        Dimensions size = primarySize != null ? primarySize : largest;
        if (size == null) {
            return Optional.empty();
        }
        return Optional.of(rotated ? size.swapped() : size);
    }

    private static Dimensions ispe(Bytes b, Box box) {
        int at = box.payload() + 4;
        if (at > box.end() - 8) {
            return null;
        }
        long width = b.u32(at);
        long height = b.u32(at + 4);
        if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            return null;
        }
        return new Dimensions((int) width, (int) height);
    }

    /** The 1-based indexes into {@code ipco} of the properties associated with the primary item. */
    private static Set<Integer> primaryProperties(Bytes b, Box pitm, Box ipma) {
        Set<Integer> indexes = new HashSet<>();
        if (pitm == null || ipma == null || !b.has(pitm.payload(), 4) || !b.has(ipma.payload(), 8)) {
            return indexes;
        }
        int pitmAt = pitm.payload() + 4;
        boolean pitmWide = b.u8(pitm.payload()) > 0;
        if (pitmAt > pitm.end() - (pitmWide ? 4 : 2)) {
            return indexes;
        }
        long primaryItem = pitmWide ? b.u32(pitmAt) : b.u16(pitmAt);

        boolean wideItems = b.u8(ipma.payload()) > 0;
        boolean wideIndexes = (b.u24(ipma.payload() + 1) & 0x01) != 0;
        long entries = b.u32(ipma.payload() + 4);
        int at = ipma.payload() + 8;
        int end = ipma.end();
        for (long entry = 0; entry < entries; entry++) {
            int idSize = wideItems ? 4 : 2;
            if (at > end - idSize - 1) {
                break;
            }
            long item = wideItems ? b.u32(at) : b.u16(at);
            int associations = b.u8(at + idSize);
            at += idSize + 1;
            int entrySize = wideIndexes ? 2 : 1;
            if (associations > (end - at) / entrySize) {
                break;
            }
            for (int i = 0; i < associations; i++) {
                int index = wideIndexes ? b.u16(at) & 0x7FFF : b.u8(at) & 0x7F;
                at += entrySize;
                if (item == primaryItem) {
                    indexes.add(index);
                }
            }
        }
        return indexes;
    }

    private static Box first(Bytes b, List<Box> boxes, String type) {
        return boxes.stream().filter(box -> box.type().equals(type)).findFirst().orElse(null);
    }

    /**
     * The boxes laid one after the other from {@code from} to {@code to}. A box claiming more bytes than there are is
     * cut to what is there (a truncated head); a box whose size is too small to be a box ends the list.
     */
    private static List<Box> children(Bytes b, int from, int to) {
        List<Box> boxes = new ArrayList<>();
        int at = from;
        int limit = Math.min(to, b.length());
        while (at >= 0 && at <= limit - 8 && boxes.size() < MAX_CHILDREN) {
            long size = b.u32(at);
            int header = 8;
            if (size == 1) {
                if (at > limit - 16) {
                    break;
                }
                size = b.u64(at + 8);
                header = 16;
            } else if (size == 0) {
                size = limit - at;
            }
            if (size < header) {
                break;
            }
            int end = (int) Math.min(limit, at + size);
            boxes.add(new Box(b.ascii(at + 4, 4), at + header, end));
            at = end;
        }
        return boxes;
    }
}

package io.mediawerk.media.probe;

import static io.mediawerk.media.probe.SnifferTest.ascii;
import static io.mediawerk.media.probe.SnifferTest.bytes;
import static io.mediawerk.media.probe.SnifferTest.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IsoBmffTest {

    private static final byte[] FTYP = box("ftyp", ascii("heic"), u32(0), ascii("mif1heic"));

    @TempDir
    static Path dir;

    private static Samples samples;

    @BeforeAll
    static void samples() {
        samples = new Samples(dir);
    }

    @Test
    void readsTheSizeOfARealHeic() {
        byte[] head = samples.head("image.heic");

        assertThat(IsoBmff.heifImageSize(head, head.length)).contains(new Dimensions(64, 48));
    }

    @Test
    void thePrimaryImageWinsOverItsThumbnail() {
        byte[] head = samples.head("thumbnailed.heic");

        assertThat(IsoBmff.heifImageSize(head, head.length)).contains(new Dimensions(160, 120));
    }

    @Test
    void takesTheLargestExtentWhenThePrimaryItemIsUnknown() {
        byte[] file = heif(null, null, ispe(32, 24), ispe(4032, 3024), ispe(512, 512));

        assertThat(size(file)).contains(new Dimensions(4032, 3024));
    }

    @Test
    void takesTheExtentOfThePrimaryItem() {
        // item 1 is a small primary image, item 2 a larger auxiliary image
        byte[] file = heif(pitm(1), ipma(new int[] {1, 2}, new int[] {2, 1}), ispe(300, 200), ispe(100, 50));

        assertThat(size(file)).contains(new Dimensions(100, 50));
    }

    @Test
    void turnsTheSizeWhenThePrimaryItemIsRotatedAQuarter() {
        assertThat(size(heif(pitm(1), ipma(new int[] {1, 1, 2}), ispe(400, 300), irot(1))))
                .contains(new Dimensions(300, 400));
        assertThat(size(heif(pitm(1), ipma(new int[] {1, 1, 2}), ispe(400, 300), irot(3))))
                .contains(new Dimensions(300, 400));
        assertThat(size(heif(pitm(1), ipma(new int[] {1, 1, 2}), ispe(400, 300), irot(2))))
                .contains(new Dimensions(400, 300));
        // a rotation of another item does not count
        assertThat(size(heif(pitm(1), ipma(new int[] {1, 1}, new int[] {2, 2}), ispe(400, 300), irot(1))))
                .contains(new Dimensions(400, 300));
    }

    @Test
    void readsLargeSizeAndSizeZeroBoxes() {
        byte[] ipco = box("ipco", ispe(640, 480));
        byte[] meta = fullBox("meta", box("iprp", ipco));
        // meta written with a 64-bit size
        byte[] large =
                concat(u32(1), ascii("meta"), u64(16 + meta.length - 8), Arrays.copyOfRange(meta, 8, meta.length));
        assertThat(size(concat(FTYP, large))).contains(new Dimensions(640, 480));
        // meta as the last box, running to the end of the file
        byte[] toEnd = concat(u32(0), Arrays.copyOfRange(meta, 4, meta.length));
        assertThat(size(concat(FTYP, toEnd))).contains(new Dimensions(640, 480));
    }

    @Test
    void givesNothingForHostileBoxes() {
        byte[] ipco = box("ipco", ispe(640, 480));
        byte[] meta = fullBox("meta", box("iprp", ipco));

        // a box before meta whose size points far past the end hides everything after it
        assertThat(size(concat(FTYP, u32(0xFFFFFFFFL), ascii("free"), meta))).isEmpty();
        // 64-bit sizes that are huge, negative or smaller than the header
        assertThat(size(concat(FTYP, u32(1), ascii("free"), u64(Long.MAX_VALUE), meta)))
                .isEmpty();
        assertThat(size(concat(FTYP, u32(1), ascii("free"), u64(-16), meta))).isEmpty();
        assertThat(size(concat(FTYP, u32(1), ascii("free"), u64(8), meta))).isEmpty();
        // sizes smaller than a box header
        assertThat(size(concat(FTYP, u32(4), ascii("free"), meta))).isEmpty();
        assertThat(size(concat(FTYP, u32(0), ascii("free"), meta))).isEmpty();
        // a child claiming more than its parent is cut to the parent
        byte[] greedyIpco = concat(u32(0x7FFFFFF0L), ascii("ipco"), ispe(640, 480));
        assertThat(size(concat(FTYP, fullBox("meta", box("iprp", greedyIpco))))).contains(new Dimensions(640, 480));
        // extents that are zero, too short or beyond an int
        assertThat(size(heif(null, null, ispe(0, 480)))).isEmpty();
        assertThat(size(heif(null, null, box("ispe", u32(0), u32(640))))).isEmpty();
        assertThat(size(heif(null, null, box("ispe", u32(0), u32(0x80000000L), u32(10)))))
                .isEmpty();
        // an association table that claims billions of entries and 255 associations
        byte[] ipma = box("ipma", u32(0), u32(0xFFFFFFFFL), bytes(0, 1, 255, 1));
        assertThat(size(heif(pitm(1), ipma, ispe(64, 48)))).contains(new Dimensions(64, 48));
        // no meta, or meta without properties
        assertThat(size(FTYP)).isEmpty();
        assertThat(size(concat(FTYP, fullBox("meta", box("hdlr", u32(0)))))).isEmpty();
        assertThat(size(concat(FTYP, box("meta")))).isEmpty();
        assertThat(IsoBmff.heifImageSize(null, 100)).isEmpty();
        assertThat(IsoBmff.heifImageSize(new byte[0], 0)).isEmpty();
    }

    @Test
    void everyTruncationOfARealHeicIsSafe() throws Exception {
        byte[] file = Files.readAllBytes(samples.get("thumbnailed.heic"));
        int found = 0;
        for (int length = 0; length <= file.length; length++) {
            Optional<Dimensions> size = IsoBmff.heifImageSize(Arrays.copyOf(file, length), length);
            assertThat(size)
                    .satisfiesAnyOf(
                            s -> assertThat(s).isEmpty(),
                            s -> assertThat(s).contains(new Dimensions(160, 120)),
                            s -> assertThat(s).contains(new Dimensions(32, 24)));
            found += size.isPresent() ? 1 : 0;
        }
        assertThat(found).isPositive();
        assertThat(IsoBmff.heifImageSize(file, file.length + 1000)).contains(new Dimensions(160, 120));
    }

    @Test
    void randomAndMutatedBytesNeverThrow() {
        Random random = new Random(11);
        byte[] heic = samples.head("image.heic");
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes;
            if (round % 2 == 0) {
                bytes = heic.clone();
                for (int flips = 1 + random.nextInt(6); flips > 0; flips--) {
                    bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                }
            } else {
                bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
            }
            IsoBmff.heifImageSize(bytes, random.nextInt(bytes.length + 1));
            IsoBmff.heifImageSize(bytes, bytes.length);
        }
    }

    private static Optional<Dimensions> size(byte[] file) {
        return IsoBmff.heifImageSize(file, file.length);
    }

    /** A HEIF file with these boxes in meta and these properties in ipco. */
    private static byte[] heif(byte[] pitm, byte[] ipma, byte[]... properties) {
        byte[] iprp = box("iprp", box("ipco", properties), ipma == null ? new byte[0] : ipma);
        byte[] meta = fullBox(
                "meta",
                box("hdlr", u32(0), u32(0), ascii("pict"), new byte[13]),
                pitm == null ? new byte[0] : pitm,
                iprp);
        return concat(FTYP, meta, box("mdat", new byte[16]));
    }

    private static byte[] pitm(int item) {
        return box("pitm", u32(0), bytes(item >> 8, item));
    }

    /** Each entry: the item id, then the 1-based property indexes associated with it. */
    private static byte[] ipma(int[]... entries) {
        byte[] body = concat(u32(0), u32(entries.length));
        for (int[] entry : entries) {
            body = concat(body, bytes(entry[0] >> 8, entry[0], entry.length - 1));
            for (int i = 1; i < entry.length; i++) {
                body = concat(body, bytes(0x80 | entry[i]));
            }
        }
        return box("ipma", body);
    }

    private static byte[] ispe(long width, long height) {
        return box("ispe", u32(0), u32(width), u32(height));
    }

    private static byte[] irot(int angle) {
        return box("irot", bytes(angle));
    }

    private static byte[] fullBox(String type, byte[]... children) {
        byte[][] all = new byte[children.length + 1][];
        all[0] = u32(0);
        System.arraycopy(children, 0, all, 1, children.length);
        return box(type, all);
    }

    private static byte[] box(String type, byte[]... content) {
        byte[] body = concat(content);
        return concat(u32(8 + body.length), ascii(type), body);
    }

    private static byte[] u32(long value) {
        return bytes((int) (value >> 24), (int) (value >> 16), (int) (value >> 8), (int) value);
    }

    private static byte[] u64(long value) {
        return concat(u32(value >>> 32), u32(value));
    }
}

package io.mediawerk.intelligence.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OCR of images drawn by ffmpeg, and the reading of tesseract's TSV. */
class TextAnalysisTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int WIDTH = 800;
    private static final int HEIGHT = 300;

    @TempDir
    static Path media;

    /** "MEDIAWERK 2026" above "Hello OCR", black on white. */
    private static Path twoLines;

    @BeforeAll
    static void makeMedia() {
        twoLines = MadeMedia.ffmpeg(
                media.resolve("two-lines.png"),
                "-f",
                "lavfi",
                "-i",
                "color=c=white:s=" + WIDTH + "x" + HEIGHT,
                "-vf",
                text("MEDIAWERK 2026", 50) + "," + text("Hello OCR", 170),
                "-frames:v",
                "1");
    }

    private static String text(String text, int y) {
        return "drawtext=fontfile=" + MadeMedia.FONT + ":text='" + text + "':fontsize=64:fontcolor=black:x=40:y=" + y;
    }

    @Test
    void readsBothLinesTopToBottom() {
        List<TextLine> lines = TextAnalysis.image(twoLines, "eng", TIMEOUT);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).text()).containsIgnoringCase("MEDIAWERK 2026");
        assertThat(lines.get(1).text()).containsIgnoringCase("Hello OCR");
        assertThat(lines.get(0).top() + lines.get(0).height())
                .isLessThanOrEqualTo(lines.get(1).top());
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.left()).isBetween(0, WIDTH);
            assertThat(line.top()).isBetween(0, HEIGHT);
            assertThat(line.width()).isPositive();
            assertThat(line.height()).isPositive();
            assertThat(line.left() + line.width()).isLessThanOrEqualTo(WIDTH);
            assertThat(line.top() + line.height()).isLessThanOrEqualTo(HEIGHT);
            assertThat(line.confidence()).isBetween(50.0, 100.0);
        });
    }

    @Test
    void aJpegWithSeveralLanguagesReadsToo() {
        Path jpeg = MadeMedia.ffmpeg(media.resolve("two-lines.jpg"), "-i", twoLines.toString());

        // osd comes with tesseract-ocr, as eng does
        List<TextLine> lines = TextAnalysis.image(jpeg, "eng+osd", TIMEOUT);

        assertThat(lines)
                .extracting(TextLine::text)
                .anySatisfy(text -> assertThat(text).containsIgnoringCase("Hello OCR"));
    }

    @Test
    void anImageWithoutTextHasNoLines() {
        Path blank = MadeMedia.ffmpeg(
                media.resolve("blank.png"), "-f", "lavfi", "-i", "color=c=white:s=400x200", "-frames:v", "1");

        assertThat(TextAnalysis.image(blank, "eng", TIMEOUT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "en", "english", "ENG", "eng+", "eng deu", "../eng", "eng;deu", "-l"})
    void refusesWhatIsNotALanguageCode(String language) {
        assertThatThrownBy(() -> TextAnalysis.image(twoLines, language, TIMEOUT))
                .isInstanceOfSatisfying(
                        AnalysisFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo("invalid_language"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xyz", "eng+xyz"})
    void saysWhichPackageAMissingLanguageNeeds(String language) {
        assertThatThrownBy(() -> TextAnalysis.image(twoLines, language, TIMEOUT))
                .isInstanceOfSatisfying(AnalysisFailure.class, failure -> {
                    assertThat(failure.code()).isEqualTo("language_unavailable");
                    assertThat(failure.getMessage()).contains("xyz").contains("install tesseract-ocr-xyz");
                });
    }

    @Test
    void aFileThatIsNoImageIsNeverReadAsAListOfImages() throws IOException {
        // tesseract would read each line of a file it cannot take for an image as the path of an image to read
        Path list = Files.writeString(media.resolve("list.png"), twoLines + "\n");

        assertThatThrownBy(() -> TextAnalysis.image(list, "eng", TIMEOUT))
                .isInstanceOfSatisfying(
                        AnalysisFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo("unreadable_media"));
        assertThatThrownBy(() -> TextAnalysis.image(media.resolve("missing.png"), "eng", TIMEOUT))
                .isInstanceOfSatisfying(
                        AnalysisFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo("unreadable_media"));
    }

    @Test
    void aBrokenImageIsUnreadable() throws IOException {
        byte[] png = Files.readAllBytes(twoLines);
        Path broken = Files.write(media.resolve("broken.png"), Arrays.copyOf(png, 40));

        assertThatThrownBy(() -> TextAnalysis.image(broken, "eng", TIMEOUT))
                .isInstanceOfSatisfying(
                        AnalysisFailure.class,
                        failure -> assertThat(failure.code()).isEqualTo("unreadable_media"));
    }

    // reading tesseract's output, captured from tesseract 5.3 (tabs written as \t)

    @Test
    void readsLinesFromTheTsv() {
        String tsv = """
                level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
                1\t1\t0\t0\t0\t0\t0\t0\t800\t300\t-1\t
                2\t1\t1\t0\t0\t0\t46\t50\t570\t170\t-1\t
                3\t1\t1\t1\t0\t0\t46\t50\t570\t170\t-1\t
                4\t1\t1\t1\t1\t0\t46\t50\t570\t49\t-1\t
                5\t1\t1\t1\t1\t1\t46\t51\t391\t47\t90.888916\tMEDIAWERK
                5\t1\t1\t1\t1\t2\t461\t50\t155\t49\t96.586067\t2026
                4\t1\t1\t1\t2\t0\t46\t170\t313\t50\t-1\t
                5\t1\t1\t1\t2\t1\t46\t170\t153\t50\t96.196404\tHello
                5\t1\t1\t1\t2\t2\t200\t170\t20\t50\t-1\t\s
                5\t1\t1\t1\t2\t3\t226\t171\t133\t49\t96.294281\tOCR
                4\t1\t2\t1\t1\t0\t10\t250\t30\t30\t-1\t
                5\t1\t2\t1\t1\t1\t10\t250\t30\t30\t41.5\t|
                5\t1\t2\t1\t1\t2\t12\t250\t30\t30\t40.5\t—
                """;

        assertThat(TesseractTsv.lines(tsv))
                .containsExactly(
                        new TextLine("MEDIAWERK 2026", 46, 50, 570, 49, (90.888916 + 96.586067) / 2),
                        new TextLine("Hello OCR", 46, 170, 313, 50, (96.196404 + 96.294281) / 2));
    }

    @Test
    void readsNothingFromAnEmptyPage() {
        String tsv = """
                level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
                1\t1\t0\t0\t0\t0\t0\t0\t400\t200\t-1\t
                """;

        assertThat(TesseractTsv.lines(tsv)).isEmpty();
        assertThat(TesseractTsv.lines("")).isEmpty();
    }

    @Test
    void readsWhichLanguagesTesseractCouldNotLoad() {
        String stderr = """
                Error opening data file /usr/share/tesseract-ocr/5/tessdata/xyz.traineddata
                Please make sure the TESSDATA_PREFIX environment variable is set to your "tessdata" directory.
                Failed loading language 'xyz'
                Error opening data file /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata
                Failed loading language 'chi_sim'
                Tesseract couldn't load any languages!
                Could not initialize tesseract.
                """;

        assertThat(OcrLanguages.notInstalled(stderr)).containsExactly("xyz", "chi_sim");
        assertThat(OcrLanguages.unavailable(List.of("xyz", "chi_sim")).getMessage())
                .contains("install tesseract-ocr-xyz tesseract-ocr-chi-sim");
        assertThat(OcrLanguages.notInstalled("Estimating resolution as 609")).isEmpty();
    }

    @Test
    void knowsImagesByTheirFirstBytes() {
        assertThat(ImageSignature.isImage(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
                .isTrue();
        assertThat(ImageSignature.isImage(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
                .isTrue();
        assertThat(ImageSignature.isImage("RIFF\0\0\0\0WEBP".getBytes())).isTrue();
        assertThat(ImageSignature.isImage("RIFF\0\0\0\0WAVE".getBytes())).isFalse();
        assertThat(ImageSignature.isImage("P6\n320 240\n".getBytes())).isTrue();
        assertThat(ImageSignature.isImage("/etc/passwd\n".getBytes())).isFalse();
        assertThat(ImageSignature.isImage(new byte[0])).isFalse();
    }
}

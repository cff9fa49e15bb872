package io.mediawerk.intelligence.analysis;

import io.mediawerk.ffmpeg.ProcessResult;
import io.mediawerk.ffmpeg.ProcessRunner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Reads the text in an image with tesseract. */
public final class TextAnalysis {

    static final long MAX_TSV_BYTES = 8L * 1024 * 1024;

    private TextAnalysis() {}

    /**
     * OCR of one image file with {@code tesseract <image> stdout -l <language> tsv}: the lines of text, in
     * tesseract's reading order, with their box in pixels and their mean confidence 0..100; lines with no letter or
     * digit are dropped.
     *
     * @param language tesseract language codes: "eng", "deu", or several joined with +, such as "eng+deu"
     * @throws AnalysisFailure {@code invalid_language}, {@code language_unavailable}, {@code unreadable_media} or
     *     {@code analysis_timeout}
     */
    public static List<TextLine> image(Path image, String language, Duration timeout) {
        String languages = OcrLanguages.validated(language);
        Deadline deadline = Deadline.after(timeout);
        Path file = image.toAbsolutePath().normalize();
        if (!ImageSignature.isImage(file)) {
            throw AnalysisFailure.unreadable(
                    "The file is not an image OCR can read (PNG, JPEG, TIFF, BMP, GIF, WebP, " + "PNM or JPEG 2000).");
        }
        ProcessResult result = ProcessRunner.run(
                List.of("tesseract", file.toString(), "stdout", "-l", languages, "tsv"),
                deadline.left(),
                MAX_TSV_BYTES);
        if (result.timedOut()) {
            throw deadline.expired();
        }
        List<String> notInstalled = OcrLanguages.notInstalled(result.stderrTail());
        if (!notInstalled.isEmpty()) {
            throw OcrLanguages.unavailable(notInstalled);
        }
        if (result.exitCode() != 0) {
            throw AnalysisFailure.unreadable("The image could not be read by OCR.");
        }
        return TesseractTsv.lines(completeRows(result));
    }

    /** The output without its last row when it was cut off at the limit. */
    private static String completeRows(ProcessResult result) {
        String tsv = new String(result.stdout(), StandardCharsets.UTF_8);
        return result.stdoutTruncated() ? tsv.substring(0, tsv.lastIndexOf('\n') + 1) : tsv;
    }
}

package io.mediawerk.intelligence.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tesseract's language codes: three letters with an optional variant ({@code chi_sim}), joined by {@code +}. */
final class OcrLanguages {

    private static final String CODE = "[a-z]{3}(?:_[a-z]{3,4})?";
    private static final Pattern LANGUAGES = Pattern.compile(CODE + "(?:\\+" + CODE + "){0,7}");
    private static final Pattern FAILED_LOADING = Pattern.compile("Failed loading language '([^']*)'");

    private OcrLanguages() {}

    /**
     * @return the languages, as tesseract's {@code -l} takes them
     * @throws AnalysisFailure {@code invalid_language} when they are not codes such as "eng" or "eng+deu"
     */
    static String validated(String languages) {
        if (languages == null || !LANGUAGES.matcher(languages).matches()) {
            throw new AnalysisFailure(
                    "invalid_language",
                    "The OCR language must be a tesseract language code such "
                            + "as eng, deu or chi_sim, or several joined with +, such as eng+deu.");
        }
        return languages;
    }

    /** The languages tesseract said it could not load, from its stderr. */
    static List<String> notInstalled(String stderr) {
        List<String> missing = new ArrayList<>();
        Matcher matcher = FAILED_LOADING.matcher(stderr == null ? "" : stderr);
        while (matcher.find()) {
            // only codes, so that nothing else tesseract printed reaches the message
            if (matcher.group(1).matches(CODE) && !missing.contains(matcher.group(1))) {
                missing.add(matcher.group(1));
            }
        }
        return missing;
    }

    static AnalysisFailure unavailable(List<String> languages) {
        String packages = String.join(
                " ",
                languages.stream()
                        .map(code ->
                                "tesseract-ocr-" + code.toLowerCase(Locale.ROOT).replace('_', '-'))
                        .toList());
        return new AnalysisFailure(
                "language_unavailable",
                "The OCR language " + String.join(", ", languages) + " is not installed: install " + packages + ".");
    }
}

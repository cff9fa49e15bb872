package io.mediawerk.intelligence.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines of text from tesseract's TSV output:
 * <pre>
 * level  page_num  block_num  par_num  line_num  word_num  left  top  width  height  conf       text
 * 4      1         1          1        1         0         46    50   570    49      -1
 * 5      1         1          1        1         1         46    51   391    47      90.888916  MEDIAWERK
 * 5      1         1          1        1         2         461   50   155    49      96.586067  2026
 * </pre>
 * A level 4 row is a line and gives its box; the level 5 rows after it are its words. Words without text are
 * skipped, and so are confidences of -1 (none); a line with no letter or digit in its words is dropped.
 */
final class TesseractTsv {

    private static final int COLUMNS = 12;
    private static final String LINE_LEVEL = "4";
    private static final String WORD_LEVEL = "5";

    private TesseractTsv() {}

    /** The lines in tesseract's reading order: top to bottom within each block of text. */
    static List<TextLine> lines(String tsv) {
        List<TextLine> lines = new ArrayList<>();
        LineBuilder current = null;
        for (String row : tsv.split("\\R")) {
            String[] cells = row.split("\t", -1);
            if (cells.length < COLUMNS) {
                continue;
            }
            if (LINE_LEVEL.equals(cells[0])) {
                addIfText(lines, current);
                current = LineBuilder.of(cells);
            } else if (WORD_LEVEL.equals(cells[0]) && current != null && current.holds(cells)) {
                current.addWord(cells[11].strip(), number(cells[10]));
            }
        }
        addIfText(lines, current);
        return lines;
    }

    private static void addIfText(List<TextLine> lines, LineBuilder line) {
        if (line != null && line.hasText()) {
            lines.add(line.build());
        }
    }

    private static double number(String cell) {
        try {
            return Double.parseDouble(cell.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The words of one line as they are read. */
    private static final class LineBuilder {

        private final String key;
        private final int[] box;
        private final StringBuilder text = new StringBuilder();
        private double confidenceSum;
        private int confidences;

        private LineBuilder(String key, int[] box) {
            this.key = key;
            this.box = box;
        }

        static LineBuilder of(String[] cells) {
            int[] box = new int[4];
            for (int i = 0; i < 4; i++) {
                box[i] = (int) Math.max(0, number(cells[6 + i]));
            }
            return new LineBuilder(key(cells), box);
        }

        /** Page, block, paragraph and line numbers. */
        private static String key(String[] cells) {
            return String.join("/", cells[1], cells[2], cells[3], cells[4]);
        }

        boolean holds(String[] wordCells) {
            return key.equals(key(wordCells));
        }

        void addWord(String word, double confidence) {
            if (word.isEmpty()) {
                return;
            }
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(word);
            if (confidence >= 0) {
                confidenceSum += confidence;
                confidences++;
            }
        }

        boolean hasText() {
            return text.codePoints().anyMatch(Character::isLetterOrDigit);
        }

        TextLine build() {
            double confidence = confidences == 0 ? 0 : Math.min(100, confidenceSum / confidences);
            return new TextLine(text.toString(), box[0], box[1], box[2], box[3], confidence);
        }
    }
}

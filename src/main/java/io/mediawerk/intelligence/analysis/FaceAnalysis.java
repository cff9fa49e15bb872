package io.mediawerk.intelligence.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.MatOfRect;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;
import org.opencv.objdetect.CascadeClassifier;

/**
 * Frontal faces in an image, with OpenCV's Haar cascade ({@code haarcascade_frontalface_default.xml} from Debian's
 * opencv-data): the image in grey, its histogram equalised, scanned at scales 10 % apart, a face kept where at least
 * 5 overlapping detections agree. Faces turned far from the camera or smaller than {@code minSize} pixels are not
 * found; the cascade is fast and runs offline, not the most accurate detector there is.
 */
public final class FaceAnalysis {

    private static final double SCALE_STEP = 1.1;
    private static final int MIN_NEIGHBOURS = 5;

    static {
        nu.pattern.OpenCV.loadLocally();
    }

    private FaceAnalysis() {}

    /** A face's box in pixels. */
    public record Face(int left, int top, int width, int height) {}

    /**
     * @throws AnalysisFailure {@code unreadable_media} when the image cannot be decoded, {@code detector_unavailable}
     *     when the cascade file is missing
     */
    public static List<Face> image(Path image, Path cascade, int minSize) {
        if (!Files.isReadable(cascade)) {
            throw new AnalysisFailure(
                    "detector_unavailable",
                    "The face detector's model is missing on the worker "
                            + "(install Debian's opencv-data, or set MEDIAWERK_INTELLIGENCE_FACE_CASCADE).");
        }
        CascadeClassifier classifier = new CascadeClassifier(cascade.toString());
        Mat picture = Imgcodecs.imread(image.toString(), Imgcodecs.IMREAD_GRAYSCALE);
        if (picture.empty()) {
            throw AnalysisFailure.unreadable("The image could not be decoded for face detection.");
        }
        try {
            Mat equalised = new Mat();
            Imgproc.equalizeHist(picture, equalised);
            MatOfRect found = new MatOfRect();
            classifier.detectMultiScale(
                    equalised, found, SCALE_STEP, MIN_NEIGHBOURS, 0, new Size(minSize, minSize), new Size());
            return Arrays.stream(found.toArray())
                    .map(box -> new Face(box.x, box.y, box.width, box.height))
                    .sorted(Comparator.comparingInt(Face::left).thenComparingInt(Face::top))
                    .toList();
        } finally {
            picture.release();
        }
    }
}

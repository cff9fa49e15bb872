package io.mediawerk.intelligence.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mediawerk.config.IntelligenceSettings;
import io.mediawerk.config.TransformSettings;
import io.mediawerk.ffmpeg.ProgramUnavailableException;
import io.mediawerk.intelligence.IntelligenceKinds;
import io.mediawerk.intelligence.analysis.AnalysisFailure;
import io.mediawerk.intelligence.analysis.AudioExtraction;
import io.mediawerk.intelligence.analysis.AudioLevelsAnalysis;
import io.mediawerk.intelligence.analysis.FaceAnalysis;
import io.mediawerk.intelligence.analysis.Scene;
import io.mediawerk.intelligence.analysis.SceneAnalysis;
import io.mediawerk.intelligence.analysis.TextAnalysis;
import io.mediawerk.intelligence.analysis.TextLine;
import io.mediawerk.intelligence.speech.SpeechProvider;
import io.mediawerk.intelligence.speech.Subtitles;
import io.mediawerk.intelligence.vision.VisionProvider;
import io.mediawerk.intelligence.vision.VisionProviders;
import io.mediawerk.source.Source;
import io.mediawerk.storage.Storage;
import io.mediawerk.storage.StorageFiles;
import io.mediawerk.task.Task;
import io.mediawerk.task.worker.ClaimedTask;
import io.mediawerk.task.worker.RunControl;
import io.mediawerk.task.worker.TaskFailure;
import io.mediawerk.task.worker.TransientFailure;
import io.mediawerk.task.worker.WorkFolders;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;

/**
 * Runs one claimed intelligence task on this machine, blocking the calling thread: the analysis reads the input
 * straight from S3 through a short-lived URL (images are fetched for Tesseract), the whole result is written as
 * {@code result.json} beside any keyframes, and every file is stored under the attempt's S3 prefix. Returns the
 * summary and the new source, not yet saved: the ledger decides whether it counts.
 */
@ApplicationScoped
public class IntelligenceExecution {

    static final String RESULT = "result.json";
    private static final String KEYFRAMES = "keyframes";
    static final String SUBTITLES = "subtitles.vtt";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Storage storage;
    private final StorageFiles files;
    private final AnalysisOutputs outputs;
    private final WorkFolders folders;
    private final Duration timeout;
    private final SpeechProvider speech;
    private final Path faceCascade;
    private final VisionProviders vision;

    public IntelligenceExecution(
            Storage storage,
            StorageFiles files,
            AnalysisOutputs outputs,
            WorkFolders folders,
            SpeechProvider speech,
            VisionProviders vision,
            TransformSettings transformSettings,
            IntelligenceSettings intelligenceSettings) {
        this.speech = speech;
        this.vision = vision;
        this.faceCascade = Path.of(intelligenceSettings.faceCascade());
        this.storage = storage;
        this.files = files;
        this.outputs = outputs;
        this.folders = folders;
        this.timeout = transformSettings.timeout();
    }

    Analysis run(ClaimedTask claimed, RunControl control) {
        Task task = claimed.task();
        Path dir = folders.of(claimed);
        // written by the analysis thread, read by the heartbeat's
        AtomicReference<Double> progress = new AtomicReference<>(0.0);
        control.follow(progress::get);
        DoubleConsumer report = value -> progress.set(Math.min(0.99, value));
        try {
            Path scratch = Files.createDirectories(dir.resolve("scratch"));
            Path out = Files.createDirectories(dir.resolve("out"));
            Map<String, Object> result = analyse(claimed, scratch, out, report);
            control.checkOwned();
            Path subtitles = out.resolve(SUBTITLES);
            List<Source> more = new ArrayList<>();
            if (Files.exists(subtitles)) {
                // the subtitles are a source of their own, beside the result
                Source track = outputs.subtitles(claimed, subtitles);
                result.put("subtitles_source_id", track.id);
                more.add(track);
            }
            Files.writeString(out.resolve(RESULT), JSON.writeValueAsString(result));
            return new Analysis(AnalysisResults.summary(result), outputs.store(claimed, out), more);
        } catch (AnalysisFailure e) {
            throw new TaskFailure(e.code(), e.getMessage());
        } catch (ProgramUnavailableException e) {
            throw new TaskFailure("program_unavailable", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Work folder " + dir + " is not usable", e);
        } finally {
            WorkFolders.delete(dir);
        }
    }

    private Map<String, Object> analyse(ClaimedTask claimed, Path scratch, Path out, DoubleConsumer progress)
            throws IOException {
        Task task = claimed.task();
        Source input = claimed.input();
        double duration = input.duration == null ? 0 : input.duration;
        return switch (task.kind) {
            case IntelligenceKinds.AUDIO_LEVELS ->
                AnalysisResults.audioLevels(
                        AudioLevelsAnalysis.run(location(input), duration, timeout, scratch, progress));
            case IntelligenceKinds.SCENES -> {
                List<Scene> scenes = scenes(task, input, out, progress);
                yield AnalysisResults.scenes(scenes, keyframeFiles(scenes, out));
            }
            case IntelligenceKinds.TEXT -> AnalysisResults.text(text(task, input, scratch, out, progress));
            case IntelligenceKinds.SPEECH -> speech(task, input, scratch, out, progress);
            case IntelligenceKinds.FACES -> faces(task, input, scratch, out, progress);
            case IntelligenceKinds.OBJECTS ->
                AnalysisResults.objects(
                        seen(task, vision.objects(), minConfidence(task), input, scratch, out, progress),
                        "video".equals(input.kind));
            // every nsfw score is kept: the confidence asked for decides only the verdict
            case IntelligenceKinds.NSFW ->
                AnalysisResults.nsfw(
                        seen(task, vision.nsfw(), 0, input, scratch, out, progress),
                        minConfidence(task),
                        "video".equals(input.kind));
            default -> throw new TaskFailure("unknown_kind", "Mediawerk cannot run '" + task.kind + "' analyses.");
        };
    }

    private List<Scene> scenes(Task task, Source input, Path out, DoubleConsumer progress) {
        double minScore = ((Number) task.options.get("min_scene_score")).doubleValue();
        int maxScenes = ((Number) task.options.get("max_scenes")).intValue();
        Path keyframes = createDirectory(out.resolve(KEYFRAMES));
        double duration = input.duration == null ? 0 : input.duration;
        return SceneAnalysis.run(location(input), duration, minScore, maxScenes, timeout, keyframes, progress)
                .scenes();
    }

    /** An image is read whole; a video at each scene's keyframe, each line with the scene's start and keyframe. */
    private List<AnalysisResults.TimedLine> text(
            Task task, Source input, Path scratch, Path out, DoubleConsumer progress) {
        String language = (String) task.options.get("language");
        List<AnalysisResults.TimedLine> lines = new ArrayList<>();
        if ("image".equals(input.kind)) {
            Path local = scratch.resolve("input." + (input.extension == null ? "bin" : input.extension));
            download(input, local);
            for (TextLine line : TextAnalysis.image(local, language, timeout)) {
                lines.add(new AnalysisResults.TimedLine(line, null, null));
            }
            return lines;
        }
        List<Scene> scenes = scenes(task, input, out, value -> progress.accept(value / 2));
        List<String> keyframes = keyframeFiles(scenes, out);
        for (Scene scene : scenes) {
            List<TextLine> read =
                    scene.keyframe() == null ? List.of() : TextAnalysis.image(scene.keyframe(), language, timeout);
            for (TextLine line : read) {
                lines.add(new AnalysisResults.TimedLine(line, scene.start(), keyframes.get(scene.index())));
            }
            progress.accept(0.5 + 0.5 * (scene.index() + 1) / scenes.size());
        }
        return lines;
    }

    /** What an image model sees in the image, or in each scene's keyframe of a video, at least that sure. */
    private List<AnalysisResults.Seen> seen(
            Task task,
            VisionProvider provider,
            double minConfidence,
            Source input,
            Path scratch,
            Path out,
            DoubleConsumer progress) {
        List<AnalysisResults.Seen> seen = new ArrayList<>();
        if ("image".equals(input.kind)) {
            Path local = scratch.resolve("input." + (input.extension == null ? "bin" : input.extension));
            download(input, local);
            seen.add(new AnalysisResults.Seen(
                    null, null, confident(provider.predict(local, input.mimeType), minConfidence)));
            return seen;
        }
        List<Scene> scenes = scenes(task, input, out, value -> progress.accept(value / 2));
        List<String> keyframes = keyframeFiles(scenes, out);
        for (Scene scene : scenes) {
            List<VisionProvider.Prediction> predictions = scene.keyframe() == null
                    ? List.of()
                    : confident(provider.predict(scene.keyframe(), "image/jpeg"), minConfidence);
            seen.add(new AnalysisResults.Seen(scene.start(), keyframes.get(scene.index()), predictions));
            progress.accept(0.5 + 0.5 * (scene.index() + 1) / scenes.size());
        }
        return seen;
    }

    private static List<VisionProvider.Prediction> confident(
            List<VisionProvider.Prediction> predictions, double minConfidence) {
        return predictions.stream()
                .filter(prediction -> prediction.confidence() >= minConfidence)
                .toList();
    }

    private static double minConfidence(Task task) {
        return ((Number) task.options.get("min_confidence")).doubleValue();
    }

    /** An image is looked at whole; a video at each scene's keyframe. */
    private Map<String, Object> faces(Task task, Source input, Path scratch, Path out, DoubleConsumer progress) {
        int minSize = ((Number) task.options.get("min_size")).intValue();
        if ("image".equals(input.kind)) {
            Path local = scratch.resolve("input." + (input.extension == null ? "bin" : input.extension));
            download(input, local);
            return AnalysisResults.faces(FaceAnalysis.image(local, faceCascade, minSize));
        }
        List<Scene> scenes = scenes(task, input, out, value -> progress.accept(value / 2));
        List<List<FaceAnalysis.Face>> perScene = new ArrayList<>();
        for (Scene scene : scenes) {
            perScene.add(
                    scene.keyframe() == null ? List.of() : FaceAnalysis.image(scene.keyframe(), faceCascade, minSize));
            progress.accept(0.5 + 0.5 * (scene.index() + 1) / scenes.size());
        }
        return AnalysisResults.faces(scenes, keyframeFiles(scenes, out), perScene);
    }

    /** The audio goes to the provider as a small MP3; the subtitles are written beside the result. */
    private Map<String, Object> speech(Task task, Source input, Path scratch, Path out, DoubleConsumer progress)
            throws IOException {
        Path audio = scratch.resolve("speech.mp3");
        double duration = input.duration == null ? 0 : input.duration;
        AudioExtraction.toSpeechMp3(location(input), duration, timeout, audio, value -> progress.accept(value * 0.3));
        SpeechProvider.Transcript transcript = speech.transcribe(audio, (String) task.options.get("language"));
        progress.accept(0.95);
        Files.writeString(out.resolve(SUBTITLES), Subtitles.of(transcript.segments()));
        return AnalysisResults.speech(transcript);
    }

    private static List<String> keyframeFiles(List<Scene> scenes, Path out) {
        return scenes.stream()
                .map(scene -> scene.keyframe() == null
                        ? null
                        : out.relativize(scene.keyframe()).toString().replace('\\', '/'))
                .toList();
    }

    private String location(Source input) {
        return storage.presignGet(input.storageKey, timeout.plusMinutes(10));
    }

    private void download(Source input, Path local) {
        try {
            files.download(input.storageKey, local);
        } catch (RuntimeException e) {
            throw new TransientFailure("The input could not be read from storage", e);
        }
    }

    private static Path createDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

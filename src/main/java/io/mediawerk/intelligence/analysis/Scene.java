package io.mediawerk.intelligence.analysis;

import java.nio.file.Path;

/**
 * One scene of a video.
 *
 * @param start seconds from the start of the video; 0 for scene 0
 * @param end where the next scene starts, or the end of the video
 * @param score ffmpeg's scene score (0..1) of the cut that starts this scene; null for scene 0
 * @param keyframe a JPEG of the scene, taken a little after its start; null when ffmpeg could not decode a frame there
 */
public record Scene(int index, double start, double end, Double score, Path keyframe) {}

/**
 * Media analyses run with ffmpeg and tesseract: loudness, silences and clipping of the audio
 * ({@link io.mediawerk.intelligence.analysis.AudioLevelsAnalysis}), scene cuts with a keyframe each
 * ({@link io.mediawerk.intelligence.analysis.SceneAnalysis}) and the text in an image
 * ({@link io.mediawerk.intelligence.analysis.TextAnalysis}).
 *
 * <p>Long media is analysed in bounded memory: ffmpeg prints what it finds frame by frame on standard output, read a
 * line at a time as it comes, and only short end-of-run summaries are read from standard error (of which only the
 * last few kilobytes are kept). The input is never named in a message, as it can be a presigned URL.
 */
package io.mediawerk.intelligence.analysis;

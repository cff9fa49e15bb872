/**
 * Transform plans: {@link io.mediawerk.transform.plan.TransformOptions} validates a transform's options against its
 * input and fills in the defaults; {@link io.mediawerk.transform.plan.Planner} turns them into the exact programs to
 * run (ffmpeg, and heif-convert for HEIC) and describes the output; {@link io.mediawerk.transform.plan.FfmpegErrors}
 * turns a failed run's stderr into one line for the user. Plain Java, no CDI.
 *
 * <p>How the pipeline runs a plan: each {@link io.mediawerk.transform.plan.Step} in order, as an argument list (no
 * shell), in an empty output folder; ffmpeg writes {@code key=value} progress lines on stdout, and a step's progress
 * is {@code out_time_us / 1e6 / mediaSeconds} (capped at 1), the task's the sum of the steps' progress times their
 * weights. After the last step the caller writes {@link io.mediawerk.transform.plan.Output#textFiles()} into the
 * output folder and uploads all of it.
 *
 * <p>Known limits:
 * <ul>
 *   <li>Animated WebP cannot be decoded; an image transform of one fails with a message saying so. Animated GIF is
 *       read, its first frame taken.</li>
 *   <li>ffmpeg applies a JPEG's EXIF orientation, while the probe stores a JPEG's size as stored, not as shown. Image
 *       plans therefore measure the decoded picture in their filters; only a box mixing pixels and a percentage is
 *       worked out from the stored size.</li>
 *   <li>AV1 is written with SVT-AV1, which needs at least 64x64 pixels, and only to MP4 and WebM (ffmpeg 5.1 does not
 *       write AV1 to QuickTime); H.265 needs at least 16x16. Both are refused at validation.</li>
 *   <li>The output folder's path must not hold a {@code %} (ffmpeg reads HLS file names as patterns), the scratch
 *       folder's none of the glob characters *, ?, [ and { (the PNG decoded from a HEIC file is found by a glob:
 *       heif-convert names it decoded.png, or decoded-1.png and so on when the file holds several images, of which
 *       the first is taken).</li>
 * </ul>
 */
package io.mediawerk.transform.plan;

package io.mediawerk.media.probe;

/**
 * The file formats the API accepts, as recognised from their first bytes. The kind is only a hint: an MP4, MKV,
 * WebM or Ogg file may hold audio alone, which is known only after probing.
 */
public enum MediaFormat {
    MP4(MediaKind.VIDEO, "video/mp4", "mp4", "mp4", "MP4"),
    MOV(MediaKind.VIDEO, "video/quicktime", "mov", "mov", "MOV (QuickTime)"),
    MKV(MediaKind.VIDEO, "video/x-matroska", "mkv", "mkv", "MKV (Matroska)"),
    WEBM(MediaKind.VIDEO, "video/webm", "webm", "webm", "WebM"),
    HEVC(MediaKind.VIDEO, "video/hevc", "hevc", "hevc", "HEVC (raw H.265 stream)"),
    JPEG(MediaKind.IMAGE, "image/jpeg", "jpeg", "jpg", "JPEG"),
    PNG(MediaKind.IMAGE, "image/png", "png", "png", "PNG"),
    GIF(MediaKind.IMAGE, "image/gif", "gif", "gif", "GIF"),
    WEBP(MediaKind.IMAGE, "image/webp", "webp", "webp", "WebP"),
    HEIC(MediaKind.IMAGE, "image/heic", "heif", "heic", "HEIC"),
    MP3(MediaKind.AUDIO, "audio/mpeg", "mp3", "mp3", "MP3"),
    AAC(MediaKind.AUDIO, "audio/aac", "aac", "aac", "AAC (ADTS)"),
    M4A(MediaKind.AUDIO, "audio/mp4", "m4a", "m4a", "M4A"),
    WAV(MediaKind.AUDIO, "audio/wav", "wav", "wav", "WAV"),
    OGG(MediaKind.AUDIO, "audio/ogg", "ogg", "ogg", "Ogg (Opus, Vorbis)"),
    FLAC(MediaKind.AUDIO, "audio/flac", "flac", "flac", "FLAC");

    private final String kind;
    private final String mimeType;
    private final String container;
    private final String extension;
    private final String label;

    MediaFormat(String kind, String mimeType, String container, String extension, String label) {
        this.kind = kind;
        this.mimeType = mimeType;
        this.container = container;
        this.extension = extension;
        this.label = label;
    }

    /** The kind this format usually holds, before probing tells what is really inside. */
    public String kind() {
        return kind;
    }

    public String mimeType() {
        return mimeType;
    }

    public String container() {
        return container;
    }

    /** The file extension for delivery URLs, without the dot. */
    public String extension() {
        return extension;
    }

    /** The name users know the format by, for messages. */
    public String label() {
        return label;
    }

    /** The MIME type of a file of this format once probing found it holds {@code actualKind}. */
    public String mimeTypeFor(String actualKind) {
        if (actualKind.equals(kind)) {
            return mimeType;
        }
        if (MediaKind.AUDIO.equals(actualKind)) {
            return switch (this) {
                case MP4, MOV -> "audio/mp4";
                case MKV -> "audio/x-matroska";
                case WEBM -> "audio/webm";
                default -> mimeType;
            };
        }
        if (MediaKind.VIDEO.equals(actualKind)) {
            return switch (this) {
                case M4A -> "video/mp4";
                case OGG -> "video/ogg";
                default -> mimeType;
            };
        }
        return mimeType;
    }
}

package io.mediawerk.files;

import io.mediawerk.api.PublicUrls;
import io.mediawerk.config.DomainSettings;
import io.mediawerk.domain.ActiveDomains;
import io.mediawerk.source.Source;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where a source is delivered: {@code /files/<source id>.<extension>}, or {@code /files/<source id>/<file>} for a
 * source of several files (so that an HLS playlist's relative links resolve); ids only, nothing a user named. On
 * the project's custom domain once one is active.
 */
@ApplicationScoped
public class DeliveryUrls {

    public static final String PREFIX = "/files/";

    private final PublicUrls urls;
    private final ActiveDomains domains;
    private final String customScheme;

    public DeliveryUrls(PublicUrls urls, ActiveDomains domains, DomainSettings domainSettings) {
        this.urls = urls;
        this.domains = domains;
        this.customScheme = domainSettings.urlScheme();
    }

    public String of(Source source) {
        return absolute(source.projectId, PREFIX + fileOf(source));
    }

    /** The path of a source's (main) file below a delivery prefix: {@code <id>.<ext>} or {@code <id>/<file>}. */
    static String fileOf(Source source) {
        return source.files != null
                ? source.id + "/" + source.mainFile
                : source.id + (source.extension == null ? "" : "." + source.extension);
    }

    /** The URL of a delivery path: on the project's custom domain when it has an active one. */
    String absolute(String projectId, String path) {
        String host = domains.hostOf(projectId);
        return host == null ? urls.of(path) : customScheme + "://" + host + path;
    }
}

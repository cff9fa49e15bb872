package io.mediawerk.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the {@code meta} and {@code links} of responses; the one place that knows their shape. */
@ApplicationScoped
public class EnvelopeFactory {

    private final PublicUrls urls;

    public EnvelopeFactory(PublicUrls urls) {
        this.urls = urls;
    }

    public Envelope object(CallContext call, String method, String pathAndQuery, int status, ApiObject object) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", urls.of(object.selfPath()));
        links.put("parent", urls.of(object.parentPath()));
        Object data = object instanceof StoredObject stored ? stored.data() : object;
        return new Envelope(meta(call, method, pathAndQuery, status, "object", null), data, links);
    }

    private static final Set<String> PAGING = Set.of("page", "after", "before");

    public Envelope list(CallContext call, String method, String path, String query, int status, Page<?> page) {
        String pathAndQuery = query == null || query.isEmpty() ? path : path + "?" + query;
        if (page.byCursor()) {
            Map<String, String> links = new LinkedHashMap<>();
            links.put("self", urls.of(pathAndQuery));
            links.put("first", pageUrl(path, query, null, null));
            links.put("prev", page.prevBefore() == null ? null : pageUrl(path, query, "before", page.prevBefore()));
            links.put("next", page.nextAfter() == null ? null : pageUrl(path, query, "after", page.nextAfter()));
            links.put("last", null);
            return new Envelope(meta(call, method, pathAndQuery, status, "list", page), page.items(), links);
        }
        int last = Math.max(page.pages(), 1);
        int current = page.request().page();
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", pageUrl(path, query, "page", String.valueOf(current)));
        links.put("first", pageUrl(path, query, "page", "1"));
        links.put(
                "prev", current > 1 ? pageUrl(path, query, "page", String.valueOf(Math.min(current - 1, last))) : null);
        links.put("next", current < page.pages() ? pageUrl(path, query, "page", String.valueOf(current + 1)) : null);
        links.put("last", pageUrl(path, query, "page", String.valueOf(last)));
        return new Envelope(meta(call, method, pathAndQuery, status, "list", page), page.items(), links);
    }

    public ErrorEnvelope error(
            CallContext call,
            String method,
            String pathAndQuery,
            int status,
            String code,
            String message,
            String param) {
        return new ErrorEnvelope(
                meta(call, method, pathAndQuery, status, "error", null),
                new ErrorEnvelope.Error(message, code, param),
                Map.of());
    }

    private Meta meta(CallContext call, String method, String url, int status, String type, Page<?> page) {
        Caller caller = call.caller();
        return new Meta(
                call.requestId(),
                method,
                url,
                call.version(),
                status,
                caller == null ? null : caller.orgId(),
                caller == null ? null : caller.projectId(),
                type,
                page == null ? null : page.total(),
                page == null ? null : page.request().limit(),
                page == null || page.byCursor() ? null : page.request().page(),
                page == null ? null : page.pages());
    }

    /** The list's URL with its paging parameters replaced by {@code name=value} (none when name is null). */
    private String pageUrl(String path, String query, String name, String value) {
        List<String> params = new ArrayList<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                String key = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (!pair.isEmpty() && !PAGING.contains(key)) {
                    params.add(pair);
                }
            }
        }
        if (name != null) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return urls.of(params.isEmpty() ? path : path + "?" + String.join("&", params));
    }
}

package io.mediawerk.transform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract's schema of each transform kind names exactly the options its reader accepts. */
class TransformSchemasTest {

    private static final List<String> COMMON = List.of("media_id", "source_id", "kind", "label");

    static List<Object[]> kinds() {
        return List.of(
                new Object[] {"VideoTransform", VideoOptions.NAMES},
                new Object[] {"ImageTransform", ImageOptions.NAMES},
                new Object[] {"AudioTransform", AudioOptions.NAMES},
                new Object[] {"ThumbnailsTransform", ThumbnailsOptions.NAMES},
                new Object[] {"AnimationTransform", AnimationOptions.NAMES});
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void documentsExactlyTheOptionsItsReaderTakes(String schema, List<String> options) throws IOException {
        JsonNode document = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("docs/openapi.yaml").toFile());
        JsonNode properties = document.at("/components/schemas/" + schema + "/properties");
        List<String> documented = new ArrayList<>();
        properties.fieldNames().forEachRemaining(documented::add);
        documented.removeAll(COMMON);
        assertThat(documented).as(schema).containsExactlyInAnyOrderElementsOf(options);
        assertThat(document.at("/components/schemas/CreateTransformRequest/discriminator/mapping").properties().stream()
                        .map(Map.Entry::getKey)
                        .toList())
                .containsExactlyInAnyOrderElementsOf(TransformOptions.KINDS);
    }
}

package io.mediawerk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValidUnicodeTest {

    record Body(String name, Map<String, Object> metadata, List<String> tags) {}

    private final ObjectMapper json = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new JsonSettings().customize(mapper);
        return mapper;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\":\"a\\ud800\"}|name",
                "{\"name\":\"\\udc00b\"}|name",
                "{\"tags\":[\"ok\",\"\\ud800\"]}|tags[1]",
                "{\"metadata\":{\"notes\":[\"fine\",\"\\ud800\"]}}|metadata.notes[1]",
                "{\"metadata\":{\"a\":{\"b\":\"\\ud800\"}}}|metadata.a.b",
                "{\"metadata\":{\"\\ud800\":1}}|metadata"
            })
    void aLoneSurrogateIsRefusedWithItsField(String body, String field) {
        // as text and as the bytes a request brings (Jackson's byte parser checks field names itself)
        for (Object input : List.of(body, body.getBytes(StandardCharsets.UTF_8))) {
            assertThatThrownBy(() -> read(input)).isInstanceOfSatisfying(JsonProcessingException.class, e -> {
                ApiException error = JsonErrors.toApiException(e);
                assertThat(error.code()).isEqualTo("invalid_unicode");
                assertThat(error.param()).isEqualTo(field);
            });
        }
    }

    private Body read(Object input) throws Exception {
        return input instanceof byte[] bytes
                ? json.readValue(bytes, Body.class)
                : json.readValue((String) input, Body.class);
    }

    @Test
    void treesAreCheckedToo() {
        assertThatThrownBy(() -> json.readValue("{\"a\":[{\"b\":\"\\udfff\"}]}", ObjectNode.class))
                .isInstanceOfSatisfying(
                        JsonProcessingException.class,
                        e -> assertThat(JsonErrors.toApiException(e).param()).isEqualTo("a[0].b"));
    }

    @Test
    void pairsAndPlainTextPass() throws Exception {
        Body body = json.readValue(
                "{\"name\":\"smile \\ud83d\\ude00\",\"metadata\":{\"n\":1,\"x\":[1.5,true,null]},"
                        + "\"tags\":[\"\u00e9\"]}",
                Body.class);
        assertThat(body.name()).isEqualTo("smile \uD83D\uDE00");
        assertThat(body.metadata()).containsEntry("n", 1);
        assertThat(body.metadata().get("x")).isEqualTo(java.util.Arrays.asList(1.5, true, null));
        assertThat(body.tags()).containsExactly("\u00e9");
    }
}

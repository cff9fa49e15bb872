package io.mediawerk.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses text that is not valid Unicode: a JSON escape of half a surrogate pair ({@code "\ud800"}) parses into a
 * Java string that cannot be stored as UTF-8 (PostgreSQL would keep {@code ?}). Every string, object key and tree
 * read from a request goes through here.
 */
final class ValidUnicode extends SimpleModule {

    /** A request string that holds a lone surrogate; {@link JsonErrors} names its field. */
    static final class InvalidUnicodeException extends MismatchedInputException {
        InvalidUnicodeException(JsonParser parser) {
            super(parser, "The text holds a lone surrogate", String.class);
        }
    }

    ValidUnicode() {
        super("mediawerk-valid-unicode");
        addDeserializer(String.class, new JsonDeserializer<>() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return checked(p, StringDeserializer.instance.deserialize(p, ctxt));
            }
        });
        addKeyDeserializer(String.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                return checked(ctxt.getParser(), key);
            }
        });
        addDeserializer(JsonNode.class, tree(JsonNode.class));
        addDeserializer(ObjectNode.class, tree(ObjectNode.class));
        addDeserializer(ArrayNode.class, tree(ArrayNode.class));
        addDeserializer(Object.class, new JsonDeserializer<>() {
            @Override
            public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                JsonNode node = ctxt.readTree(p);
                check(p, node);
                return plain(node);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static <T extends JsonNode> JsonDeserializer<T> tree(Class<T> type) {
        JsonDeserializer<T> standard = (JsonDeserializer<T>) JsonNodeDeserializer.getDeserializer(type);
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                T node = standard.deserialize(p, ctxt);
                check(p, node);
                return node;
            }

            @Override
            public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
                return standard.getNullValue(ctxt);
            }
        };
    }

    private static String checked(JsonParser p, String text) throws InvalidUnicodeException {
        if (text != null && hasLoneSurrogate(text)) {
            throw new InvalidUnicodeException(p);
        }
        return text;
    }

    /** Walks a tree; a bad key or text anywhere fails with the path to it. */
    private static void check(JsonParser p, JsonNode node) throws InvalidUnicodeException {
        if (node.isTextual()) {
            checked(p, node.textValue());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                try {
                    check(p, node.get(i));
                } catch (InvalidUnicodeException e) {
                    e.prependPath(node, i);
                    throw e;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                try {
                    checked(p, field.getKey());
                    check(p, field.getValue());
                } catch (InvalidUnicodeException e) {
                    e.prependPath(node, field.getKey());
                    throw e;
                }
            }
        }
    }

    /** A tree as the plain Java values Jackson gives for {@code Object}: maps, lists, strings, numbers, booleans. */
    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(field -> map.put(field.getKey(), plain(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}

package io.mediawerk.database;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * Reads one entity's columns from a row of the pooled client, left to right from a starting index, so hot reads
 * can skip the Hibernate session. JSON columns must be selected as text ({@code column::text}).
 */
public final class RowReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<Map<String, Long>> SIZES = new TypeReference<>() {};

    private final Row row;
    private int next;

    public RowReader(Row row, int first) {
        this.row = row;
        this.next = first;
    }

    /** Whether the column the next read would take is null (a left join that found nothing). */
    public boolean nextIsNull() {
        return row.getValue(next) == null;
    }

    public String string() {
        return row.getString(next++);
    }

    public Integer integer() {
        return row.getInteger(next++);
    }

    public Long number() {
        return row.getLong(next++);
    }

    public Double decimal() {
        return row.getDouble(next++);
    }

    public Boolean bool() {
        return row.getBoolean(next++);
    }

    public Instant instant() {
        OffsetDateTime time = row.getOffsetDateTime(next++);
        return time == null ? null : time.toInstant();
    }

    public Map<String, Object> object() {
        return parse(string(), OBJECT);
    }

    public Map<String, Long> sizes() {
        return parse(string(), SIZES);
    }

    private static <T> T parse(String text, TypeReference<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON column holds no JSON object", e);
        }
    }

    /** {@code columns} each prefixed with {@code alias.}, joined by commas. */
    public static String select(String alias, String... columns) {
        StringBuilder sql = new StringBuilder();
        for (String column : columns) {
            if (!sql.isEmpty()) {
                sql.append(", ");
            }
            sql.append(alias).append('.').append(column);
        }
        return sql.toString();
    }
}

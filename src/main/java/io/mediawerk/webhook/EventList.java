package io.mediawerk.webhook;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** A webhook's event types in one text column, comma-separated (types never contain commas). */
@Converter
public class EventList implements AttributeConverter<List<String>, String> {

    @Override
    public String convertToDatabaseColumn(List<String> events) {
        return String.join(",", events);
    }

    @Override
    public List<String> convertToEntityAttribute(String column) {
        return Arrays.asList(column.split(","));
    }
}

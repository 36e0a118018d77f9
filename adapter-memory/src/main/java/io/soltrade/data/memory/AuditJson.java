package io.soltrade.data.memory;

import io.soltrade.data.domain.OrderTrigger;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.token.TokenExtension;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a configuration entity as the JSON the audit log keeps: records as objects of their components,
 * one-string-component records (keys, ids, symbols) as strings, u64 amounts and decimals as exact numbers,
 * empty optionals as null. Enough for the audit trail without a JSON library in this module.
 */
final class AuditJson {
    private AuditJson() {}

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Optional<?> optional) {
            write(out, optional.orElse(null));
        } else if (value instanceof TokenAmount amount) {
            out.append(amount);
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                string(out, String.valueOf(entry.getKey()));
                out.append(':');
                write(out, entry.getValue());
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            String separator = "";
            for (Object item : items) {
                out.append(separator);
                write(out, item);
                separator = ",";
            }
            out.append(']');
        } else if (value instanceof Record record) {
            writeRecord(out, record);
        } else {
            string(out, value.toString());
        }
    }

    private static void writeRecord(StringBuilder out, Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        if (components.length == 1 && components[0].getType() == String.class) {
            string(out, String.valueOf(read(record, components[0])));
            return;
        }
        out.append('{');
        String separator = "";
        if (record instanceof OrderTrigger trigger) {
            out.append("\"kind\":");
            string(out, trigger.kind().name());
            separator = ",";
        } else if (record instanceof TokenExtension extension) {
            out.append("\"type\":");
            string(out, extension.type().name());
            separator = ",";
        }
        for (RecordComponent component : components) {
            out.append(separator);
            string(out, component.getName());
            out.append(':');
            write(out, read(record, component));
            separator = ",";
        }
        out.append('}');
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass().getSimpleName(), e);
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

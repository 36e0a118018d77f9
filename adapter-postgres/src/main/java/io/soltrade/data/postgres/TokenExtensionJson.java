package io.soltrade.data.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.token.ExtensionType;
import io.soltrade.data.domain.token.TokenExtension;
import io.soltrade.data.domain.token.TokenExtensionCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.JSONB;

/**
 * How Token-2022 extensions sit in {@code tokens.extensions}: a JSON array with one object per extension,
 * {@code {"type": "<ExtensionType>", "fields": {"<name>": "<text>", ...}}}. {@code type} is outside
 * {@code fields} so the GIN index answers "which mints carry X" with {@code extensions @> [{"type": X}]}.
 *
 * <p>The fields of each extension are the domain's {@link TokenExtensionCodec} map, less its {@code type} key.
 */
final class TokenExtensionJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<StoredExtension>> STORED_LIST = new TypeReference<>() {};

    private record StoredExtension(String type, Map<String, String> fields) {}

    private TokenExtensionJson() {}

    static JSONB toJsonb(List<TokenExtension> extensions) {
        List<StoredExtension> stored = new ArrayList<>(extensions.size());
        for (TokenExtension extension : extensions) {
            stored.add(new StoredExtension(extension.type().name(), fieldsOf(extension)));
        }
        return JSONB.valueOf(write(stored));
    }

    static List<TokenExtension> fromJsonb(JSONB json) {
        List<StoredExtension> stored;
        try {
            stored = JSON.readValue(json.data(), STORED_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("extensions are not a JSON array of {type, fields}: " + e.getOriginalMessage(), e);
        }
        List<TokenExtension> extensions = new ArrayList<>(stored.size());
        for (StoredExtension extension : stored) {
            extensions.add(extensionOf(ExtensionType.valueOf(extension.type()), extension.fields()));
        }
        return extensions;
    }

    /** The JSON a row's extensions contain ({@code @>}) exactly when one extension is of {@code type}. */
    static JSONB containing(ExtensionType type) {
        return JSONB.valueOf(write(List.of(Map.of("type", type.name()))));
    }

    private static Map<String, String> fieldsOf(TokenExtension extension) {
        Map<String, String> fields = new TreeMap<>(TokenExtensionCodec.toFields(extension));
        fields.remove(TokenExtensionCodec.TYPE);
        return fields;
    }

    private static TokenExtension extensionOf(ExtensionType type, Map<String, String> fields) {
        Map<String, String> all = new HashMap<>(fields == null ? Map.of() : fields);
        all.put(TokenExtensionCodec.TYPE, type.name());
        try {
            return TokenExtensionCodec.fromFields(all);
        } catch (DomainValidationException e) {
            throw new IllegalArgumentException("stored " + type + " extension is malformed: " + e.getMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write extensions as JSON", e);
        }
    }
}

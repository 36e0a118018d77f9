package io.soltrade.data.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.domain.token.ExtensionType;
import io.soltrade.data.domain.token.TokenExtension;
import io.soltrade.data.domain.token.TokenExtensionCodec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;

/**
 * How Token-2022 extensions sit in {@code tokens.extensions}: a JSON array with one flat object of strings per
 * extension, exactly the domain's {@link TokenExtensionCodec} map ({@code {"type": "TRANSFER_FEE_CONFIG",
 * "withheldAmount": "0", ...}}). Its {@code type} key is what the GIN index answers "which mints carry X" with:
 * {@code extensions @> '[{"type": "X"}]'}. The codec owns the fields of every extension; this class only moves
 * its maps in and out of JSON.
 */
final class TokenExtensionJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<LinkedHashMap<String, String>>> STORED_LIST = new TypeReference<>() {};

    private TokenExtensionJson() {}

    static JSONB toJsonb(List<TokenExtension> extensions) {
        List<Map<String, String>> stored = new ArrayList<>(extensions.size());
        for (TokenExtension extension : extensions) {
            stored.add(TokenExtensionCodec.toFields(extension));
        }
        return JSONB.valueOf(write(stored));
    }

    static List<TokenExtension> fromJsonb(JSONB json) {
        List<LinkedHashMap<String, String>> stored;
        try {
            stored = JSON.readValue(json.data(), STORED_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("extensions are not a JSON array of objects of strings: " + e.getOriginalMessage(), e);
        }
        List<TokenExtension> extensions = new ArrayList<>(stored.size());
        for (Map<String, String> fields : stored) {
            extensions.add(TokenExtensionCodec.fromFields(fields));
        }
        return extensions;
    }

    /** The JSON a row's extensions contain ({@code @>}) exactly when one extension is of {@code type}. */
    static JSONB containing(ExtensionType type) {
        return JSONB.valueOf(write(List.of(Map.of(TokenExtensionCodec.TYPE, type.name()))));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write extensions as JSON", e);
        }
    }
}

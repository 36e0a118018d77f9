package io.soltrade.data.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.token.ExtensionType;
import io.soltrade.data.domain.token.TokenExtension;
import io.soltrade.data.domain.token.TransferFeeConfig;
import io.soltrade.data.domain.token.UnknownExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;

/**
 * How Token-2022 extensions sit in {@code tokens.extensions}: a JSON array with one object per extension,
 * {@code {"type": "<ExtensionType>", "fields": {"<name>": "<text>", ...}}}. {@code type} is outside
 * {@code fields} so the GIN index answers "which mints carry X" with {@code extensions @> [{"type": X}]}.
 *
 * <p>This is the only class that knows the fields of each extension ({@link #fieldsOf} and {@link #extensionOf});
 * once the domain's {@code TokenExtensionCodec} is on main, those two methods become calls to it.
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
        Map<String, String> fields = new LinkedHashMap<>();
        if (extension instanceof TransferFeeConfig fee) {
            fields.put("epoch", Long.toString(fee.epoch()));
            fields.put("transferFeeBasisPoints", Integer.toString(fee.transferFeeBasisPoints()));
            fields.put("maximumFee", fee.maximumFee().toString());
        } else if (extension instanceof UnknownExtension unknown) {
            fields.put("typeCode", Integer.toString(unknown.typeCode()));
            fields.put("base64Data", unknown.base64Data());
        } else {
            throw new IllegalArgumentException("no JSON mapping for " + extension.type());
        }
        return fields;
    }

    private static TokenExtension extensionOf(ExtensionType type, Map<String, String> fields) {
        return switch (type) {
            case TRANSFER_FEE_CONFIG -> new TransferFeeConfig(Long.parseLong(required(fields, "epoch")),
                    Integer.parseInt(required(fields, "transferFeeBasisPoints")), TokenAmount.parse(required(fields, "maximumFee")));
            case UNKNOWN -> new UnknownExtension(Integer.parseInt(required(fields, "typeCode")), required(fields, "base64Data"));
        };
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields == null ? null : fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("extension field '" + name + "' is missing");
        }
        return value;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write extensions as JSON", e);
        }
    }
}

package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import java.util.Base64;

/** An extension this code has no record for, kept as its TLV type code and raw data so it round-trips. */
public record UnknownExtension(int typeCode, String base64Data) implements TokenExtension {

    public UnknownExtension {
        Checks.inRange(typeCode, "typeCode", 0, 65_535);
        Checks.notNull(base64Data, "base64Data");
        try {
            Base64.getDecoder().decode(base64Data);
        } catch (IllegalArgumentException e) {
            throw new io.soltrade.data.domain.DomainValidationException("base64Data", "is not base64: " + e.getMessage());
        }
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.UNKNOWN;
    }
}

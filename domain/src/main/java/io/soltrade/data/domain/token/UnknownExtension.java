package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import java.util.Base64;

/**
 * An extension this code has no record for (a type newer than this code, or an account-only type), kept as its
 * TLV type code and raw data so it round-trips unchanged.
 *
 * @param typeCode the u16 TLV type code
 * @param base64Data the extension's raw bytes, standard base64
 */
public record UnknownExtension(int typeCode, String base64Data) implements TokenExtension {

    public UnknownExtension {
        Checks.inRange(typeCode, "typeCode", 0, 65_535);
        Checks.notNull(base64Data, "base64Data");
        try {
            Base64.getDecoder().decode(base64Data);
        } catch (IllegalArgumentException e) {
            throw new DomainValidationException("base64Data", "is not base64: " + e.getMessage());
        }
    }

    @Override
    public ExtensionType type() {
        return ExtensionType.UNKNOWN;
    }

    /** The raw extension bytes. */
    public byte[] data() {
        return Base64.getDecoder().decode(base64Data);
    }
}

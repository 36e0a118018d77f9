package io.soltrade.data.domain;

/** A Solana transaction signature: base58 text that decodes to exactly 64 bytes. */
public record TxSignature(String base58) {
    public static final int BYTES = 64;

    public TxSignature {
        Base58.decode(base58, BYTES, "signature");
    }

    public static TxSignature of(String base58) {
        return new TxSignature(base58);
    }

    public static TxSignature ofBytes(byte[] bytes) {
        Checks.notNull(bytes, "signature");
        if (bytes.length != BYTES) {
            throw new DomainValidationException("signature", "has " + bytes.length + " bytes, expected " + BYTES);
        }
        return new TxSignature(Base58.encode(bytes));
    }

    public byte[] bytes() {
        return Base58.decode(base58, BYTES, "signature");
    }

    @Override
    public String toString() {
        return base58;
    }
}

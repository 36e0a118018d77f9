package io.soltrade.data.domain;

/**
 * A Solana public key: base58 text that decodes to exactly 32 bytes. Off-curve program-derived addresses are
 * valid keys too, so no curve check is made. Base58 is canonical for a fixed length, so two equal keys always
 * have equal text.
 */
public record Pubkey(String base58) implements Comparable<Pubkey> {
    public static final int BYTES = 32;

    public Pubkey {
        Base58.decode(base58, BYTES, "pubkey");
    }

    public static Pubkey of(String base58) {
        return new Pubkey(base58);
    }

    public static Pubkey ofBytes(byte[] bytes) {
        Checks.notNull(bytes, "pubkey");
        if (bytes.length != BYTES) {
            throw new DomainValidationException("pubkey", "has " + bytes.length + " bytes, expected " + BYTES);
        }
        return new Pubkey(Base58.encode(bytes));
    }

    public byte[] bytes() {
        return Base58.decode(base58, BYTES, "pubkey");
    }

    @Override
    public int compareTo(Pubkey other) {
        return base58.compareTo(other.base58);
    }

    @Override
    public String toString() {
        return base58;
    }
}

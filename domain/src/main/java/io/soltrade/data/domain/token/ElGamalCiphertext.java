package io.soltrade.data.domain.token;

/** A twisted-ElGamal ciphertext (64 bytes): an encrypted amount of a confidential mint; base64. */
public record ElGamalCiphertext(String base64) {
    public static final int BYTES = 64;

    public ElGamalCiphertext {
        FixedBytes.base64(base64, BYTES, "elGamalCiphertext");
    }

    public static ElGamalCiphertext ofBytes(byte[] bytes) {
        return new ElGamalCiphertext(FixedBytes.encode(bytes, BYTES, "elGamalCiphertext"));
    }

    public byte[] bytes() {
        return FixedBytes.decode(base64);
    }

    @Override
    public String toString() {
        return base64;
    }
}

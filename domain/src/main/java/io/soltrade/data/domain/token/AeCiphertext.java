package io.soltrade.data.domain.token;

/** An authenticated-encryption (AES-GCM-SIV) ciphertext (36 bytes) the owner of a key can decrypt; base64. */
public record AeCiphertext(String base64) {
    public static final int BYTES = 36;

    public AeCiphertext {
        FixedBytes.base64(base64, BYTES, "aeCiphertext");
    }

    public static AeCiphertext ofBytes(byte[] bytes) {
        return new AeCiphertext(FixedBytes.encode(bytes, BYTES, "aeCiphertext"));
    }

    public byte[] bytes() {
        return FixedBytes.decode(base64);
    }

    @Override
    public String toString() {
        return base64;
    }
}

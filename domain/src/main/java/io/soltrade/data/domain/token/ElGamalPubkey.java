package io.soltrade.data.domain.token;

/** An ElGamal public key of the zk-token proof system (32 bytes), used by confidential transfers; base64. */
public record ElGamalPubkey(String base64) {
    public static final int BYTES = 32;

    public ElGamalPubkey {
        FixedBytes.base64(base64, BYTES, "elGamalPubkey");
    }

    public static ElGamalPubkey ofBytes(byte[] bytes) {
        return new ElGamalPubkey(FixedBytes.encode(bytes, BYTES, "elGamalPubkey"));
    }

    public byte[] bytes() {
        return FixedBytes.decode(base64);
    }

    @Override
    public String toString() {
        return base64;
    }
}

package io.soltrade.data.reliability.badinput;

/**
 * Defects this suite found in an adapter and that are not fixed yet. A backend's group declares the ones it has
 * ({@link BadInputKit#knownIssues()}), and the generators then leave out exactly the inputs that hit them, so
 * the rest of the input space keeps being checked. Remove a constant when its adapter is fixed: the inputs come
 * back and the suite proves the fix. Each is listed in the it-tests README.
 */
public enum KnownIssue {
    /**
     * adapter-questdb: a metric label value holding a character outside the Basic Multilingual Plane (an emoji,
     * a flag) is stored with each UTF-16 surrogate replaced by '?', so it reads back different from what was
     * acknowledged.
     */
    QUESTDB_NON_BMP_LABELS,
    /**
     * domain: {@code TokenAmount.of(BigInteger)} puts the whole rejected number in its message, so a huge value
     * (10^1000) makes a message of more than a thousand characters.
     */
    DOMAIN_HUGE_AMOUNT_MESSAGE,
    /**
     * domain: {@code TokenExtensionCodec.fromFields} refuses a malformed additional-metadata entry (an unpaired
     * surrogate) naming the record's field ({@code additionalMetadata key}, {@code additionalMetadata.<key>})
     * instead of its map key ({@code additionalMetadata.<i>.key}, {@code additionalMetadata.<i>.value}), against
     * its documented contract of naming the key.
     */
    DOMAIN_CODEC_METADATA_KEY_FIELD;

    /** Whether {@code text} holds a surrogate (a character outside the Basic Multilingual Plane). */
    static boolean hasNonBmp(String text) {
        return text.chars().anyMatch(c -> Character.isSurrogate((char) c));
    }
}

package io.soltrade.data.domain;

/**
 * A value failed the domain's validation. The message always names the field and what is wrong with it,
 * so the caller can fix the input without reading code.
 */
public final class DomainValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;

    public DomainValidationException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The name of the field (or argument) that was rejected. */
    public String field() {
        return field;
    }
}

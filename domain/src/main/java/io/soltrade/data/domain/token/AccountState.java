package io.soltrade.data.domain.token;

/** A token account's state, with the byte the token programs store for it. */
public enum AccountState {
    UNINITIALIZED(0),
    INITIALIZED(1),
    /** Neither transfers in nor out are possible until the freeze authority thaws the account. */
    FROZEN(2);

    private final int code;

    AccountState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}

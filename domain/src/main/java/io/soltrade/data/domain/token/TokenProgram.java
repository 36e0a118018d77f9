package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Pubkey;

/** The two SPL token programs a mint can belong to. Only Token-2022 mints carry extensions. */
public enum TokenProgram {
    SPL_TOKEN("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA"),
    TOKEN_2022("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");

    private final Pubkey programId;

    TokenProgram(String programId) {
        this.programId = Pubkey.of(programId);
    }

    public Pubkey programId() {
        return programId;
    }
}

package io.soltrade.data.domain;

/** The venues whose pools are tracked. */
public enum Dex {
    RAYDIUM_AMM,
    RAYDIUM_CLMM,
    RAYDIUM_CPMM,
    ORCA_WHIRLPOOL,
    METEORA_DLMM,
    METEORA_DAMM,
    PHOENIX,
    OPENBOOK,
    PUMP_FUN,
    LIFINITY
}

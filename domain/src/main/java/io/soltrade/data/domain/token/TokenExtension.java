package io.soltrade.data.domain.token;

/**
 * A Token-2022 mint extension. The set is closed: every mint extension of the SPL Token-2022 program has a
 * record here, and {@link UnknownExtension} carries any other one unchanged so it round-trips through a store.
 */
public sealed interface TokenExtension permits TransferFeeConfig, UnknownExtension {

    ExtensionType type();
}

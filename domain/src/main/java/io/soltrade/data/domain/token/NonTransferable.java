package io.soltrade.data.domain.token;

/** The token cannot be transferred at all (a "soulbound" token): it cannot be traded. The extension has no data. */
public record NonTransferable() implements TokenExtension {

    @Override
    public ExtensionType type() {
        return ExtensionType.NON_TRANSFERABLE;
    }
}

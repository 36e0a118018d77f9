package io.soltrade.data.domain.token;

import io.soltrade.data.domain.Checks;
import io.soltrade.data.domain.DomainValidationException;
import io.soltrade.data.domain.Pubkey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns a {@link TokenExtension} into a flat map of strings and back, so an adapter can store extensions as JSON
 * (jsonb in PostgreSQL, a string in Redis) without the domain depending on a JSON library. The format is stable:
 *
 * <ul>
 *   <li>{@code "type"}: the {@link ExtensionType} name, e.g. {@code TRANSFER_FEE_CONFIG} ({@code UNKNOWN} for an
 *       {@link UnknownExtension}, whose code is in {@code "typeCode"});
 *   <li>one entry per record component, under the component's name; nested values as {@code outer.inner}
 *       ({@code olderTransferFee.epoch}), the ordered additional metadata as {@code additionalMetadata.<i>.key} and
 *       {@code additionalMetadata.<i>.value} with {@code additionalMetadata.count};
 *   <li>token amounts and other u64 as unsigned decimal, i64 and small ints as signed decimal, booleans as
 *       {@code true}/{@code false}, doubles in Java's shortest round-trip form, pubkeys base58, binary base64;
 *   <li>an absent optional value has no entry at all.
 * </ul>
 *
 * {@link #fromFields} rejects a missing, malformed or unexpected entry with a {@link DomainValidationException}
 * naming the key; {@code fromFields(toFields(e)).equals(e)} holds for every extension.
 */
public final class TokenExtensionCodec {
    public static final String TYPE = "type";

    private TokenExtensionCodec() {}

    /** The extension as a sorted, unmodifiable map of strings. */
    public static SortedMap<String, String> toFields(TokenExtension extension) {
        Checks.notNull(extension, "extension");
        Writer out = new Writer();
        out.put(TYPE, extension.type().name());
        if (extension instanceof TransferFeeConfig e) {
            out.optional("transferFeeConfigAuthority", e.transferFeeConfigAuthority());
            out.optional("withdrawWithheldAuthority", e.withdrawWithheldAuthority());
            out.put("withheldAmount", e.withheldAmount().toString());
            out.transferFee("olderTransferFee", e.olderTransferFee());
            out.transferFee("newerTransferFee", e.newerTransferFee());
        } else if (extension instanceof MintCloseAuthority e) {
            out.optional("closeAuthority", e.closeAuthority());
        } else if (extension instanceof ConfidentialTransferMint e) {
            out.optional("authority", e.authority());
            out.put("autoApproveNewAccounts", Boolean.toString(e.autoApproveNewAccounts()));
            e.auditorElgamalPubkey().ifPresent(key -> out.put("auditorElgamalPubkey", key.base64()));
        } else if (extension instanceof DefaultAccountState e) {
            out.put("state", e.state().name());
        } else if (extension instanceof NonTransferable) {
            // no data
        } else if (extension instanceof InterestBearingConfig e) {
            out.optional("rateAuthority", e.rateAuthority());
            out.put("initializationTimestamp", Long.toString(e.initializationTimestamp()));
            out.put("preUpdateAverageRate", Integer.toString(e.preUpdateAverageRate()));
            out.put("lastUpdateTimestamp", Long.toString(e.lastUpdateTimestamp()));
            out.put("currentRate", Integer.toString(e.currentRate()));
        } else if (extension instanceof PermanentDelegate e) {
            out.optional("delegate", e.delegate());
        } else if (extension instanceof TransferHook e) {
            out.optional("authority", e.authority());
            out.optional("programId", e.programId());
        } else if (extension instanceof ConfidentialTransferFeeConfig e) {
            out.optional("authority", e.authority());
            out.put("withdrawWithheldAuthorityElgamalPubkey", e.withdrawWithheldAuthorityElgamalPubkey().base64());
            out.put("harvestToMintEnabled", Boolean.toString(e.harvestToMintEnabled()));
            out.put("withheldAmount", e.withheldAmount().base64());
        } else if (extension instanceof MetadataPointer e) {
            out.optional("authority", e.authority());
            out.optional("metadataAddress", e.metadataAddress());
        } else if (extension instanceof TokenMetadataExtension e) {
            out.optional("updateAuthority", e.updateAuthority());
            out.put("mint", e.mint().base58());
            out.put("name", e.name());
            out.put("symbol", e.symbol());
            out.put("uri", e.uri());
            out.put("additionalMetadata.count", Integer.toString(e.additionalMetadata().size()));
            int i = 0;
            for (Map.Entry<String, String> field : e.additionalMetadata().entrySet()) {
                out.put("additionalMetadata." + i + ".key", field.getKey());
                out.put("additionalMetadata." + i + ".value", field.getValue());
                i++;
            }
        } else if (extension instanceof GroupPointer e) {
            out.optional("authority", e.authority());
            out.optional("groupAddress", e.groupAddress());
        } else if (extension instanceof TokenGroup e) {
            out.optional("updateAuthority", e.updateAuthority());
            out.put("mint", e.mint().base58());
            out.put("size", Long.toUnsignedString(e.size()));
            out.put("maxSize", Long.toUnsignedString(e.maxSize()));
        } else if (extension instanceof GroupMemberPointer e) {
            out.optional("authority", e.authority());
            out.optional("memberAddress", e.memberAddress());
        } else if (extension instanceof TokenGroupMember e) {
            out.put("mint", e.mint().base58());
            out.put("group", e.group().base58());
            out.put("memberNumber", Long.toUnsignedString(e.memberNumber()));
        } else if (extension instanceof ScaledUiAmount e) {
            out.optional("authority", e.authority());
            out.put("multiplier", Double.toString(e.multiplier()));
            out.put("newMultiplierEffectiveTimestamp", Long.toString(e.newMultiplierEffectiveTimestamp()));
            out.put("newMultiplier", Double.toString(e.newMultiplier()));
        } else if (extension instanceof Pausable e) {
            out.optional("authority", e.authority());
            out.put("paused", Boolean.toString(e.paused()));
        } else if (extension instanceof ConfidentialMintBurn e) {
            out.put("confidentialSupply", e.confidentialSupply().base64());
            out.put("decryptableSupply", e.decryptableSupply().base64());
            out.put("supplyElgamalPubkey", e.supplyElgamalPubkey().base64());
            out.put("pendingBurn", e.pendingBurn().base64());
        } else if (extension instanceof PermissionedBurn e) {
            out.optional("authority", e.authority());
        } else if (extension instanceof UnknownExtension e) {
            out.put("typeCode", Integer.toString(e.typeCode()));
            out.put("base64Data", e.base64Data());
        } else {
            throw new IllegalStateException("no encoding for " + extension.getClass().getName());
        }
        return Collections.unmodifiableSortedMap(out.fields);
    }

    /**
     * The extension {@link #toFields} wrote.
     *
     * @throws DomainValidationException naming the key of a missing, malformed or unexpected entry
     */
    public static TokenExtension fromFields(Map<String, String> fields) {
        Checks.notNull(fields, "fields");
        ExtensionFields in = new ExtensionFields(fields);
        ExtensionType type = in.enumValue(TYPE, ExtensionType.class);
        TokenExtension extension = switch (type) {
            case TRANSFER_FEE_CONFIG -> new TransferFeeConfig(
                    in.optionalPubkey("transferFeeConfigAuthority"),
                    in.optionalPubkey("withdrawWithheldAuthority"),
                    in.amount("withheldAmount"),
                    transferFee(in, "olderTransferFee"),
                    transferFee(in, "newerTransferFee"));
            case MINT_CLOSE_AUTHORITY -> new MintCloseAuthority(in.optionalPubkey("closeAuthority"));
            case CONFIDENTIAL_TRANSFER_MINT -> new ConfidentialTransferMint(
                    in.optionalPubkey("authority"),
                    in.bool("autoApproveNewAccounts"),
                    in.optionalText("auditorElgamalPubkey").map(v -> in.parse("auditorElgamalPubkey", v, ElGamalPubkey::new)));
            case DEFAULT_ACCOUNT_STATE -> new DefaultAccountState(in.enumValue("state", AccountState.class));
            case NON_TRANSFERABLE -> new NonTransferable();
            case INTEREST_BEARING_CONFIG -> new InterestBearingConfig(
                    in.optionalPubkey("rateAuthority"),
                    in.i64("initializationTimestamp"),
                    in.integer("preUpdateAverageRate"),
                    in.i64("lastUpdateTimestamp"),
                    in.integer("currentRate"));
            case PERMANENT_DELEGATE -> new PermanentDelegate(in.optionalPubkey("delegate"));
            case TRANSFER_HOOK -> new TransferHook(in.optionalPubkey("authority"), in.optionalPubkey("programId"));
            case CONFIDENTIAL_TRANSFER_FEE_CONFIG -> new ConfidentialTransferFeeConfig(
                    in.optionalPubkey("authority"),
                    in.parse("withdrawWithheldAuthorityElgamalPubkey", in.text("withdrawWithheldAuthorityElgamalPubkey"), ElGamalPubkey::new),
                    in.bool("harvestToMintEnabled"),
                    in.parse("withheldAmount", in.text("withheldAmount"), ElGamalCiphertext::new));
            case METADATA_POINTER -> new MetadataPointer(in.optionalPubkey("authority"), in.optionalPubkey("metadataAddress"));
            case TOKEN_METADATA -> new TokenMetadataExtension(
                    in.optionalPubkey("updateAuthority"),
                    in.pubkey("mint"),
                    in.text("name"),
                    in.text("symbol"),
                    in.text("uri"),
                    additionalMetadata(in));
            case GROUP_POINTER -> new GroupPointer(in.optionalPubkey("authority"), in.optionalPubkey("groupAddress"));
            case TOKEN_GROUP -> new TokenGroup(in.optionalPubkey("updateAuthority"), in.pubkey("mint"), in.u64("size"), in.u64("maxSize"));
            case GROUP_MEMBER_POINTER -> new GroupMemberPointer(in.optionalPubkey("authority"), in.optionalPubkey("memberAddress"));
            case TOKEN_GROUP_MEMBER -> new TokenGroupMember(in.pubkey("mint"), in.pubkey("group"), in.u64("memberNumber"));
            case SCALED_UI_AMOUNT -> new ScaledUiAmount(
                    in.optionalPubkey("authority"),
                    in.f64("multiplier"),
                    in.i64("newMultiplierEffectiveTimestamp"),
                    in.f64("newMultiplier"));
            case PAUSABLE -> new Pausable(in.optionalPubkey("authority"), in.bool("paused"));
            case CONFIDENTIAL_MINT_BURN -> new ConfidentialMintBurn(
                    in.parse("confidentialSupply", in.text("confidentialSupply"), ElGamalCiphertext::new),
                    in.parse("decryptableSupply", in.text("decryptableSupply"), AeCiphertext::new),
                    in.parse("supplyElgamalPubkey", in.text("supplyElgamalPubkey"), ElGamalPubkey::new),
                    in.parse("pendingBurn", in.text("pendingBurn"), ElGamalCiphertext::new));
            case PERMISSIONED_BURN -> new PermissionedBurn(in.optionalPubkey("authority"));
            case UNKNOWN -> new UnknownExtension(in.integer("typeCode"), in.text("base64Data"));
            case UNINITIALIZED, TRANSFER_FEE_AMOUNT, CONFIDENTIAL_TRANSFER_ACCOUNT, IMMUTABLE_OWNER, MEMO_TRANSFER, CPI_GUARD,
                    NON_TRANSFERABLE_ACCOUNT, TRANSFER_HOOK_ACCOUNT, CONFIDENTIAL_TRANSFER_FEE_AMOUNT, PAUSABLE_ACCOUNT ->
                    throw new DomainValidationException(TYPE, type + " is not a mint extension; store it as UNKNOWN with its typeCode");
        };
        in.finish();
        return extension;
    }

    private static TransferFee transferFee(ExtensionFields in, String prefix) {
        try {
            return new TransferFee(in.u64(prefix + ".epoch"), in.amount(prefix + ".maximumFee"), in.integer(prefix + ".transferFeeBasisPoints"));
        } catch (DomainValidationException e) {
            if (e.field().startsWith(prefix + ".")) {
                throw e;
            }
            // TransferFee names its own field ("transferFeeBasisPoints"); the caller needs the map key it came from.
            String problem = e.getMessage().substring(Math.min(e.getMessage().length(), e.field().length() + 2));
            throw new DomainValidationException(prefix + "." + e.field(), problem);
        }
    }

    private static Map<String, String> additionalMetadata(ExtensionFields in) {
        int count = in.integer("additionalMetadata.count");
        if (count < 0 || count > TokenMetadataExtension.MAX_ADDITIONAL_FIELDS) {
            throw new DomainValidationException("additionalMetadata.count", count + " is outside 0.." + TokenMetadataExtension.MAX_ADDITIONAL_FIELDS);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            // checked here, under the map's own keys, before TokenMetadataExtension checks them under its field names
            String keyField = "additionalMetadata." + i + ".key";
            String valueField = "additionalMetadata." + i + ".value";
            String key = ExtensionChecks.onChainText(in.text(keyField), keyField, TokenMetadataExtension.MAX_TEXT_LENGTH);
            String value = ExtensionChecks.onChainText(in.text(valueField), valueField, TokenMetadataExtension.MAX_TEXT_LENGTH);
            if (fields.put(key, value) != null) {
                throw new DomainValidationException("additionalMetadata." + i + ".key", "repeats an earlier key");
            }
        }
        return fields;
    }

    private static final class Writer {
        final TreeMap<String, String> fields = new TreeMap<>();

        void put(String key, String value) {
            fields.put(key, value);
        }

        void optional(String key, Optional<Pubkey> value) {
            value.ifPresent(pubkey -> fields.put(key, pubkey.base58()));
        }

        void transferFee(String prefix, TransferFee fee) {
            put(prefix + ".epoch", Long.toUnsignedString(fee.epoch()));
            put(prefix + ".maximumFee", fee.maximumFee().toString());
            put(prefix + ".transferFeeBasisPoints", Integer.toString(fee.transferFeeBasisPoints()));
        }
    }
}

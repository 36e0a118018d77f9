package io.soltrade.data.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.soltrade.data.domain.TokenAmount;
import io.soltrade.data.domain.token.ExtensionType;
import io.soltrade.data.domain.token.TokenExtension;
import io.soltrade.data.domain.token.TransferFeeConfig;
import io.soltrade.data.domain.token.UnknownExtension;
import java.util.List;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;

class TokenExtensionJsonTest {

    @Test
    void roundTripsEveryExtensionExactly() {
        List<TokenExtension> extensions = List.of(new TransferFeeConfig(650, 50, TokenAmount.MAX), new UnknownExtension(4242, "AQID"));

        assertThat(TokenExtensionJson.fromJsonb(TokenExtensionJson.toJsonb(extensions))).isEqualTo(extensions);
        assertThat(TokenExtensionJson.fromJsonb(TokenExtensionJson.toJsonb(List.of()))).isEmpty();
    }

    @Test
    void storesTheCodecsFlatMapsSoContainmentOnTypeFindsThem() {
        JSONB stored = TokenExtensionJson.toJsonb(List.of(new TransferFeeConfig(1, 2, TokenAmount.of(3))));

        assertThat(stored.data()).startsWith("[{").contains("\"type\":\"TRANSFER_FEE_CONFIG\"").contains("\"newerTransferFee.epoch\":\"1\"");
        assertThat(TokenExtensionJson.containing(ExtensionType.TRANSFER_FEE_CONFIG).data()).isEqualTo("[{\"type\":\"TRANSFER_FEE_CONFIG\"}]");
    }

    @Test
    void rejectsStoredJsonOfTheWrongShape() {
        assertThatThrownBy(() -> TokenExtensionJson.fromJsonb(JSONB.valueOf("{\"type\":\"x\"}"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenExtensionJson.fromJsonb(JSONB.valueOf("[{\"type\":\"TRANSFER_FEE_CONFIG\"}]")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestDbEndpointsTest {

    @Test
    void eachEndpointGetsTheConfigurationWithItsOwnAddressAlone() {
        QuestDbEndpoints endpoints = QuestDbEndpoints.of("http::addr=a:9000;username=u;password=p;;q;addr=b:9001,c:9002;retry_timeout=0;");

        assertThat(endpoints.size()).isEqualTo(3);
        assertThat(endpoints.clientConfiguration(0)).isEqualTo("http::addr=a:9000;username=u;password=p;;q;retry_timeout=0;");
        assertThat(endpoints.clientConfiguration(2)).isEqualTo("http::addr=c:9002;username=u;password=p;;q;retry_timeout=0;");
        assertThat(QuestDbEndpoints.of("http::addr=127.0.0.1:9000;").size()).isEqualTo(1);
        assertThatThrownBy(() -> QuestDbEndpoints.of("http::retry_timeout=0;")).hasMessageContaining("addr=");
    }

    @Test
    void aFailureOfTheEndpointInUseMovesToTheNextOnceAndTellsTheListeners() {
        QuestDbEndpoints endpoints = QuestDbEndpoints.of("http::addr=a:1;addr=b:2;");
        List<Integer> switches = new ArrayList<>();
        endpoints.onSwitch(switches::add);

        endpoints.failed(0);
        endpoints.failed(0); // a late report of the same failure
        assertThat(endpoints.current()).isEqualTo(1);
        endpoints.failed(1);
        assertThat(endpoints.current()).isZero();
        assertThat(switches).containsExactly(1, 0);
    }

    @Test
    void readsFollowTheEndpointInUseAndSettingsPairOneHostPerEndpoint() {
        QuestDbEndpoints endpoints = QuestDbEndpoints.of("http::addr=a:9000;addr=b:9000;");
        FollowingPgDataSource reads = new FollowingPgDataSource("jdbc:postgresql://a:8812,b:8812/qdb?sslmode=disable", endpoints, new java.util.Properties());

        assertThat(reads.url(0)).isEqualTo("jdbc:postgresql://a:8812,b:8812/qdb?sslmode=disable");
        assertThat(reads.url(1)).isEqualTo("jdbc:postgresql://b:8812,a:8812/qdb?sslmode=disable");
        assertThat(reads.urlOnly(1)).isEqualTo("jdbc:postgresql://b:8812/qdb?sslmode=disable");
        assertThatThrownBy(() -> QuestDbSettings.of("http::addr=a:9000;addr=b:9000;", "jdbc:postgresql://a:8812/qdb", "admin", "quest"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pgUrl lists 1 hosts for 2 ILP endpoints");
    }
}

package org.ccnsobot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoncesTest {

    @Test
    void aNonceIsStableShortAndDistinctPerPage() {
        String key = "reminder:evt-council-79:PT24H:discord:channel:300000000000000001";
        assertThat(Nonces.of(key, 0)).hasSize(25).isEqualTo(Nonces.of(key, 0)).isNotEqualTo(Nonces.of(key, 1));
        assertThat(Nonces.of(key, 0)).isNotEqualTo(Nonces.of(key + "x", 0));
    }
}

package org.ccnsobot.port;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void aSecretNeverShowsInToString() {
        assertThat(new Secret("hunter2").toString()).doesNotContain("hunter2");
        assertThat(new Secret("hunter2").reveal()).isEqualTo("hunter2");
    }
}

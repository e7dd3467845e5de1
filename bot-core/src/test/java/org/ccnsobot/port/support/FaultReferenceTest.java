package org.ccnsobot.port.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccnsobot.port.Reply;
import org.junit.jupiter.api.Test;

class FaultReferenceTest {

    @Test
    void eightHexDigitsEveryTimeAndOneWording() {
        FaultReference ref = FaultReference.next();
        assertThat(ref.id()).matches("[0-9a-f]{8}");
        assertThat(ref.toString()).isEqualTo(ref.id());
        assertThat(FaultReference.next()).isNotEqualTo(FaultReference.next());
        assertThat(new FaultReference("3fa9c21e").message())
                .isEqualTo("Something went wrong on our side (reference 3fa9c21e); the staff can look it up in the log.");
    }

    @Test
    void theReplyIsForTheAskerOnly() {
        Reply reply = new FaultReference("0000beef").reply();
        assertThat(reply.personal()).isTrue();
        assertThat(reply.text()).contains("reference 0000beef");
    }
}

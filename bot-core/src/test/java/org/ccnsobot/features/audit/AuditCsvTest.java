package org.ccnsobot.features.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditCsvTest {
    @Test
    void fieldsAreQuotedAsRfc4180AndFormulasAreDefused() throws Exception {
        StringBuilder sb = new StringBuilder();
        AuditCsv.write(List.of(
                new AuditLog.Entry(1, Instant.parse("2024-03-01T12:00:00Z"), "slack", "U1", "event-add", "done",
                        "event add \"GRC, part 1\" --room 209"),
                new AuditLog.Entry(2, Instant.parse("2024-03-01T12:01:00Z"), "discord", "42", "update", "refused: not staff",
                        "=HYPERLINK(\"http://evil\")\nsecond line"),
                new AuditLog.Entry(3, Instant.parse("2024-03-01T12:02:00Z"), "cli", "root", "import", "done", null)), sb);
        assertThat(sb.toString()).isEqualTo("id,at_utc,platform,user,action,outcome,detail\r\n"
                + "1,2024-03-01T12:00:00Z,slack,U1,event-add,done,\"event add \"\"GRC, part 1\"\" --room 209\"\r\n"
                + "2,2024-03-01T12:01:00Z,discord,42,update,refused: not staff,\"'=HYPERLINK(\"\"http://evil\"\")\nsecond line\"\r\n"
                + "3,2024-03-01T12:02:00Z,cli,root,import,done,\r\n");
    }
}

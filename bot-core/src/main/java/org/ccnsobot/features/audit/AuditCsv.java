package org.ccnsobot.features.audit;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
/**
 * The audit log as CSV (RFC 4180): every field quoted when it holds a comma, quote or line break, quotes doubled,
 * CRLF line ends. A field that a spreadsheet would run as a formula (starting with =, +, -, @) gets a leading
 * apostrophe, since the detail column holds text that users typed.
 */
public final class AuditCsv {
    static final String HEADER = "id,at_utc,platform,user,action,outcome,detail";

    private AuditCsv() {
    }

    public static void write(List<AuditLog.Entry> entries, Appendable out) throws IOException {
        out.append(HEADER).append("\r\n");
        for (AuditLog.Entry e : entries) {
            out.append(Long.toString(e.id())).append(',')
                    .append(DateTimeFormatter.ISO_INSTANT.format(e.at())).append(',')
                    .append(field(e.platform())).append(',')
                    .append(field(e.userId())).append(',')
                    .append(field(e.action())).append(',')
                    .append(field(e.outcome())).append(',')
                    .append(field(e.detail())).append("\r\n");
        }
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || !v.equals(v.strip())) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}

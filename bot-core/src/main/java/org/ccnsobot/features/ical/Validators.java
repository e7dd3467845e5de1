package org.ccnsobot.features.ical;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The feed server's validators. The ETag is a hash of the body without its DTSTAMP lines (the stamp is the time of
 * the export, so it alone must not make unchanged content look new); Last-Modified is when this server first served
 * that content, remembered per ETag (a restart forgets it, and clients fetch once in full).
 */
final class Validators {
    private static final Pattern DTSTAMP = Pattern.compile("(?m)^DTSTAMP:[^\r\n]*\r?\n");
    private static final int REMEMBERED = 10_000;

    /** What a body is known by. */
    record Seen(String etag, Instant lastModified) {
        String lastModifiedHeader() {
            return DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.atZone(ZoneOffset.UTC));
        }

        /** Whether the client holds this content: If-None-Match wins; If-Modified-Since counts without it. */
        boolean matches(String ifNoneMatch, String ifModifiedSince) {
            if (ifNoneMatch != null) {
                for (String tag : ifNoneMatch.split(",")) {
                    String t = tag.strip().replaceFirst("^W/", "");
                    if (t.equals("*") || t.equals(etag)) {
                        return true;
                    }
                }
                return false;
            }
            if (ifModifiedSince != null) {
                try {
                    Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant();
                    return !lastModified.isAfter(since);
                } catch (DateTimeParseException e) {
                    return false;
                }
            }
            return false;
        }
    }

    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();

    Seen seen(String body, Instant now) {
        String etag = "\"" + hash(DTSTAMP.matcher(body).replaceAll("")) + "\"";
        if (firstSeen.size() > REMEMBERED) {
            firstSeen.clear();
        }
        Instant at = firstSeen.computeIfAbsent(etag, k -> now.truncatedTo(ChronoUnit.SECONDS));
        return new Seen(etag, at);
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}

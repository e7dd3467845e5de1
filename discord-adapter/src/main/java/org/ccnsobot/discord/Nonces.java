package org.ccnsobot.discord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Discord message nonces from core's idempotency keys. With enforce_nonce (which JDA always sends) Discord
 * returns the earlier message instead of posting a second one when a nonce repeats within a few minutes, so a
 * resend after a crash or a lost response lands once. Nonces are at most 25 characters: the key is hashed.
 */
final class Nonces {
    static final int MAX = 25;

    private Nonces() {
    }

    /** The nonce for page {@code page} of the message delivering {@code key}. */
    static String of(String key, int page) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((key + "#" + page).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, MAX);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

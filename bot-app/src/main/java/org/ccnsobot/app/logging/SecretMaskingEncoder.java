package org.ccnsobot.app.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes what its delegate writes with every secret value replaced by {@code ****}: the last line of defence, so a
 * token that reaches a log message by mistake (an exception text, a URL) never reaches the log.
 */
final class SecretMaskingEncoder extends EncoderBase<ILoggingEvent> {
    static final String MASK = "****";
    private final Encoder<ILoggingEvent> delegate;
    private final List<String> secrets;

    SecretMaskingEncoder(Encoder<ILoggingEvent> delegate, List<String> secrets) {
        this.delegate = delegate;
        // short values would mask ordinary words; real tokens are long
        this.secrets = secrets.stream().filter(s -> s.length() >= 8).distinct().toList();
    }

    @Override
    public void start() {
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        delegate.stop();
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return mask(delegate.headerBytes());
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return mask(delegate.encode(event));
    }

    @Override
    public byte[] footerBytes() {
        return mask(delegate.footerBytes());
    }

    private byte[] mask(byte[] bytes) {
        if (bytes == null || secrets.isEmpty()) {
            return bytes;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        String masked = text;
        for (String s : secrets) {
            masked = masked.replace(s, MASK);
        }
        return masked == text ? bytes : masked.getBytes(StandardCharsets.UTF_8);
    }
}

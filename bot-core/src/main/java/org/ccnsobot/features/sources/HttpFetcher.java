package org.ccnsobot.features.sources;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * http(s) with the JDK's client and file addresses from the disk. Redirects are followed by hand, and only on the
 * same scheme and host: a source that moves elsewhere is a change staff should make in the config, not the bot.
 */
final class HttpFetcher implements Fetcher {
    private static final int MAX_REDIRECTS = 5;

    private final Duration timeout;
    private final int maxBytes;
    /**
     * Built on the first http(s) look, not at start: the JDK's client sets up TLS when it is built (about 0.3 s of a
     * console's start-up), and a bot with no http source, or only file sources, never needs it.
     */
    private volatile HttpClient client;

    HttpFetcher(Duration timeout, int maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public Fetched fetch(URI url, String etag, String lastModified, Duration wait) throws SourceException {
        Duration limit = wait != null ? wait : timeout;
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            return file(Path.of(url), lastModified);
        }
        URI at = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder req = HttpRequest.newBuilder(at).timeout(limit)
                    .header("Accept", "text/calendar, */*;q=0.1").GET();
            if (etag != null) {
                req.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                req.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> resp = send(req.build(), limit);
            int status = resp.statusCode();
            try (InputStream in = resp.body()) {
                if (status == 304) {
                    return new NotModified();
                }
                if (status >= 300 && status < 400) {
                    String location = resp.headers().firstValue("location").orElseThrow(() -> new SourceException(
                            "src.why.redirectNoLocation", String.valueOf(status)));
                    URI next = at.resolve(location);
                    if (!sameOrigin(url, next)) {
                        throw new SourceException("src.why.redirectElsewhere", shorten(next.toString()));
                    }
                    at = next;
                    continue;
                }
                if (status != 200) {
                    throw new SourceException("src.why.status", String.valueOf(status));
                }
                long declared = resp.headers().firstValueAsLong("content-length").orElse(-1);
                if (declared > maxBytes) {
                    throw tooBig(declared);
                }
                byte[] data = read(in);
                return new Body(data, resp.headers().firstValue("etag").orElse(null),
                        resp.headers().firstValue("last-modified").orElse(null));
            } catch (IOException e) {
                throw new SourceException("src.why.brokeOff", reason(e));
            }
        }
        throw new SourceException("src.why.tooManyRedirects", String.valueOf(MAX_REDIRECTS));
    }

    private HttpResponse<InputStream> send(HttpRequest req, Duration timeout) throws SourceException {
        try {
            return client().send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new SourceException(timeout.toMillis() < 1000 ? "src.why.timeoutMillis" : "src.why.timeoutSeconds",
                    String.valueOf(timeout.toMillis() < 1000 ? timeout.toMillis() : timeout.toSeconds()));
        } catch (ConnectException e) {
            throw new SourceException("src.why.refused");
        } catch (IOException e) {
            throw new SourceException("src.why.unreachable", reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException("src.why.interrupted");
        } catch (IllegalArgumentException e) {
            throw new SourceException("src.why.cannotFetch", shorten(String.valueOf(e.getMessage())));
        }
    }

    private Fetched file(Path path, String lastModified) throws SourceException {
        try {
            if (Files.isDirectory(path)) {
                throw new SourceException("src.why.folder", path.toString());
            }
            String stamp = Files.getLastModifiedTime(path).toString() + "/" + Files.size(path);
            if (stamp.equals(lastModified)) {
                return new NotModified();
            }
            long size = Files.size(path);
            if (size > maxBytes) {
                throw tooBig(size);
            }
            try (InputStream in = Files.newInputStream(path)) {
                return new Body(read(in), null, stamp);
            }
        } catch (NoSuchFileException e) {
            throw new SourceException("src.why.noFile", path.toString());
        } catch (IOException e) {
            throw new SourceException("src.why.unreadable", path.toString(), reason(e));
        }
    }

    private byte[] read(InputStream in) throws IOException, SourceException {
        byte[] data = in.readNBytes(maxBytes + 1);
        if (data.length > maxBytes) {
            throw tooBig(-1);
        }
        return data;
    }

    private SourceException tooBig(long size) {
        String limit = String.valueOf(maxBytes / (1024 * 1024));
        return size > 0 ? new SourceException("src.why.tooBig", String.valueOf(size / (1024 * 1024)), limit)
                : new SourceException("src.why.tooBigStreamed", limit);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && Objects.equals(port(a), port(b));
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** The JDK's own words (they have no translation), or a phrase when it has none. */
    private static Object reason(IOException e) {
        return e.getMessage() != null ? shorten(e.getMessage()) : org.ccnsobot.i18n.Phrase.of("src.why.connectionFailed");
    }

    static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 117) + "…";
    }
}

package org.ccnsobot.port.support.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 server, in place of the JDK's HttpServer, for the bot's listeners that face the outside (Slack's
 * requests, the iCalendar feeds). The JDK's hands every new connection to a worker that then waits without a time
 * limit for its first bytes (two idle connections stopped two workers), and answers a request line whose path is
 * not a valid URI itself, with an HTML page naming {@code URISyntaxException}. Here every read has a time-out and
 * the whole request must arrive within a deadline, workers are many (they are cheap while they wait), each
 * connection serves one request and is closed, a bad request is answered in one plain-text line, and a connection
 * that drops or times out is counted and logged at debug level, one line, never a stack trace. Handlers are the
 * JDK's {@link HttpHandler}, given a {@link HttpExchange} that behaves as the JDK's does.
 */
public final class HttpListener implements AutoCloseable {
    // the JDK's logging interface, as the port depends on the JDK alone; the app routes it to its SLF4J logging
    // (slf4j-jdk-platform-logging), where it shows under this class's name like any other logger
    private static final System.Logger LOG = System.getLogger(HttpListener.class.getName());
    static final int MAX_HEADER_BYTES = 16 * 1024;

    /** The per-read time-out, the deadline for a whole request to arrive, and how many connections are served at once. */
    public record Limits(Duration readTimeout, Duration requestDeadline, int maxWorkers) {
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(5), Duration.ofSeconds(10), 256);
    }

    private final ServerSocket server;
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private final String path;
    private final HttpHandler handler;
    private final Limits limits;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    private HttpListener(ServerSocket server, String name, String path, HttpHandler handler, Limits limits) {
        this.server = server;
        this.path = path;
        this.handler = handler;
        this.limits = limits;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(4, limits.maxWorkers(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, name + "-accept");
        this.acceptor.setDaemon(true);
    }

    /**
     * Listens on {@code address} (port 0: a free one, see {@link #port()}); {@code name} names its threads. Requests
     * for {@code path} go to {@code handler}, any other path gets a plain 404; a null {@code path} sends them all.
     */
    public static HttpListener start(InetSocketAddress address, String name, String path, HttpHandler handler,
                                     Limits limits) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(address, 512);
        HttpListener s = new HttpListener(socket, name, path, handler, limits);
        s.acceptor.start();
        return s;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Connections that dropped, timed out or found every worker busy. */
    public long dropped() {
        return dropped.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.DEBUG, "accepting a connection failed: {0}", e.toString());
                }
                continue;
            }
            try {
                workers.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                dropped.incrementAndGet();
                LOG.log(System.Logger.Level.DEBUG, "all {0} HTTP workers busy; closed a connection", limits.maxWorkers());
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        long deadline = System.nanoTime() + limits.requestDeadline().toNanos();
        try (socket) {
            socket.setTcpNoDelay(true);
            DeadlineInput in = new DeadlineInput(socket, deadline, limits.readTimeout());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            String requestLine = in.line();
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            String[] parts = requestLine.split(" ");
            if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                plain(out, 400, "bad request line");
                return;
            }
            SocketExchange exchange = new SocketExchange(socket, parts[0], uri(parts[1]), parts[2], out);
            long length = 0;
            int headerBytes = requestLine.length();
            for (String line = in.line(); line != null && !line.isEmpty(); line = in.line()) {
                headerBytes += line.length() + 2;
                if (headerBytes > MAX_HEADER_BYTES) {
                    plain(out, 431, "headers too large");
                    return;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    plain(out, 400, "bad header");
                    return;
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                exchange.getRequestHeaders().add(name, value);
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && !value.equalsIgnoreCase("identity")) {
                    plain(out, 411, "length required");
                    return;
                }
            }
            if (exchange.getRequestURI() == null) {
                plain(out, 400, "bad request: the path is not a valid URI");
                return;
            }
            if (path != null && !path.equals(exchange.getRequestURI().getPath())) {
                plain(out, 404, "not found");
                return;
            }
            if (length < 0) {
                plain(out, 400, "bad length");
                return;
            }
            exchange.body(in.bounded(length));
            handler.handle(exchange);
            exchange.close();
        } catch (SocketTimeoutException | DeadlineInput.DeadlinePassed e) {
            dropped.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, "closed a connection from {0} that sent too slowly: {1}",
                    socket.getRemoteSocketAddress(), e.getMessage());
        } catch (IOException | NumberFormatException e) {
            dropped.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, "a connection from {0} ended early: {1}", socket.getRemoteSocketAddress(),
                    e.toString());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "serving an HTTP request failed: {0}", e.toString());
        }
    }

    private static URI uri(String raw) {
        try {
            return new URI(raw);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static void plain(OutputStream out, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " " + SocketExchange.reason(status) + "\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket nobody will read
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
        workers.shutdownNow();
        try {
            acceptor.join(2000);
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a socket with a time-out on every read and a deadline for the whole request. */
    static final class DeadlineInput extends InputStream {
        static final class DeadlinePassed extends SocketException {
            DeadlinePassed() {
                super("the request did not arrive within its deadline");
            }
        }

        private final Socket socket;
        private final InputStream in;
        private final long deadline;
        private final int readTimeoutMillis;

        DeadlineInput(Socket socket, long deadlineNanos, Duration readTimeout) throws IOException {
            this.socket = socket;
            this.in = new java.io.BufferedInputStream(socket.getInputStream());
            this.deadline = deadlineNanos;
            this.readTimeoutMillis = (int) Math.max(1, readTimeout.toMillis());
        }

        private void arm() throws IOException {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new DeadlinePassed();
            }
            socket.setSoTimeout((int) Math.min(readTimeoutMillis, left));
        }

        @Override
        public int read() throws IOException {
            arm();
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            arm();
            return in.read(b, off, len);
        }

        /** One header line without its CRLF, or null at the end of the stream. */
        String line() throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = read()) >= 0) {
                if (c == '\n') {
                    int end = sb.length();
                    return end > 0 && sb.charAt(end - 1) == '\r' ? sb.substring(0, end - 1) : sb.toString();
                }
                if (sb.length() > MAX_HEADER_BYTES) {
                    throw new IOException("header line too long");
                }
                sb.append((char) c);
            }
            return sb.length() == 0 ? null : sb.toString();
        }

        /** The next {@code length} bytes as a stream of their own. */
        InputStream bounded(long length) {
            return new InputStream() {
                private long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int c = DeadlineInput.this.read();
                    if (c >= 0) {
                        left--;
                    }
                    return c;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = DeadlineInput.this.read(b, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
        }
    }
}

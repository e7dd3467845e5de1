package org.ccnsobot.port.support.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One request on a {@link HttpListener} connection, as the JDK's {@link HttpExchange}, so the endpoint reads
 * the same either way. The response has a Content-Length (or none and the connection's end marks it), and the
 * connection closes after it.
 */
final class SocketExchange extends HttpExchange {
    private final Socket socket;
    private final String method;
    private final URI uri;
    private final String protocol;
    private final OutputStream out;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private InputStream body = InputStream.nullInputStream();
    private int status = -1;
    private boolean closed;

    SocketExchange(Socket socket, String method, URI uri, String protocol, OutputStream out) {
        this.socket = socket;
        this.method = method;
        this.uri = uri;
        this.protocol = protocol;
        this.out = out;
    }

    void body(InputStream value) {
        this.body = value;
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 204 -> "No Content";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 411 -> "Length Required";
            case 413 -> "Payload Too Large";
            case 500 -> "Internal Server Error";
            case 431 -> "Request Header Fields Too Large";
            default -> status >= 500 ? "Server Error" : "Status";
        };
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return uri;
    }

    @Override
    public String getRequestMethod() {
        return method;
    }

    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (status < 0) {
                sendResponseHeaders(500, -1);
            }
            out.flush();
        } catch (IOException ignored) {
            // the client went away; the server closes the socket
        }
    }

    @Override
    public InputStream getRequestBody() {
        return body;
    }

    @Override
    public OutputStream getResponseBody() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /**
     * As the JDK's: {@code length} -1 means no body, 0 an unknown length (ended by closing the connection). With no
     * body, a Content-Length the handler set itself is sent as set (a HEAD answer says what a GET would send).
     */
    @Override
    public void sendResponseHeaders(int rCode, long responseLength) throws IOException {
        if (status >= 0) {
            throw new IOException("headers already sent");
        }
        status = rCode;
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(rCode).append(' ').append(reason(rCode)).append("\r\n");
        String declared = responseLength < 0 ? responseHeaders.getFirst("Content-Length") : null;
        for (Map.Entry<String, List<String>> h : responseHeaders.entrySet()) {
            if (h.getKey().equalsIgnoreCase("Content-Length") || h.getKey().equalsIgnoreCase("Connection")) {
                continue;
            }
            for (String v : h.getValue()) {
                head.append(h.getKey()).append(": ").append(v.replaceAll("[\r\n]", " ")).append("\r\n");
            }
        }
        if (declared != null && declared.chars().allMatch(Character::isDigit) && !declared.isEmpty()) {
            head.append("Content-Length: ").append(declared).append("\r\n");
        } else if (responseLength > 0 || responseLength < 0 && rCode != 304 && rCode != 204) {
            head.append("Content-Length: ").append(Math.max(0, responseLength)).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public int getResponseCode() {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public String getProtocol() {
        return protocol;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
        throw new UnsupportedOperationException("filters are not used");
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }
}

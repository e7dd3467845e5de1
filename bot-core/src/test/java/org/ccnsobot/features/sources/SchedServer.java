package org.ccnsobot.features.sources;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP server on 127.0.0.1 serving what the test says, recording each request's conditional headers. */
final class SchedServer implements AutoCloseable {

    /** How the server answers one request. */
    interface Answer {
        void answer(HttpExchange x) throws IOException;
    }

    /** One request as received: its method and the validators it sent. */
    record Request(String method, String ifNoneMatch, String ifModifiedSince) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile Answer answer = x -> send(x, 404, "text/plain", "nothing here".getBytes(StandardCharsets.UTF_8));

    SchedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            requests.add(new Request(x.getRequestMethod(), x.getRequestHeaders().getFirst("If-None-Match"),
                    x.getRequestHeaders().getFirst("If-Modified-Since")));
            try {
                answer.answer(x);
            } finally {
                x.close();
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void answer(Answer value) {
        this.answer = value;
    }

    /** Serves {@code ics} with an ETag derived from it, answering 304 when the client sends that ETag back. */
    void serveIcs(String ics) {
        byte[] body = ics.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + Integer.toHexString(ics.hashCode()) + "\"";
        answer(x -> {
            if (etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                x.getResponseHeaders().set("ETag", etag);
                x.sendResponseHeaders(304, -1);
                return;
            }
            x.getResponseHeaders().set("ETag", etag);
            x.getResponseHeaders().set("Last-Modified", "Fri, 01 Mar 2024 10:00:00 GMT");
            send(x, 200, "text/calendar; charset=utf-8", body);
        });
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A Sched-shaped export (UTC times, X-WR-TIMEZONE:UTC, HTML descriptions, a category per track) of ICANN79. */
    static String sched(String... events) {
        StringBuilder sb = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Sched.com//EN\r\n"
                + "X-WR-CALNAME:ICANN79\r\nX-WR-TIMEZONE:UTC\r\n");
        for (String e : events) {
            sb.append(e);
        }
        return sb.append("END:VCALENDAR\r\n").toString();
    }

    /** One session: {@code start} like 20240302T130000Z, an hour long. */
    static String session(String uid, String title, String start, String category, String room) {
        String end = start.substring(0, 9) + String.format("%02d", Integer.parseInt(start.substring(9, 11)) + 1)
                + start.substring(11);
        return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20240301T100000Z\r\nDTSTART:" + start + "\r\nDTEND:" + end
                + "\r\nSUMMARY:" + title + "\r\nCATEGORIES:" + category + "\r\nLOCATION:" + room
                + "\r\nDESCRIPTION:<p>Session of the ccNSO</p>\r\nEND:VEVENT\r\n";
    }
}

package org.ccnsobot.app.discordfake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * The gateway, as far as a session needs it to become ready: HELLO on connect, an ACK for every heartbeat, and
 * READY then GUILD_CREATE for an IDENTIFY with the right token. The fan-out only sends, so nothing else is pushed.
 */
final class Gateway extends WebSocketServer {
    private static final ObjectMapper JSON = new ObjectMapper();

    final CountDownLatch started = new CountDownLatch(1);
    private final String sessionId = "bench-session-" + Long.toHexString(System.nanoTime());
    private int seq;

    Gateway() {
        super(new InetSocketAddress("127.0.0.1", 0));
        setReuseAddr(true);
        setDaemon(true);
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/";
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        conn.send(Entities.NODES.objectNode().put("op", 10).putNull("s").putNull("t")
                .set("d", Entities.NODES.objectNode().put("heartbeat_interval", 41250)).toString());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        JsonNode frame;
        try {
            frame = JSON.readTree(message);
        } catch (IOException e) {
            return;
        }
        switch (frame.path("op").asInt()) {
            case 1 -> conn.send("{\"op\":11}");
            case 2 -> identify(conn, frame.path("d"));
            case 6 -> conn.send("{\"op\":9,\"d\":false}"); // no resuming: the bench's session is one connection
            default -> {
            }
        }
    }

    private synchronized void identify(WebSocket conn, JsonNode d) {
        if (!Entities.TOKEN.equals(d.path("token").asText())) {
            conn.close(4004, "Authentication failed.");
            return;
        }
        seq = 0;
        dispatch(conn, "READY", Entities.ready(sessionId, url()));
        dispatch(conn, "GUILD_CREATE", Entities.guild());
    }

    private void dispatch(WebSocket conn, String type, JsonNode d) {
        ObjectNode frame = Entities.NODES.objectNode().put("op", 0).put("t", type).put("s", ++seq);
        frame.set("d", d);
        conn.send(frame.toString());
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        // the bench closes JDA before the fake
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            started.countDown(); // failed to bind: the constructor's wait ends and reports it
        }
    }
}

package io.newsmonitor.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A local port where nothing listens until {@link #forwardTo} is called, then every connection is relayed to another
 * address: a broker's bootstrap address that comes up late, as when a server starts before its cluster.
 */
final class LateListener implements AutoCloseable {

    private final int port;
    private ServerSocket server;

    LateListener() {
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    /** {@code 127.0.0.1:port}: refused until {@link #forwardTo} is called. */
    String address() {
        return "127.0.0.1:" + port;
    }

    /** From now on, relays every connection to {@code host:targetPort}. */
    void forwardTo(String host, int targetPort) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket target = new Socket(host, targetPort);
                    relay(client, target);
                    relay(target, client);
                } catch (IOException e) {
                    // closed, or the target refused: the client sees its connection dropped
                }
            }
        }, "late-listener-" + port);
        accept.setDaemon(true);
        accept.start();
    }

    private static void relay(Socket from, Socket to) {
        Thread copy = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            }
        });
        copy.setDaemon(true);
        copy.start();
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }
}

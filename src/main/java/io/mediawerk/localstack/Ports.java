package io.mediawerk.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port helpers for the embedded stack. */
public final class Ports {

    private Ports() {}

    /** A port that is free on 127.0.0.1 right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalStackException("could not find a free port on 127.0.0.1", e);
        }
    }

    /** Fails with a message naming the setting to change when the port is already taken. */
    public static void requireFree(int port, String what, String setting) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new LocalStackException(
                    "Port " + port + " on 127.0.0.1 is already in use, so the embedded " + what
                            + " cannot start. Stop whatever uses it (is another Mediawerk running?) or choose another port with "
                            + setting + ".",
                    e);
        }
    }
}

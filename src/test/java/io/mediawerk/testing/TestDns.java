package io.mediawerk.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A DNS server for the tests on 127.0.0.1 (UDP): answers A and TXT questions from records the tests set, and
 * NXDOMAIN for every other name, so that domain verification runs without the internet.
 */
public final class TestDns {

    private static final int A = 1;
    private static final int TXT = 16;
    private static TestDns shared;

    private final DatagramSocket socket;
    private final Map<String, List<String>> txt = new ConcurrentHashMap<>();
    private final Map<String, InetAddress> a = new ConcurrentHashMap<>();

    private TestDns() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread thread = new Thread(this::serve, "test-dns");
        thread.setDaemon(true);
        thread.start();
    }

    public static synchronized TestDns shared() {
        if (shared == null) {
            try {
                shared = new TestDns();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    public int port() {
        return socket.getLocalPort();
    }

    public void txt(String name, String... values) {
        txt.put(name.toLowerCase(Locale.ROOT), List.of(values));
    }

    public void a(String name, InetAddress address) {
        a.put(name.toLowerCase(Locale.ROOT), address);
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] answer = answer(ByteBuffer.wrap(packet.getData(), 0, packet.getLength()));
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException | RuntimeException e) {
                // a malformed question gets no answer; the server goes on
            }
        }
    }

    private byte[] answer(ByteBuffer query) {
        short id = query.getShort(0);
        StringBuilder name = new StringBuilder();
        int at = 12;
        for (int length = query.get(at) & 0xff; length > 0; length = query.get(at) & 0xff) {
            name.append(name.length() == 0 ? "" : ".")
                    .append(new String(query.array(), query.arrayOffset() + at + 1, length, StandardCharsets.US_ASCII));
            at += length + 1;
        }
        int type = query.getShort(at + 1) & 0xffff;
        int questionEnd = at + 5;
        String key = name.toString().toLowerCase(Locale.ROOT);
        List<byte[]> records = type == TXT
                ? txt.getOrDefault(key, List.of()).stream()
                        .map(TestDns::txtData)
                        .toList()
                : type == A && a.containsKey(key) ? List.of(a.get(key).getAddress()) : List.of();
        boolean known = txt.containsKey(key) || a.containsKey(key);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(12)
                .putShort(id)
                .putShort((short) (known ? 0x8180 : 0x8183))
                .putShort((short) 1)
                .putShort((short) records.size())
                .putShort((short) 0)
                .putShort((short) 0);
        out.writeBytes(header.array());
        out.write(query.array(), query.arrayOffset() + 12, questionEnd - 12);
        for (byte[] data : records) {
            out.writeBytes(ByteBuffer.allocate(12 + data.length)
                    .putShort((short) 0xc00c)
                    .putShort((short) type)
                    .putShort((short) 1)
                    .putInt(60)
                    .putShort((short) data.length)
                    .put(data)
                    .array());
        }
        return out.toByteArray();
    }

    private static byte[] txtData(String value) {
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(text.length + 1)
                .put((byte) text.length)
                .put(text)
                .array();
    }
}

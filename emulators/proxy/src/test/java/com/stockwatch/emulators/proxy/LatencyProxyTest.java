package com.stockwatch.emulators.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The proxy delays each direction and passes every byte unchanged, in order. */
class LatencyProxyTest {

    @Test
    void aRoundTripTakesTwoDelaysMoreAndTheBytesArriveUnchanged() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket socket = echo.accept(); InputStream in = socket.getInputStream();
                        OutputStream out = socket.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // the client closed
                }
            });
            server.setDaemon(true);
            server.start();
            URI target = URI.create("http://127.0.0.1:" + echo.getLocalPort());
            try (LatencyProxy proxy = LatencyProxy.start(target, 25);
                    Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                byte[] message = "ping, over the proxy".repeat(1000).getBytes(StandardCharsets.UTF_8);
                long start = System.nanoTime();
                client.getOutputStream().write(message);
                client.getOutputStream().flush();
                byte[] answer = client.getInputStream().readNBytes(message.length);
                long millis = (System.nanoTime() - start) / 1_000_000;

                assertArrayEquals(message, answer);
                assertTrue(millis >= 50, "round trip took " + millis + " ms, expected at least 2 x 25 ms");
            }
        }
    }
}

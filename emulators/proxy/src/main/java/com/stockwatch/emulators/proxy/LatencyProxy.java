package com.stockwatch.emulators.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on 127.0.0.1 that delivers every chunk of bytes {@code delay} later, in each direction: a request/answer
 * round trip takes two delays more, as between a Lambda function and DynamoDB or S3 in AWS (a few milliseconds each
 * way), while the throughput of a connection stays what it was (chunks are pipelined, not serialised by the delay).
 * One thread per direction of each connection: meant for tests and benchmarks, not for thousands of connections.
 */
public final class LatencyProxy implements AutoCloseable {

    private static final byte[] END = new byte[0];

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final long delayNanos;
    private final Thread acceptor;
    private volatile boolean closed;

    private LatencyProxy(InetSocketAddress target, long delayNanos) throws IOException {
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.target = target;
        this.delayNanos = delayNanos;
        this.acceptor = new Thread(this::accept, "latency-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a proxy to {@code target} (its host and port) adding {@code delayMillis} each way. */
    public static LatencyProxy start(URI target, double delayMillis) throws IOException {
        return new LatencyProxy(new InetSocketAddress(target.getHost(), target.getPort()),
                (long) (delayMillis * 1_000_000));
    }

    /** The same URI as the target's, with the proxy's port. */
    public URI endpoint(URI target) {
        return URI.create(target.getScheme() + "://127.0.0.1:" + server.getLocalPort());
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("[latency-proxy] " + e);
                }
            }
        }
    }

    /** Reads from {@code from}, and writes each chunk to {@code to} once its delay has passed. */
    private void pipe(Socket from, Socket to) {
        BlockingQueue<Object[]> due = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    due.add(new Object[] {System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)});
                }
            } catch (IOException e) {
                // the connection ended
            }
            due.add(new Object[] {System.nanoTime() + delayNanos, END});
        }, "latency-proxy-read");
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Object[] chunk = due.take();
                    long wait = (long) chunk[0] - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    byte[] bytes = (byte[]) chunk[1];
                    if (bytes == END) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write(bytes);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "latency-proxy-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
    }
}

package com.stockwatch.emulators.dynamodb;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.stockwatch.emulators.ChildProcess;

/**
 * DynamoDB Local (with Streams) on 127.0.0.1 only. Options: {@code --port N} (0 picks a free port),
 * {@code --data-dir DIR} (persist there; default in memory). One shared database whatever the caller's region or
 * credentials, so the AWS CLI and the functions see the same tables.
 */
public final class DynamoDbLocalMain {

    private DynamoDbLocalMain() {
    }

    public static void main(String[] args) {
        try {
            ChildProcess process = ChildProcess.fromArgs(args);
            List<String> serverArgs = new ArrayList<>(List.of("-port", "8000", "-sharedDb", "-disableTelemetry"));
            String dataDir = process.option("data-dir", "");
            if (dataDir.isEmpty()) {
                serverArgs.add("-inMemory");
            } else {
                serverArgs.addAll(List.of("-dbPath", dataDir));
            }
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(serverArgs.toArray(String[]::new));
            ServerConnector connector = bindToLoopback(jettyServer(server), process.port());
            server.start();
            process.ready("http://127.0.0.1:" + connector.getLocalPort(), () -> stopQuietly(server));
            server.join();
        } catch (Throwable e) {
            ChildProcess.fail("dynamodb", e);
        }
    }

    /** DynamoDB Local has no host option and would listen on every interface; its Jetty connector takes one. */
    private static ServerConnector bindToLoopback(Server jetty, int port) {
        ServerConnector loopback = null;
        for (Connector connector : jetty.getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost("127.0.0.1");
                serverConnector.setPort(port);
                loopback = serverConnector;
            }
        }
        if (loopback == null) {
            throw new IllegalStateException("DynamoDB Local has no Jetty ServerConnector to bind");
        }
        return loopback;
    }

    private static Server jettyServer(DynamoDBProxyServer server) throws ReflectiveOperationException {
        Field field = DynamoDBProxyServer.class.getDeclaredField("server");
        field.setAccessible(true);
        return (Server) field.get(server);
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Exiting anyway.
        }
    }
}

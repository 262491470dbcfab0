package com.stockwatch.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;

class EmulatorsTest {

    @Test
    void dynamoDbLocalServesTheTablesAndTheirStreamOnLoopback() {
        new DynamoDbLocalResource().start();
        try (DynamoDbClient dynamoDb = Emulators.dynamoDbClient();
             DynamoDbStreamsClient streams = Emulators.dynamoDbStreamsClient()) {
            dynamoDb.putItem(b -> b.tableName(DynamoDbLocalResource.INVENTORY).item(Map.of(
                    "store_id", AttributeValue.fromS("berlin"),
                    "item_id", AttributeValue.fromS("sku-1"),
                    "inventory_level", AttributeValue.fromN("0"))));

            String streamArn = dynamoDb.describeTable(b -> b.tableName(DynamoDbLocalResource.INVENTORY))
                    .table().latestStreamArn();
            String shardId = streams.describeStream(b -> b.streamArn(streamArn))
                    .streamDescription().shards().get(0).shardId();
            String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();

            assertThat(streams.getRecords(b -> b.shardIterator(iterator)).records())
                    .singleElement()
                    .satisfies(r -> assertThat(r.dynamodb().newImage().get("item_id").s()).isEqualTo("sku-1"));
        }
        assertThat(Emulators.dynamoDbEndpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void s3MockStoresObjectsInTheTestBucket() {
        new S3Resource().start();
        try (S3Client s3 = Emulators.s3Client()) {
            s3.putObject(b -> b.bucket(S3Resource.BUCKET).key("berlin/a.csv"),
                    RequestBody.fromString("item_id,inventory_level\nsku-1,3\n"));

            assertThat(s3.getObjectAsBytes(b -> b.bucket(S3Resource.BUCKET).key("berlin/a.csv")).asUtf8String())
                    .startsWith("item_id,inventory_level");
        }
        assertThat(Emulators.s3Endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void emulatorsListenOnLoopbackOnly() throws Exception {
        for (int port : List.of(Emulators.dynamoDbEndpoint().getPort(), Emulators.s3Endpoint().getPort())) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            }
            for (InetAddress address : nonLoopbackAddresses()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(address, port), 1000))
                            .as("port %d must not answer on %s", port, address)
                            .isInstanceOf(java.io.IOException.class);
                }
            }
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws Exception {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && a instanceof java.net.Inet4Address)
                .toList();
    }

    @Test
    void anEmulatorThatCannotStartIsNamedWithItsCause() {
        assertThatThrownBy(() -> EmulatorProcess.start("broken", "dynamodb", "com.stockwatch.NoSuchMain", List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Emulator broken");
    }
}

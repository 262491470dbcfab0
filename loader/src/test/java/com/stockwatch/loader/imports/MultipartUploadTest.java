package com.stockwatch.loader.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.stockwatch.inventory.ImportStatus;
import com.stockwatch.inventory.TableNames;
import com.stockwatch.inventory.TableSchemas;
import com.stockwatch.testing.Emulators;
import com.stockwatch.testing.S3Resource;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A file above the AWS CLI's 8 MB multipart threshold, uploaded to the S3 emulator with exactly the calls the CLI
 * makes with its default checksums (botocore 1.36+): CreateMultipartUpload with {@code ChecksumAlgorithm=CRC32},
 * each part with its CRC32 (computed by the SDK), CompleteMultipartUpload listing the parts' ETags without their
 * checksums, as S3 accepts. S3Mock 5.2.0 refused the last call until our launcher's {@code MultipartChecksumsAsS3}.
 * Then the loader imports the object.
 */
class MultipartUploadTest {

    private static final String INVENTORY = "MultipartInventory";
    private static final String IMPORTS = "MultipartImports";
    private static final TableNames TABLES = TestLoaderConfig.tables(INVENTORY, IMPORTS);
    private static final int PART = 5 * 1024 * 1024;
    /** Long names (the loader takes up to 1,024 characters): 11 MB in about 12,000 rows. */
    private static final String NAME = "Name ".repeat(180);

    static DynamoDbClient admin;
    static S3Client s3;

    @BeforeAll
    static void start() {
        admin = Emulators.dynamoDbClient();
        s3 = Emulators.s3Client();
        for (var table : List.of(TableSchemas.inventory(INVENTORY), TableSchemas.imports(IMPORTS))) {
            try {
                admin.deleteTable(b -> b.tableName(table.tableName()));
            } catch (ResourceNotFoundException absent) {
                // first run in this JVM
            }
            admin.createTable(table);
        }
        S3Resource.createBucket(s3, S3Resource.BUCKET);
    }

    @AfterAll
    static void stop() {
        admin.close();
        s3.close();
    }

    @Test
    void aFileAboveTheMultipartThresholdUploadedAsTheCliDoesIsStoredAndImported() {
        StringBuilder csv = new StringBuilder("item_id,item_name,inventory_level\n");
        int rows = 0;
        while (csv.length() < 11 * 1024 * 1024) {
            rows++;
            csv.append("SKU-%07d,%s %07d,%d\n".formatted(rows, NAME, rows, rows % 97));
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        String key = "MP01/big stock.csv";

        String uploadId = s3.createMultipartUpload(b -> b.bucket(S3Resource.BUCKET).key(key)
                .checksumAlgorithm(ChecksumAlgorithm.CRC32)).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        for (int offset = 0, number = 1; offset < bytes.length; offset += PART, number++) {
            int length = Math.min(PART, bytes.length - offset);
            int partNumber = number;
            String eTag = s3.uploadPart(b -> b.bucket(S3Resource.BUCKET).key(key).uploadId(uploadId)
                    .partNumber(partNumber).checksumAlgorithm(ChecksumAlgorithm.CRC32),
                    RequestBody.fromBytes(java.util.Arrays.copyOfRange(bytes, offset, offset + length))).eTag();
            parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
        }
        assertThat(parts).hasSize(3);
        s3.completeMultipartUpload(b -> b.bucket(S3Resource.BUCKET).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));

        assertThat(s3.getObjectAsBytes(b -> b.bucket(S3Resource.BUCKET).key(key)).asByteArray()).isEqualTo(bytes);

        try (DynamoDbAsyncClient dynamo = DynamoDbAsyncClient.builder().endpointOverride(Emulators.dynamoDbEndpoint())
                .region(Region.of(Emulators.REGION)).credentialsProvider(Emulators.credentials())
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(70)).build()) {
            LoaderService loader = new LoaderService(new ObjectSource(s3), dynamo,
                    new ImportRecords(dynamo, TABLES, TestLoaderConfig.RETENTION),
                    TABLES, () -> 5, TestLoaderConfig.defaults().withDeadline(Duration.ofSeconds(1),
                            Duration.ofSeconds(3)), object -> { }, Clock.systemUTC());
            ImportResult result = loader.importAll(List.of(new S3ObjectRef(S3Resource.BUCKET, key,
                    Instant.parse("2026-11-27T06:00:00Z"), Optional.empty()))).get(0);
            assertThat(result.status()).isEqualTo(ImportStatus.LOADED);
            assertThat(result.rowsRead()).isEqualTo(rows);
            assertThat(result.rowsWritten()).isEqualTo(rows);
        }
    }
}

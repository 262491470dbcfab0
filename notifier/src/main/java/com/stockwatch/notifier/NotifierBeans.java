package com.stockwatch.notifier;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import com.stockwatch.aws.AwsClientSettings;
import com.stockwatch.inventory.StockRules;
import com.stockwatch.inventory.TableNames;
import com.stockwatch.notifier.alert.AlertClassifier;
import com.stockwatch.notifier.ledger.AlertLedger;
import com.stockwatch.notifier.message.AlertMessages;
import com.stockwatch.notifier.message.DigestMessages;
import com.stockwatch.notifier.publish.SnsPublisher;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The notifier's AWS clients (sync, on the URL-connection HTTP client) and its service, wired from configuration. */
@ApplicationScoped
public class NotifierBeans {

    @Produces
    @Singleton
    SnsClient sns(AwsClientSettings aws) {
        return aws.syncClient(SnsClient.builder(), aws.settings().snsEndpoint());
    }

    @Produces
    @Singleton
    DynamoDbClient dynamoDb(AwsClientSettings aws) {
        return aws.syncClient(DynamoDbClient.builder(), aws.settings().dynamodbEndpoint());
    }

    /** Threads for the alert records' writes; daemon threads, so they never hold the function up. */
    @Produces
    @Singleton
    @Named("ledger")
    ExecutorService ledgerExecutor(NotifierConfig config) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(config.ledgerConcurrency(), runnable -> {
            Thread thread = new Thread(runnable, "alert-ledger-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Produces
    @Singleton
    NotifierService notifierService(NotifierConfig config, StockRules rules, TableNames tables, SnsClient sns,
            DynamoDbClient dynamoDb, @Named("ledger") ExecutorService ledgerExecutor) {
        int threshold = rules.defaultLowStockThreshold();
        return new NotifierService(
                new AlertClassifier(threshold, config.backInStock().enabled()),
                new AlertMessages(config.dashboardUrl(), threshold),
                new DigestMessages(config.dashboardUrl()),
                new AlertLedger(dynamoDb, tables.alerts(), Duration.ofDays(config.alertRetentionDays()),
                        ledgerExecutor),
                new SnsPublisher(sns, config.topicArn()),
                config.digestThreshold(),
                Clock.systemUTC());
    }

    void close(@Disposes SnsClient sns) {
        sns.close();
    }

    void close(@Disposes DynamoDbClient dynamoDb) {
        dynamoDb.close();
    }

    void close(@Disposes @Named("ledger") ExecutorService executor) {
        executor.shutdown();
    }
}

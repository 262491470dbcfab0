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

import com.stockwatch.inventory.StockRules;
import com.stockwatch.inventory.TableNames;
import com.stockwatch.metrics.Metrics;
import com.stockwatch.notifier.alert.AlertClassifier;
import com.stockwatch.notifier.ledger.AlertLedger;
import com.stockwatch.notifier.message.AlertMessages;
import com.stockwatch.notifier.grouping.DigestFlusher;
import com.stockwatch.notifier.grouping.StoreWindows;
import com.stockwatch.notifier.imports.ImportOutcomes;
import com.stockwatch.notifier.message.DigestMessages;
import com.stockwatch.notifier.message.NoticeMessages;
import com.stockwatch.notifier.publish.OncePublisher;
import com.stockwatch.notifier.publish.SnsPublisher;
import com.stockwatch.notifier.silence.SilentStores;
import com.stockwatch.notifier.silence.StoreRegistry;
import com.stockwatch.notifier.summary.DashboardStreamConsumers;
import com.stockwatch.notifier.summary.SummaryReconciler;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The notifier's service, wired from configuration. Its AWS clients ({@code SnsClient}, {@code DynamoDbClient}: sync,
 * on the URL-connection HTTP client) come from the Quarkus Amazon extensions, configured in application.properties.
 */
@ApplicationScoped
public class NotifierBeans {

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
    AlertLedger ledger(NotifierConfig config, TableNames tables, DynamoDbClient dynamoDb,
            @Named("ledger") ExecutorService ledgerExecutor) {
        return new AlertLedger(dynamoDb, tables.alerts(), Duration.ofDays(config.alertRetentionDays()), ledgerExecutor);
    }

    @Produces
    @Singleton
    SnsPublisher publisher(NotifierConfig config, SnsClient sns) {
        return new SnsPublisher(sns, config.topicArn());
    }

    @Produces
    @Singleton
    StoreWindows windows(NotifierConfig config, TableNames tables, DynamoDbClient dynamoDb) {
        return new StoreWindows(dynamoDb, tables.alerts(), config.grouping().immediateAlerts(),
                config.grouping().window());
    }

    @Produces
    @Singleton
    DigestFlusher flusher(NotifierConfig config, TableNames tables, DynamoDbClient dynamoDb, StoreWindows windows,
            AlertLedger ledger, SnsPublisher publisher, Metrics metrics) {
        return new DigestFlusher(dynamoDb, tables.alerts(), windows, ledger, publisher,
                new DigestMessages(config.dashboardUrl()), config.grouping().digestItems(),
                config.grouping().flushLease(), Duration.ofDays(config.alertRetentionDays()), Clock.systemUTC(),
                metrics::start);
    }

    @Produces
    @Singleton
    NotifierService notifierService(NotifierConfig config, StockRules rules, AlertLedger ledger, StoreWindows windows,
            DigestFlusher flusher, SnsPublisher publisher, @Named("ledger") ExecutorService ledgerExecutor,
            Metrics metrics) {
        int threshold = rules.defaultLowStockThreshold();
        return new NotifierService(
                new AlertClassifier(threshold, config.backInStock().enabled()),
                new AlertMessages(config.dashboardUrl(), threshold),
                ledger, windows, flusher, publisher, ledgerExecutor, Clock.systemUTC(), metrics::start);
    }

    @Produces
    @Singleton
    StoreRegistry registry(TableNames tables, DynamoDbClient dynamoDb) {
        return new StoreRegistry(dynamoDb, tables.stores());
    }

    @Produces
    @Singleton
    StreamRouter router(NotifierConfig config, TableNames tables, NotifierService inventory,
            DashboardStreamConsumers dashboard, StoreRegistry registry, AlertLedger ledger, SnsPublisher publisher) {
        return new StreamRouter(tables.imports(), inventory, dashboard, new ImportOutcomes(registry,
                new OncePublisher(ledger, publisher, Clock.systemUTC()), new NoticeMessages(config.dashboardUrl()),
                config.imports().partialAlertShare()));
    }

    @Produces
    @Singleton
    ScheduledTasks scheduledTasks(NotifierConfig config, DigestFlusher flusher, StoreRegistry registry,
            AlertLedger ledger, SnsPublisher publisher, SummaryReconciler reconciler) {
        return new ScheduledTasks(flusher, new SilentStores(registry,
                new OncePublisher(ledger, publisher, Clock.systemUTC()), new NoticeMessages(config.dashboardUrl()),
                Duration.ofHours(config.silence().expectedIntervalHours()),
                Duration.ofHours(config.silence().shortestIntervalHours()), Clock.systemUTC()),
                () -> reconciler.reconcileDue(config.reconcile().every(), config.reconcile().quietFor(),
                        config.reconcile().maxItems()));
    }

    void close(@Disposes @Named("ledger") ExecutorService executor) {
        executor.shutdown();
    }
}

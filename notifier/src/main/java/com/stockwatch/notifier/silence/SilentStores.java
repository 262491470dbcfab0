package com.stockwatch.notifier.silence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import com.stockwatch.inventory.AlertsTable;
import com.stockwatch.inventory.Timestamps;
import com.stockwatch.notifier.ledger.LedgerEntry;
import com.stockwatch.notifier.message.NoticeMessages;
import com.stockwatch.notifier.message.NoticeType;
import com.stockwatch.notifier.publish.OncePublisher;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Finds stores that sent no file for longer than their expected interval ({@code expected_interval_hours}, else the
 * configured default) and raises one STALE_INVENTORY alert per silence: the ledger key is the last import's time, and
 * {@code stale_since} is set only after the alert went out (or was refused for good), so a crash in between sends it
 * on the next run, never twice. The imports consumer ends the silence.
 */
public class SilentStores {

    private static final Logger LOG = Logger.getLogger(SilentStores.class);

    private final StoreRegistry registry;
    private final OncePublisher publisher;
    private final NoticeMessages messages;
    private final Duration defaultInterval;
    private final Duration shortestInterval;
    private final Clock clock;

    /**
     * @param shortestInterval the shortest interval any store may have: the query reads stores silent at least that
     *                         long and compares each with its own interval
     */
    public SilentStores(StoreRegistry registry, OncePublisher publisher, NoticeMessages messages,
            Duration defaultInterval, Duration shortestInterval, Clock clock) {
        this.registry = registry;
        this.publisher = publisher;
        this.messages = messages;
        this.defaultInterval = defaultInterval;
        this.shortestInterval = shortestInterval;
        this.clock = clock;
    }

    /** Raises the alert of every newly silent store; returns their ids. */
    public List<String> check() {
        Instant now = clock.instant();
        List<String> raised = new ArrayList<>();
        for (StoreRegistry.Store store : registry.importedBefore(now.minus(shortestInterval))) {
            if (store.staleSince().isPresent() || store.lastImportAt().isEmpty()) {
                continue;
            }
            Duration expected = store.expectedIntervalHours().isPresent()
                    && store.expectedIntervalHours().getAsLong() > 0
                            ? Duration.ofHours(store.expectedIntervalHours().getAsLong()) : defaultInterval;
            Instant last = store.lastImportAt().get();
            if (last.plus(expected).isAfter(now)) {
                continue;
            }
            String lastText = Timestamps.format(last);
            LedgerEntry entry = new LedgerEntry(store.storeId(),
                    lastText + "#" + store.storeId() + "#" + NoticeType.STALE_INVENTORY.name(),
                    "silence:" + store.storeId() + ":" + lastText,
                    Map.of(AlertsTable.ITEM_ID, AttributeValue.fromS(store.lastImportFile().orElse("")),
                            AlertsTable.ITEM_NAME, AttributeValue.fromS("no file for " + expected.toHours() + " h"),
                            AlertsTable.ALERT_TYPE, AttributeValue.fromS(NoticeType.STALE_INVENTORY.name()),
                            AlertsTable.OCCURRED_AT, AttributeValue.fromS(Timestamps.format(now))));
            OncePublisher.Result result = publisher.sendAll(List.of(new OncePublisher.Notice(entry,
                    messages.stale(store.storeId(), last, store.lastImportFile(), expected, now)))).get(0);
            if (!result.done()) {
                LOG.warnf("The silence alert of store %s did not go out; the next run tries again", store.storeId());
                continue;
            }
            if (registry.markStale(store.storeId(), last, now)) {
                raised.add(store.storeId());
            }
        }
        return raised;
    }
}

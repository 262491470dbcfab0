package com.stockwatch.localstack;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Several days of one store's counts for {@code ./stockwatch demo-data --days N}: two files a day (08:00 and 17:00
 * UTC, the last before now), each item selling at its own daily rate with some noise, a quarter of the items not
 * selling at all, restocked back to its shelf size when it fell to its threshold (or, now and then, ran out and
 * waited a file at 0). Deterministic for a seed.
 */
final class DemoHistory {

    static final int[] FILE_HOURS = { 8, 17 };

    private DemoHistory() {
    }

    /** One file: its time (the S3 event time the local stack gives it) and its CSV. */
    record File(Instant time, String csv) {
    }

    /** The file times of {@code days} days up to {@code now}, oldest first. */
    static List<Instant> times(int days, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Instant> times = new ArrayList<>();
        for (int d = days; d >= 0; d--) {
            for (int hour : FILE_HOURS) {
                Instant time = today.minusDays(d).atTime(hour, 0).toInstant(ZoneOffset.UTC);
                if (!time.isAfter(now)) {
                    times.add(time);
                }
            }
        }
        return times.subList(Math.max(0, times.size() - 2 * days), times.size());
    }

    /** The store's files at {@code times}, oldest first. */
    static List<File> files(String store, int items, long seed, List<Instant> times) {
        Random random = new Random(seed);
        long[][] levels = new long[items][times.size()];
        int[] thresholds = new int[items];
        for (int n = 0; n < items; n++) {
            int threshold = 5 + random.nextInt(16);
            thresholds[n] = threshold;
            long shelf = threshold + 30 + random.nextInt(300);
            double perDay = random.nextDouble() < 0.25 ? 0 : 2 + random.nextDouble() * shelf / 4;
            long level = threshold + 1 + random.nextInt((int) shelf - threshold);
            for (int t = 0; t < times.size(); t++) {
                if (t > 0) {
                    double hours = Duration.between(times.get(t - 1), times.get(t)).toHours();
                    long sold = Math.round(perDay * hours / 24 + (perDay > 0 ? random.nextGaussian() : 0));
                    if (level == 0 || (level <= threshold && random.nextDouble() < 0.6)) {
                        level = shelf - random.nextInt(10); // the delivery came
                    } else {
                        level = Math.max(0, level - Math.max(0, sold));
                    }
                }
                levels[n][t] = level;
            }
        }
        List<File> files = new ArrayList<>(times.size());
        for (int t = 0; t < times.size(); t++) {
            StringBuilder csv = new StringBuilder("store_id,item_id,item_name,inventory_level,low_stock_threshold\n");
            for (int n = 0; n < items; n++) {
                String name = DemoData.itemName(n);
                csv.append(store).append(',').append(String.format("SKU-%05d", n + 1)).append(',')
                        .append(name.contains(",") ? '"' + name + '"' : name).append(',').append(levels[n][t])
                        .append(',').append(thresholds[n]).append('\n');
            }
            files.add(new File(times.get(t), csv.toString()));
        }
        return files;
    }
}

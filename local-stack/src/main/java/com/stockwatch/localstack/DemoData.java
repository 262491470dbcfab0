package com.stockwatch.localstack;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./stockwatch demo-data}: a realistic chain (stores in several cities, a shared catalogue of groceries and
 * household goods, about 4 % of items at 0 and 8 % at or below their threshold) written as one CSV per store and
 * uploaded to {@code s3://inventory-local/<store>/}, where the loader picks it up. Deterministic (fixed seed).
 */
final class DemoData {

    static final String USAGE = """
            Usage: ./stockwatch demo-data [--stores N] [--items N] [--days N] [--scale] [--s3-port N] [--out DIR]
              --stores N    number of stores (default 8, at most 12)
              --items N     items per store (default 1500; with --days 300)
              --days N      N days of history instead of one file: two files a day per store (08:00 and 17:00
                            UTC) with sales and restocks, uploaded oldest first, each waited for, so item pages
                            chart the history and forecast (1 to 20; each file's time is set through the local
                            stack's x-amz-meta-stockwatch-file-time)
              --dynamodb-port N  DynamoDB port of the running stack, to wait for each step's imports with --days
                            (default 8000, env STOCKWATCH_DYNAMODB_PORT)
              --scale       a real chain's size instead: store "flagship" with 300,000 items and 1,000 stores
                            store-0001 .. store-1000 with 100 items each (the loader takes a while)
              --s3-port N   S3 port of the running stack (default 9090, env STOCKWATCH_S3_PORT)
              --out DIR     also write the files to DIR
            """;

    static final List<String> STORES = List.of("berlin", "hamburg", "munich", "cologne", "paris", "lyon", "vienna",
            "amsterdam", "madrid", "milan", "prague", "warsaw");
    private static final String[] PRODUCTS = { "Whole Milk", "Oat Drink", "Greek Yoghurt", "Butter", "Cheddar",
        "Eggs (10)", "Sourdough Bread", "Croissant", "Basmati Rice", "Spaghetti", "Penne", "Tomato Sauce",
        "Olive Oil", "Sunflower Oil", "Coffee Beans", "Ground Coffee", "Green Tea", "Orange Juice", "Apple Juice",
        "Sparkling Water", "Still Water", "Dark Chocolate", "Milk Chocolate", "Muesli", "Corn Flakes", "Honey",
        "Strawberry Jam", "Peanut Butter", "Bananas", "Apples", "Tomatoes", "Potatoes", "Onions", "Carrots",
        "Chicken Breast", "Minced Beef", "Salmon Fillet", "Tofu", "Hummus", "Toilet Paper", "Kitchen Roll",
        "Dish Soap", "Laundry Detergent", "Shampoo", "Toothpaste", "Hand Soap", "Batteries AA", "Light Bulb LED" };
    private static final String[] VARIANTS = { "", " Organic", " Value", " Premium", " Family Pack", " Mini",
        " Lactose-free", " Wholegrain", " Light", " Extra" };
    private static final String[] SIZES = { "250g", "500g", "1kg", "1L", "1.5L", "6x1L", "100g", "750ml", "2kg",
        "12 pcs" };

    private DemoData() {
    }

    static void run(List<String> args, Map<String, String> env) {
        List<String> rest = new ArrayList<>(args);
        int stores = Integer.parseInt(StackOptions.take(rest, "--stores", "8"));
        int days = Integer.parseInt(StackOptions.take(rest, "--days", "0"));
        int items = Integer.parseInt(StackOptions.take(rest, "--items", days > 0 ? "300" : "1500"));
        String dynamoPort = StackOptions.take(rest, "--dynamodb-port",
                env.getOrDefault("STOCKWATCH_DYNAMODB_PORT", "8000"));
        String s3Port = StackOptions.take(rest, "--s3-port", env.getOrDefault("STOCKWATCH_S3_PORT", "9090"));
        String out = StackOptions.take(rest, "--out", null);
        boolean scale = rest.remove("--scale");
        if (!rest.isEmpty() || stores < 1 || stores > STORES.size() || items < 1 || days < 0 || days > 20
                || (days > 0 && scale)) {
            throw new IllegalArgumentException(USAGE);
        }
        if (days > 0) {
            DemoUploads.history(STORES.subList(0, stores), items, days, s3Port, dynamoPort, out);
            return;
        }
        Map<String, Integer> plan = new java.util.LinkedHashMap<>();
        if (scale) {
            plan.put("flagship", 300_000);
            for (int i = 1; i <= 1_000; i++) {
                plan.put(String.format("store-%04d", i), 100);
            }
        } else {
            STORES.subList(0, stores).forEach(store -> plan.put(store, items));
        }
        URI endpoint = URI.create("http://127.0.0.1:" + s3Port);
        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true)
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalStack.ACCESS_KEY, LocalStack.SECRET_KEY)))
                .build()) {
            int total = 0;
            int zero = 0;
            int i = 0;
            for (Map.Entry<String, Integer> entry : plan.entrySet()) {
                String store = entry.getKey();
                int count = entry.getValue();
                Chain file = storeFile(store, count, 42L + i++);
                String key = store + "/demo-stock-" + LocalDate.now() + ".csv";
                if (out != null) {
                    Path dir = Path.of(out);
                    Files.createDirectories(dir);
                    Files.writeString(dir.resolve(store + ".csv"), file.csv(), StandardCharsets.UTF_8);
                }
                s3.putObject(b -> b.bucket("inventory-local").key(key).contentType("text/csv"),
                        RequestBody.fromString(file.csv(), StandardCharsets.UTF_8));
                if (!scale || count > 100 || i % 100 == 0) {
                    System.out.printf("uploaded s3://inventory-local/%s  (%d items, %d at 0)%n", key, count,
                            file.zero());
                }
                total += count;
                zero += file.zero();
            }
            System.out.printf("%d stores, %d items, %d out of stock. The loader imports them within seconds; "
                    + "the notifier raises an alert for each item at 0.%n", plan.size(), total, zero);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the demo files: " + e.getMessage());
        } catch (RuntimeException e) {
            System.err.println("Upload to " + endpoint + " failed (is ./stockwatch local running?): " + e.getMessage());
            System.exit(1);
        }
    }

    record Chain(String csv, int zero) {
    }

    /** The catalogue's n-th item (0-based): the same name in every store. */
    static String itemName(int n) {
        String product = PRODUCTS[n % PRODUCTS.length];
        String variant = VARIANTS[(n / PRODUCTS.length) % VARIANTS.length];
        String size = SIZES[(n / (PRODUCTS.length * VARIANTS.length) + n) % SIZES.length];
        return product + variant + " " + size;
    }

    /** One store's stock: the same catalogue everywhere, levels differ per store. */
    static Chain storeFile(String store, int items, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("store_id,item_id,item_name,inventory_level,low_stock_threshold\n");
        int zero = 0;
        for (int n = 0; n < items; n++) {
            int threshold = 5 + random.nextInt(16);
            double roll = random.nextDouble();
            int level;
            if (roll < 0.04) {
                level = 0;
                zero++;
            } else if (roll < 0.12) {
                level = 1 + random.nextInt(threshold);
            } else {
                level = threshold + 1 + random.nextInt(400);
            }
            String name = itemName(n);
            csv.append(store).append(',').append(String.format(items > 99_999 ? "SKU-%06d" : "SKU-%05d", n + 1))
                    .append(',')
                    .append(name.contains(",") ? '"' + name + '"' : name).append(',').append(level).append(',')
                    .append(threshold).append('\n');
        }
        return new Chain(csv.toString(), zero);
    }
}

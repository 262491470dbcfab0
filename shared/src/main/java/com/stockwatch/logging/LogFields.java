package com.stockwatch.logging;

import org.jboss.logging.MDC;

/**
 * The fields the functions put on their log records (the MDC). In production the logs are JSON lines
 * ({@code quarkus-logging-json}, prod profile) and these fields appear under {@code mdc}, next to the
 * {@code function} field, so CloudWatch Logs Insights can filter on them ({@code filter mdc.store_id = "berlin"});
 * dev, tests and the local stack keep readable plain lines.
 */
public final class LogFields {

    /** The Lambda invocation's request id. */
    public static final String REQUEST_ID = "request_id";
    public static final String STORE_ID = "store_id";
    public static final String IMPORT_ID = "import_id";
    /** The S3 object key of the file being imported. */
    public static final String OBJECT_KEY = "object_key";
    /** A DynamoDB Stream record's {@code eventID}. */
    public static final String EVENT_ID = "event_id";
    /** How a unit of work ended: an import status, or the fate of a stream batch. */
    public static final String OUTCOME = "outcome";

    private LogFields() {
    }

    /**
     * Starts the fields of one invocation: nothing an earlier invocation of this execution environment left behind,
     * and its request id.
     */
    public static void invocation(String requestId) {
        MDC.clear();
        if (requestId != null) {
            MDC.put(REQUEST_ID, requestId);
        }
    }
}

package com.stockwatch.notifier;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.stockwatch.logging.LogFields;

/**
 * Lambda entry point of the scheduled function (the same zip as the notifier, selected with
 * {@code QUARKUS_LAMBDA_HANDLER=schedule}, a run-time setting): EventBridge Scheduler invokes it every few minutes
 * with any JSON input; it runs {@link ScheduledTasks} and returns what they did.
 */
@Named("schedule")
public class ScheduleHandler implements RequestHandler<Map<String, Object>, String> {

    @Inject
    ScheduledTasks tasks;

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        LogFields.invocation(context == null ? null : context.getAwsRequestId());
        return tasks.run();
    }
}

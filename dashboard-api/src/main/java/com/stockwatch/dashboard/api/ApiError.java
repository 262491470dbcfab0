package com.stockwatch.dashboard.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every API error: a stable {@code error} code, the {@code parameter} at fault for 400s, and a message
 * for people.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String parameter, String message) {

    public static final String BAD_PARAMETER = "bad_parameter";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not_found";
    public static final String INSUFFICIENT_SCOPE = "insufficient_scope";
    public static final String UNAVAILABLE = "unavailable";
    public static final String INTERNAL = "internal";
}

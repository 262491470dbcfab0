package com.stockwatch.testing.sns;

/**
 * One SNS message attribute as the client sent it.
 *
 * @param dataType    {@code String}, {@code String.Array}, {@code Number} or {@code Binary}
 * @param stringValue the value (for {@code String.Array} a JSON array); {@code null} for binary values
 */
public record MessageAttribute(String dataType, String stringValue) {
}

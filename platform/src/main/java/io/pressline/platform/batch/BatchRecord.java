package io.pressline.platform.batch;

/**
 * One record of a batch, with where it was read.
 *
 * @param <T> the decoded value's type
 * @param value the decoded value
 * @param key the record's key (the article id)
 * @param topic where it was read
 * @param partition its partition
 * @param offset its offset
 */
public record BatchRecord<T>(T value, Object key, String topic, int partition, long offset) {
}

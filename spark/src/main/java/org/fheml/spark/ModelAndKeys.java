package org.fheml.spark;

import java.io.Serializable;

/**
 * What every executor needs to score: the server bundle's bytes and one client's seeded evaluation keys, shipped
 * once per executor as a Spark broadcast. {@code cacheKey} names the pair (the circuit's digest and the keys' SHA-256,
 * computed once on the driver), so that an executor decompresses the keys once, not once per task.
 */
record ModelAndKeys(byte[] bundle, byte[] evaluationKeys, String cacheKey) implements Serializable {
}

package org.fheml.tfhe.optimizer;

/** A gadget decomposition (base 2^baseLog, {@code levels} digits) with the noise it leads to. */
record Decomposition(int baseLog, int levels, double variance) {
}

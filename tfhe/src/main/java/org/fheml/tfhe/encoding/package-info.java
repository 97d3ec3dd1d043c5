/** Encoding of p-bit messages with one padding bit on the 64-bit torus. */
package org.fheml.tfhe.encoding;

/** The negacyclic FFT over Z[X]/(X^N + 1) and its scalar and SIMD kernels. */
package org.fheml.tfhe.fft;

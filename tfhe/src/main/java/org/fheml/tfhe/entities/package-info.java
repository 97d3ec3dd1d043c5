/** TFHE data: secret keys, LWE/GLWE/GGSW ciphertexts, keyswitch and bootstrap keys, lookup tables. */
package org.fheml.tfhe.entities;

/** The AES-CTR CSPRNG for keys, masks and Gaussian noise. */
package org.fheml.tfhe.random;

/** TFHE algorithms, one primitive a class: encryption, leveled ops, keyswitch, external product, bootstrap. */
package org.fheml.tfhe.algorithms;

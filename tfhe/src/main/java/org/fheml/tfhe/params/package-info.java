/** Size types, TFHE parameters and the named parameter sets. */
package org.fheml.tfhe.params;

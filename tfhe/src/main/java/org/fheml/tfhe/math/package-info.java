/** Exact integer arithmetic: gadget decomposition and negacyclic polynomial products. */
package org.fheml.tfhe.math;
